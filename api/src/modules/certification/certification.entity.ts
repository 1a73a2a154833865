import { ArrayType, Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Rel, Unique } from '@mikro-orm/core';
import { Category, Course } from '../catalog/catalog.entity.js';
import { Servant } from '../servant/servant.entity.js';

/** The event that makes a rule apply to a servant. */
export enum MandatoryTrigger {
  /** Applies every period, to everyone the rule's who-filters select. */
  NONE = 'NONE',
  /** Applies to new appointees, counted from the hire date. */
  NEW_APPOINTMENT = 'NEW_APPOINTMENT',
  /** Applies after a promotion (needs promotion dates, which the HR data does not carry yet). */
  PROMOTION = 'PROMOTION',
}

export enum MandatoryFrequency {
  /** Once per calendar year (Korea time), due on 31 December. */
  YEARLY = 'YEARLY',
  /** In each half of the year, due on 30 June and 31 December. */
  TWICE_A_YEAR = 'TWICE_A_YEAR',
  /** Once, within `withinMonths` of the trigger (e.g. a new appointment). */
  ONCE_WITHIN_MONTHS = 'ONCE_WITHIN_MONTHS',
}

/**
 * A statutory-training obligation as data: who (grade range, job series, organisations with
 * their subtrees, a trigger), what (a course, or a category optionally narrowed to courses
 * whose title or tags contain a keyword), how much (hours) and how often. Never hard-coded.
 */
@Entity({ tableName: 'mandatory_training_rule' })
@Check({ name: 'mandatory_rule_target', expression: '(course_id is null) <> (category_id is null)' })
@Check({ name: 'mandatory_rule_grades', expression: '(grade_min is null or grade_min between 1 and 9) and (grade_max is null or grade_max between 1 and 9) and (grade_min is null or grade_max is null or grade_min <= grade_max)' })
@Check({ name: 'mandatory_rule_hours', expression: 'hours > 0' })
@Check({ name: 'mandatory_rule_months', expression: `(frequency = 'ONCE_WITHIN_MONTHS') = (within_months is not null) and (within_months is null or within_months between 1 and 60)` })
@Check({ name: 'mandatory_rule_once_needs_trigger', expression: `frequency <> 'ONCE_WITHIN_MONTHS' or trigger <> 'NONE'` })
export class MandatoryTrainingRule {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  name!: string;

  /** Highest grade concerned (1 = highest); null = from grade 1. */
  @Property({ type: 'smallint', nullable: true })
  gradeMin?: number | null;

  /** Lowest grade concerned; null = down to grade 9. */
  @Property({ type: 'smallint', nullable: true })
  gradeMax?: number | null;

  /** Job series concerned; empty = all. */
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'` })
  jobSeries: Opt<string[]> = [];

  /** Organisations (with their subtrees) concerned; empty = all. */
  @Property({ type: ArrayType, columnType: 'int[]', defaultRaw: `'{}'` })
  organizationIds: Opt<number[]> = [];

  @Enum({ items: () => MandatoryTrigger, default: MandatoryTrigger.NONE })
  trigger: Opt<MandatoryTrigger> = MandatoryTrigger.NONE;

  @ManyToOne(() => Course, { nullable: true, deleteRule: 'restrict' })
  course?: Rel<Course> | null;

  @ManyToOne(() => Category, { nullable: true, deleteRule: 'restrict' })
  category?: Rel<Category> | null;

  /** With a category: only courses whose title or tags contain this keyword (spacing ignored). */
  @Property({ type: 'text', nullable: true })
  topicKeyword?: string | null;

  /** Hours required per period. */
  @Property({ type: 'decimal', precision: 6, scale: 2 })
  hours!: string;

  @Enum({ items: () => MandatoryFrequency })
  frequency!: MandatoryFrequency;

  @Property({ type: 'smallint', nullable: true })
  withinMonths?: number | null;

  @Property({ type: 'text', default: '' })
  legalBasis: Opt<string> = '';

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** A certification programme: requirements that, once met, award a certification. */
@Entity({ tableName: 'certification_program' })
@Check({ name: 'certification_program_values', expression: 'total_credits > 0 and (window_months is null or window_months between 1 and 240) and (validity_months is null or validity_months between 1 and 240)' })
export class CertificationProgram {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  /** Stable machine name, e.g. DIGITAL_ADMIN_EXPERT. */
  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Property({ type: 'decimal', precision: 8, scale: 2 })
  totalCredits!: string;

  /** Only credits earned in the last N months count; null = all. */
  @Property({ type: 'smallint', nullable: true })
  windowMonths?: number | null;

  /** Months a certification stays valid; null = it never expires. */
  @Property({ type: 'smallint', nullable: true })
  validityMonths?: number | null;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Minimum credits a programme asks for in a category (and its subcategories). */
@Entity({ tableName: 'certification_program_category_minimum' })
@Check({ name: 'certification_minimum_positive', expression: 'credits > 0' })
export class CertificationProgramCategoryMinimum {
  @ManyToOne(() => CertificationProgram, { primary: true, deleteRule: 'cascade' })
  program!: Rel<CertificationProgram>;

  @ManyToOne(() => Category, { primary: true, deleteRule: 'restrict' })
  category!: Rel<Category>;

  @Property({ type: 'decimal', precision: 8, scale: 2 })
  credits!: string;
}

/**
 * A course a programme requires. Kept by normalised title as well as by id, so that a seeded
 * programme can name a course that the catalogue adds later, and a re-created course with the
 * same subject still satisfies it.
 */
@Entity({ tableName: 'certification_program_required_course' })
@Unique({ name: 'certification_required_course_once', properties: ['program', 'titleKey'] })
export class CertificationProgramRequiredCourse {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => CertificationProgram, { deleteRule: 'cascade' })
  program!: Rel<CertificationProgram>;

  @ManyToOne(() => Course, { nullable: true, deleteRule: 'set null' })
  course?: Rel<Course> | null;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  titleKey!: string;
}

/**
 * A certification awarded to a servant. `cycle` numbers the awards of one programme to one
 * servant (1, then renewals): the unique constraint makes a concurrent second award of the
 * same cycle impossible. `ledgerWatermark` is the last ledger entry counted, so a renewal
 * counts only entries recorded after this award. A revoked certification stays (for history and
 * verification) but no longer counts as held; the next award takes the next cycle.
 */
@Entity({ tableName: 'certification' })
@Unique({ name: 'certification_once_per_cycle', properties: ['program', 'servant', 'cycle'] })
@Index({ name: 'certification_servant', properties: ['servant', 'id'] })
export class Certification {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => CertificationProgram, { deleteRule: 'restrict' })
  program!: Rel<CertificationProgram>;

  @ManyToOne(() => Servant, { deleteRule: 'restrict' })
  servant!: Rel<Servant>;

  @Property({ type: 'smallint' })
  cycle!: number;

  @Property({ type: 'timestamptz' })
  awardedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  /** Unguessable public code (base32, 16 characters from 80 random bits). */
  @Property({ type: 'text', unique: true })
  verificationCode!: string;

  @Property({ type: 'decimal', precision: 8, scale: 2 })
  creditsCounted!: string;

  @Property({ type: 'bigint' })
  ledgerWatermark!: string;

  /** Set when a reversal of an entry it counted left its requirements unmet. */
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  /** Why, in Korean, e.g. which entry was reversed (set with revokedAt). */
  @Property({ type: 'text', nullable: true })
  revokedReason?: string | null;
}
