import { Ctx, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../../common/scalars.js';
import type { Context } from '../../graphql/context.js';
import { CategoryType, CourseType } from '../catalog/catalog.types.js';
import { EnrollmentType } from '../round/round.types.js';
import { ServantType } from '../servant/servant.types.js';
import { CreditKind, CreditTransaction } from './credit.entity.js';

registerEnumType(CreditKind, {
  name: 'CreditKind',
  description: 'Kind of a ledger entry.',
  valuesConfig: {
    EARNED: { description: 'Completed a platform lecture: exactly one per completed registration.' },
    RECOGNIZED: { description: 'Recognised outside learning (licence, external course), with evidence; capped per year.' },
    ADJUSTED: { description: 'An administrator\'s correction with a reason (also used when a corrected attendance upload restores a completion whose EARNED entry was reversed).' },
    REVERSED: { description: 'Cancels an earlier entry (same amount and hours, negated); an entry is reversed at most once and a reversal is never reversed.' },
  },
});

/**
 * A ledger entry as the API serves it: a plain object built from the row
 * (`CreditTransactionType.from`), its relations resolved here ("internal" field resolvers,
 * so the type needs no resolver class of its own; each goes through a per-operation loader).
 */
@ObjectType('CreditTransaction', {
  implements: NodeInterface,
  description:
    'An entry of the append-only credit ledger. Never changed or deleted: a correction is a new REVERSED entry pointing at the original. Visible to the servant and to administrators in scope (reads are logged as personal data); reporting subscriptions see entries without the servant.',
})
export class CreditTransactionType {
  /** Database id (bigint as a string); the GraphQL `id` is the global id built from it. */
  id!: string;
  servantId!: number;
  enrollmentId!: number | null;
  courseId!: number | null;
  categoryId!: number | null;
  reversesId!: string | null;

  @Field(() => DecimalScalar, { description: 'Signed credits, exact decimal (e.g. "1.5", "-1.5").' })
  amount!: string;

  @Field(() => CreditKind, { description: 'EARNED, RECOGNIZED, ADJUSTED or REVERSED.' })
  kind!: CreditKind;

  @Field({ description: 'Why the entry exists, in words (Korean).' })
  reason!: string;

  @Field(() => DecimalScalar, { description: 'Learning hours this entry represents (negative for a reversal); counts toward the yearly requirement.' })
  hours!: string;

  @Field(() => String, { nullable: true, description: 'Subject title (course or outside learning).' })
  subjectTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'Evidence of recognised outside learning (certificate number, link, file reference).' })
  evidence!: string | null;

  @Field(() => LocalDateScalar, { description: 'When the learning happened (Korea date).' })
  occurredOn!: string;

  @Field(() => Int, { description: 'Year (Korea time) the entry counts in, for caps and obligations. A reversal counts in its original\'s year.' })
  year!: number;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  recordedAt!: Date;

  static from(t: CreditTransaction): CreditTransactionType {
    return Object.assign(new CreditTransactionType(), {
      id: String(t.id),
      servantId: t.servant.id,
      enrollmentId: t.enrollment?.id ?? null,
      courseId: t.course?.id ?? null,
      categoryId: t.category?.id ?? null,
      reversesId: t.reverses ? String(t.reverses.id) : null,
      amount: String(t.amount),
      kind: t.kind,
      reason: t.reason,
      hours: String(t.hours),
      subjectTitle: t.subjectTitle ?? null,
      evidence: t.evidence ?? null,
      occurredOn: typeof t.occurredOn === 'string' ? t.occurredOn : new Date(t.occurredOn).toISOString().slice(0, 10),
      year: t.year,
      recordedAt: t.recordedAt,
    });
  }

  @Field(() => ServantType, { nullable: true, description: 'The servant (null when the viewer may not see them, e.g. reporters).' })
  servant(@Ctx() ctx: Context) {
    return ctx.services.servants.byId(this.servantId);
  }

  @Field(() => CategoryType, { nullable: true, description: 'Category the credits count toward.' })
  category(@Ctx() ctx: Context) {
    return this.categoryId ? ctx.services.catalog.categoryById(this.categoryId) : null;
  }

  @Field(() => CourseType, { nullable: true, description: 'The platform course (EARNED entries, re-credits and their reversals).' })
  course(@Ctx() ctx: Context) {
    return this.courseId ? ctx.services.catalog.courseById(this.courseId) : null;
  }

  @Field(() => EnrollmentType, { nullable: true, description: 'The completed registration this entry comes from (EARNED, re-credits and their reversals).' })
  enrollment(@Ctx() ctx: Context) {
    return this.enrollmentId ? ctx.services.credits.enrollmentOf(this.enrollmentId) : null;
  }

  @Field(() => CreditTransactionType, { nullable: true, description: 'The entry this one reverses (REVERSED entries only).' })
  reverses(@Ctx() ctx: Context) {
    return this.reversesId ? ctx.services.credits.transactionById(this.reversesId) : null;
  }

  @Field(() => CreditTransactionType, { nullable: true, description: 'The entry that reversed this one, if any.' })
  reversedBy(@Ctx() ctx: Context) {
    return ctx.services.credits.reversalOf(this.id);
  }
}

