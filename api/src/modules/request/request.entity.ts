import { ArrayType, Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { Servant } from '../servant/servant.entity.js';
import { Category, CourseFormat } from '../catalog/catalog.entity.js';

export enum DemandStatus {
  OPEN = 'OPEN',
  PLANNED = 'PLANNED',
  DECLINED = 'DECLINED',
}

/** Similar training requests grouped together: what servants want, counted by person. */
@Entity({ tableName: 'demand' })
export class Demand {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text' })
  label!: string;

  @ManyToOne(() => Category, { nullable: true, deleteRule: 'set null' })
  category?: Rel<Category> | null;

  @Enum({ items: () => DemandStatus, default: DemandStatus.OPEN })
  status: Opt<DemandStatus> = DemandStatus.OPEN;

  /** Shown to the requesters when the institute declines the demand. */
  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  /** Set when the demand was merged into another one (it then has no requests left). */
  @ManyToOne(() => Demand, { nullable: true, deleteRule: 'set null' })
  mergedInto?: Rel<Demand> | null;

  /** When the demand first reached the minimum number of requesters (event sent once). */
  @Property({ type: 'timestamptz', nullable: true })
  thresholdReachedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

export enum TrainingRequestStatus {
  OPEN = 'OPEN',
  WITHDRAWN = 'WITHDRAWN',
}

/** One servant's wish for training on a topic. */
@Entity({ tableName: 'training_request' })
@Check({ name: 'training_request_month', expression: `preferred_month is null or preferred_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'` })
@Index({ name: 'training_request_demand', properties: ['demand', 'status'] })
export class TrainingRequest {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Servant, { deleteRule: 'cascade', index: true })
  servant!: Rel<Servant>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @ManyToOne(() => Category, { nullable: true, deleteRule: 'set null' })
  category?: Rel<Category> | null;

  @Enum({ items: () => CourseFormat, nullable: true })
  preferredFormat?: CourseFormat | null;

  @Property({ type: 'text', nullable: true })
  preferredMonth?: string | null;

  @Enum({ items: () => TrainingRequestStatus, default: TrainingRequestStatus.OPEN })
  status: Opt<TrainingRequestStatus> = TrainingRequestStatus.OPEN;

  @ManyToOne(() => Demand, { nullable: true, deleteRule: 'set null' })
  demand?: Rel<Demand> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;
}

/** "Me too": a servant backs a demand without writing a request. */
@Entity({ tableName: 'demand_support' })
@Unique({ name: 'demand_support_once', properties: ['demand', 'servant'] })
export class DemandSupport {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Demand, { deleteRule: 'cascade' })
  demand!: Rel<Demand>;

  @ManyToOne(() => Servant, { deleteRule: 'cascade', index: true })
  servant!: Rel<Servant>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** Terms that mean the same thing in requests (엑셀 ↔ 스프레드시트), edited by administrators. */
@Entity({ tableName: 'synonym_group' })
export class SynonymGroup {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: ArrayType, columnType: 'text[]' })
  terms!: string[];

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
