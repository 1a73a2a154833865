import { ArrayType, Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, type Opt, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Demand } from '../request/request.entity.js';

/** A small, editable tree of subject areas (디지털·AI, 정책·법령, …). */
@Entity({ tableName: 'category' })
export class Category {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  /** Stable machine name, e.g. DIGITAL_AI. */
  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => Category, { nullable: true, deleteRule: 'restrict' })
  parent?: Rel<Category> | null;

  @Property({ type: 'int', default: 0 })
  sortOrder: Opt<number> = 0;
}

export enum CourseFormat {
  IN_PERSON = 'IN_PERSON',
  LIVE_ONLINE = 'LIVE_ONLINE',
  RECORDED = 'RECORDED',
}

export enum CourseStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}

/** A catalogue entry: a 1–2 hour lecture subject. */
@Entity({ tableName: 'course' })
@Check({ name: 'course_length_range', expression: 'length_minutes between 60 and 120' })
@Check({ name: 'course_credit_nonnegative', expression: 'credit_value >= 0' })
@Index({ name: 'course_title_key', properties: ['titleKey'] })
export class Course {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  title!: string;

  /** Normalised title (NFC, no spacing/punctuation) used to find duplicates. */
  @Property({ type: 'text' })
  titleKey!: string;

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @ManyToOne(() => Category, { deleteRule: 'restrict', index: true })
  category!: Rel<Category>;

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  tags: Opt<string[]> = [];

  @Property({ type: 'smallint' })
  lengthMinutes!: number;

  /** Derived from the length and the credits-per-hour setting when the course is saved. */
  @Property({ type: 'decimal', precision: 6, scale: 2 })
  creditValue!: string;

  @Enum({ items: () => CourseFormat })
  format!: CourseFormat;

  @Enum({ items: () => CourseStatus, default: CourseStatus.ACTIVE })
  status: Opt<CourseStatus> = CourseStatus.ACTIVE;

  @ManyToMany({ entity: () => Demand, pivotTable: 'course_demand', owner: true })
  demands = new Collection<Demand>(this);

  @OneToMany(() => LearningResource, (r) => r.course)
  resources = new Collection<LearningResource>(this);

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

export enum LearningResourceKind {
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
  WEBSITE = 'WEBSITE',
  BOOK = 'BOOK',
  DATASET = 'DATASET',
}

/** Material gathered for a course (lecture notes, videos, guides). */
@Entity({ tableName: 'learning_resource' })
export class LearningResource {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Course, { deleteRule: 'cascade', index: true })
  course!: Rel<Course>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  url!: string;

  @Property({ type: 'text', default: '' })
  provider: Opt<string> = '';

  @Enum({ items: () => LearningResourceKind })
  kind!: LearningResourceKind;
}

/** Platform-wide settings kept as data (credits per hour, grouping threshold, …). */
@Entity({ tableName: 'platform_setting' })
export class PlatformSetting {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'jsonb' })
  value!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
