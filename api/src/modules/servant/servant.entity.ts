import { ArrayType, Check, Collection, Entity, Index, ManyToOne, OneToMany, type Opt, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Organization } from '../organization/organization.entity.js';

/**
 * A public servant. Interests and hobbies are optional personal data used only with consent:
 * the database itself refuses them while consent is absent.
 */
@Entity({ tableName: 'servant' })
@Check({ name: 'servant_grade_range', expression: 'grade between 1 and 9' })
@Check({
  name: 'servant_optional_data_needs_consent',
  expression: 'consent_given_at is not null or (cardinality(interests) = 0 and cardinality(hobbies) = 0)',
})
@Index({ name: 'servant_name_id', properties: ['name', 'id'] })
export class Servant {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  employeeNumber!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** The province, city or county the servant belongs to. */
  @ManyToOne(() => Organization, { deleteRule: 'restrict', index: true })
  organization!: Rel<Organization>;

  /** The department or agency within `organization`, when known. */
  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict', index: true })
  department?: Rel<Organization> | null;

  @Property({ type: 'text' })
  jobSeries!: string;

  @Property({ type: 'smallint' })
  grade!: number;

  @Property({ type: 'text', default: '' })
  position: Opt<string> = '';

  @Property({ type: 'date', nullable: true })
  hireDate?: string | null;

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  interests: Opt<string[]> = [];

  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  hobbies: Opt<string[]> = [];

  @Property({ type: 'timestamptz', nullable: true })
  consentGivenAt?: Date | null;

  @OneToMany(() => Assignment, (a) => a.servant)
  assignments = new Collection<Assignment>(this);

  @OneToMany(() => EducationRecord, (e) => e.servant)
  educationRecords = new Collection<EducationRecord>(this);

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** One entry of a servant's work history. */
@Entity({ tableName: 'assignment' })
@Check({ name: 'assignment_dates', expression: 'ended_on is null or ended_on >= started_on' })
export class Assignment {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Servant, { deleteRule: 'cascade', index: true })
  servant!: Rel<Servant>;

  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  organization!: Rel<Organization>;

  @ManyToOne(() => Organization, { nullable: true, deleteRule: 'restrict' })
  department?: Rel<Organization> | null;

  @Property({ type: 'text' })
  position!: string;

  @Property({ type: 'text', default: '' })
  duties: Opt<string> = '';

  @Property({ type: 'date' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;
}

export enum EducationSource {
  PLATFORM = 'PLATFORM',
  EXTERNAL = 'EXTERNAL',
}

/** A training the servant completed before or outside the platform. */
@Entity({ tableName: 'education_record' })
@Check({ name: 'education_hours_positive', expression: 'hours > 0' })
export class EducationRecord {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Servant, { deleteRule: 'cascade', index: true })
  servant!: Rel<Servant>;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', default: '' })
  provider: Opt<string> = '';

  @Property({ type: 'decimal', precision: 6, scale: 2 })
  hours!: string;

  @Property({ type: 'date' })
  completedOn!: string;

  @Property({ type: 'text', default: '' })
  category: Opt<string> = '';

  @Property({ type: 'text', default: EducationSource.EXTERNAL })
  source: Opt<EducationSource> = EducationSource.EXTERNAL;
}
