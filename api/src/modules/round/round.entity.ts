import { ArrayType, Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Course } from '../catalog/catalog.entity.js';
import { Servant } from '../servant/servant.entity.js';

export enum EnrollmentRoundStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** One month's enrollment cycle with its registration window. */
@Entity({ tableName: 'enrollment_round' })
@Check({ name: 'enrollment_round_month', expression: `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'` })
@Check({ name: 'enrollment_round_window', expression: 'closes_at > opens_at' })
@Check({ name: 'enrollment_round_minimum', expression: 'minimum_registrants between 1 and 1000' })
export class EnrollmentRound {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  /** Calendar month in Asia/Seoul, e.g. 2026-12. One round per month. */
  @Property({ type: 'text', unique: true })
  month!: string;

  @Property({ type: 'timestamptz' })
  opensAt!: Date;

  @Property({ type: 'timestamptz' })
  closesAt!: Date;

  @Enum({ items: () => EnrollmentRoundStatus, default: EnrollmentRoundStatus.DRAFT })
  status: Opt<EnrollmentRoundStatus> = EnrollmentRoundStatus.DRAFT;

  /** The rule of five: the default minimum for the round's offerings. */
  @Property({ type: 'smallint', default: 5 })
  minimumRegistrants: Opt<number> = 5;

  @Property({ type: 'timestamptz', nullable: true })
  openedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

export enum CourseOfferingStatus {
  SCHEDULED = 'SCHEDULED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}

/** A course scheduled in a round: what servants register for. */
@Entity({ tableName: 'course_offering' })
@Check({ name: 'course_offering_slot', expression: 'ends_at > starts_at' })
@Check({ name: 'course_offering_capacity', expression: 'capacity between 1 and 10000' })
@Check({ name: 'course_offering_minimum', expression: 'minimum_registrants is null or minimum_registrants between 1 and 1000' })
export class CourseOffering {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => EnrollmentRound, { deleteRule: 'cascade', index: true })
  round!: Rel<EnrollmentRound>;

  @ManyToOne(() => Course, { deleteRule: 'restrict', index: true })
  course!: Rel<Course>;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  @Property({ type: 'text', nullable: true })
  place?: string | null;

  @Property({ type: 'text', nullable: true })
  onlineUrl?: string | null;

  @Property({ type: 'int' })
  capacity!: number;

  /** Overrides the round's minimum; null = the round's. */
  @Property({ type: 'smallint', nullable: true })
  minimumRegistrants?: number | null;

  @Property({ type: 'text', nullable: true })
  instructorName?: string | null;

  /** Organisations (with their subtrees) whose servants may register; empty = everyone. */
  @Property({ type: ArrayType, columnType: 'int[]', defaultRaw: `'{}'` })
  eligibleOrganizationIds: Opt<number[]> = [];

  @Enum({ items: () => CourseOfferingStatus, default: CourseOfferingStatus.SCHEDULED })
  status: Opt<CourseOfferingStatus> = CourseOfferingStatus.SCHEDULED;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

export enum EnrollmentStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED_BY_SERVANT = 'CANCELLED_BY_SERVANT',
  CANCELLED_COURSE_DISCONTINUED = 'CANCELLED_COURSE_DISCONTINUED',
  ATTENDED = 'ATTENDED',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
}

/**
 * One servant's registration in one offering. The time slot is copied from the offering so
 * that the database itself refuses overlapping active registrations (exclusion constraint).
 */
@Entity({ tableName: 'enrollment' })
@Index({ name: 'enrollment_offering_status', properties: ['offering', 'status'] })
export class Enrollment {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => CourseOffering, { deleteRule: 'cascade' })
  offering!: Rel<CourseOffering>;

  @ManyToOne(() => Servant, { deleteRule: 'cascade', index: true })
  servant!: Rel<Servant>;

  @Enum({ items: () => EnrollmentStatus })
  status!: EnrollmentStatus;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz' })
  endsAt!: Date;

  /** Attendance of in-person and live lectures. */
  @Property({ type: 'int', nullable: true })
  minutesAttended?: number | null;

  /** Recorded lectures: progress (%) and score. */
  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  progressPercent?: string | null;

  @Property({ type: 'decimal', precision: 5, scale: 2, nullable: true })
  score?: string | null;

  /** Why the registration is or is not completed, in words (shown to the servant). */
  @Property({ type: 'text', nullable: true })
  completionNote?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