@ObjectType({ description: 'A page of ledger entries, newest first.' })
export class CreditTransactionConnection extends ConnectionType(CreditTransactionType, 'CreditTransaction') {}

@ObjectType({ description: 'Credits in one category, net of reversals.' })
export class CreditCategoryTotal {
  categoryId!: number | null;

  @Field(() => CategoryType, { nullable: true, description: 'The category; null for entries without one.' })
  category(@Ctx() ctx: Context) {
    return this.categoryId ? ctx.services.catalog.categoryById(this.categoryId) : null;
  }

  @Field(() => DecimalScalar, { description: 'Credits, exact decimal.' })
  credits!: string;
}

@ObjectType({ description: 'Credits of one kind, net of reversals (a reversal counts against the kind it cancels, so REVERSED never appears).' })
export class CreditKindTotal {
  @Field(() => CreditKind, { description: 'EARNED, RECOGNIZED or ADJUSTED.' })
  kind!: CreditKind;

  @Field(() => DecimalScalar, { description: 'Credits, exact decimal.' })
  credits!: string;
}

@ObjectType({ description: 'A servant\'s credit bank at a glance. Personal data: the servant and administrators in scope.' })
export class CreditSummary {
  @Field(() => DecimalScalar, { description: 'Current balance: the stored balance, always equal to the sum of the ledger.' })
  balance!: string;

  @Field(() => DecimalScalar, { description: 'Net credits of entries counting in the current year (Korea time), all kinds, reversals deducted.' })
  earnedThisYear!: string;

  @Field(() => [CreditCategoryTotal], { description: 'Net credits per category, largest first (non-zero totals only).' })
  byCategory!: CreditCategoryTotal[];

  @Field(() => [CreditKindTotal], { description: 'Net credits per kind (non-zero totals only).' })
  byKind!: CreditKindTotal[];
}

@ObjectType({ description: 'Learning hours of a year against the requirement of the servant\'s grade.' })
export class LearningHours {
  @Field(() => Int, { description: 'The year (January–December, Korea time).' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Hours required for the servant\'s grade by that year\'s credit policy (0 when the year has no policy).' })
  required!: string;

  @Field(() => DecimalScalar, { description: 'Hours of ledger entries counting in that year, reversals deducted.' })
  completed!: string;

  @Field(() => DecimalScalar, { description: 'Hours still missing (never negative).' })
  remaining!: string;

  @Field(() => DecimalScalar, { description: 'Hours expected by now: required × the elapsed share of the year (Korea time).' })
  expectedByNow!: string;

  @Field({ description: 'Whether completed ≥ expectedByNow.' })
  onTrack!: boolean;
}

@ObjectType({ description: 'A year\'s credit policy. Readable by every signed-in viewer; changed by institute administrators.' })
export class CreditPolicyType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => DecimalScalar, { description: 'Credits per hour of lecture (a 90-minute lecture earns 1.5 at 1 per hour).' })
  creditsPerHour!: string;

  @Field(() => DecimalScalar, { description: 'Yearly cap on RECOGNIZED (outside learning) credits per servant, net of reversals.' })
  recognizedYearlyCap!: string;

  @Field(() => [GradeHours], { description: 'Yearly learning hours required, by grade 1–9.' })
  requiredHoursByGrade!: GradeHours[];

  @Field({ description: 'False when the year has no stored policy and these are the defaults.' })
  stored!: boolean;
}

@ObjectType({ description: 'Required learning hours of one grade.' })
export class GradeHours {
  @Field(() => Int, { description: 'Grade 1–9.' })
  grade!: number;

  @Field(() => DecimalScalar, { description: 'Hours a year.' })
  hours!: string;
}

@ObjectType({ description: 'What recording attendance decided for one registration.' })
export class AttendanceOutcome {
  @Field(() => EnrollmentType, { description: 'The registration, with its new status.' })
  enrollment!: unknown;

  @Field(() => Int, { nullable: true, description: 'Minutes attended (classroom and live lectures).' })
  minutesAttended!: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Progress in percent (recorded lectures).' })
  progressPercent!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Score (recorded lectures).' })
  score!: string | null;

  @Field({ description: 'Why the registration is or is not completed, in words (Korean).' })
  completionNote!: string;

  @Field(() => CreditTransactionType, { nullable: true, description: 'The credit entry recorded by this upload (EARNED, or ADJUSTED when a corrected upload restores a reversed completion, or REVERSED when a correction takes completion away); null when nothing was recorded.' })
  transaction!: CreditTransactionType | null;
}

export { EnrollmentType };
