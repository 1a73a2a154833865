import { Check, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Category, Course } from '../catalog/catalog.entity.js';
import { Enrollment } from '../round/round.entity.js';
import { Servant } from '../servant/servant.entity.js';

export enum CreditKind {
  /** Completed a platform lecture (exactly one per completed enrollment). */
  EARNED = 'EARNED',
  /** Recognised outside learning (licence, external course), with evidence. */
  RECOGNIZED = 'RECOGNIZED',
  /** An administrator's correction with a reason. */
  ADJUSTED = 'ADJUSTED',
  /** Cancels an earlier entry (points at it); an entry is reversed at most once. */
  REVERSED = 'REVERSED',
}

/**
 * The credit bank's ledger: append-only in the database (a trigger refuses UPDATE, DELETE and
 * TRUNCATE). A correction is a new REVERSED entry pointing at the original. `credit_balance`
 * is maintained by an insert trigger in the same transaction.
 */
@Entity({ tableName: 'credit_transaction' })
@Check({ name: 'credit_amount_nonzero', expression: 'amount <> 0' })
@Check({ name: 'credit_reversal_shape', expression: `(kind = 'REVERSED') = (reverses_id is not null)` })
@Check({ name: 'credit_earned_has_enrollment', expression: `kind <> 'EARNED' or enrollment_id is not null` })
@Index({ name: 'credit_transaction_servant', properties: ['servant', 'id'] })
export class CreditTransaction {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Servant, { deleteRule: 'restrict' })
  servant!: Rel<Servant>;

  /** Signed, exact: credits as a decimal string (e.g. "1.5", "-1.5"). */
  @Property({ type: 'decimal', precision: 8, scale: 2 })
  amount!: string;

  @Enum({ items: () => CreditKind })
  kind!: CreditKind;

  @Property({ type: 'text' })
  reason!: string;

  /** Source of an EARNED entry (unique: one EARNED per enrollment, see the migration). */
  @ManyToOne(() => Enrollment, { nullable: true, deleteRule: 'restrict' })
  enrollment?: Rel<Enrollment> | null;

  @ManyToOne(() => Course, { nullable: true, deleteRule: 'restrict' })
  course?: Rel<Course> | null;

  /** Category the credits count toward (course's category, or given for recognised learning). */
  @ManyToOne(() => Category, { nullable: true, deleteRule: 'restrict' })
  category?: Rel<Category> | null;

  /** Title of the subject (course or outside learning) and its normalised key for the duplicate rule. */
  @Property({ type: 'text', nullable: true })
  subjectTitle?: string | null;

  @Property({ type: 'text', nullable: true })
  subjectKey?: string | null;

  /** Hours of learning this entry represents (for learning-hour obligations). */
  @Property({ type: 'decimal', precision: 8, scale: 2, default: 0 })
  hours: Opt<string> = '0';

  /** Evidence of recognised outside learning (certificate number, link, file reference). */
  @Property({ type: 'text', nullable: true })
  evidence?: string | null;

  @ManyToOne(() => CreditTransaction, { nullable: true, deleteRule: 'restrict', unique: 'credit_transaction_reversed_once' })
  reverses?: Rel<CreditTransaction> | null;

  /** Account that recorded it; null for entries the platform records itself. */
  @Property({ type: 'int', nullable: true })
  recordedByAccountId?: number | null;

  /** When the learning happened (Korea date). */
  @Property({ type: 'date' })
  occurredOn!: string;

  /** Year (Korea time) the entry counts in, for caps and obligations. */
  @Property({ type: 'smallint' })
  year!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Opt<Date> = new Date();

  /** Client-supplied key for administrator entries: a retry records nothing twice. */
  @Property({ type: 'text', nullable: true, unique: true })
  idempotencyKey?: string | null;
}

/** Credit policy of a year, editable by institute administrators. */
@Entity({ tableName: 'credit_policy' })
@Check({ name: 'credit_policy_values', expression: 'credits_per_hour > 0 and recognized_yearly_cap >= 0' })
export class CreditPolicy {
  @PrimaryKey({ type: 'smallint', autoincrement: false })
  year!: number;

  @Property({ type: 'decimal', precision: 6, scale: 2, default: 1 })
  creditsPerHour: Opt<string> = '1';

  /** Yearly cap on RECOGNIZED credits (the Academic Credit Bank caps 42 a year). */
  @Property({ type: 'decimal', precision: 6, scale: 2, default: 42 })
  recognizedYearlyCap: Opt<string> = '42';

  /** Required learning hours by grade, e.g. {"1": 40, …, "9": 80}. */
  @Property({ type: 'jsonb' })
  requiredHoursByGrade!: Record<string, number>;
}

/** Stored balance per servant, kept equal to the ledger's sum by a trigger. */
@Entity({ tableName: 'credit_balance' })
export class CreditBalance {
  @PrimaryKey({ type: 'int', autoincrement: false })
  servantId!: number;

  @Property({ type: 'decimal', precision: 10, scale: 2 })
  balance!: string;
}
