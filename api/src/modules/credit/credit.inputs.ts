import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../common/scalars.js';
import { CreditKind } from './credit.entity.js';

@InputType({ description: 'Minutes one servant attended.' })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The servant (must hold a confirmed registration in the offering).' })
  servantId!: string;
  @Field(() => Int, { description: 'Minutes attended, 0 (absent) to the lecture\'s length.' })
  minutesAttended!: number;
}

@InputType({ description: 'Attendance of a classroom or live lecture. Entries not listed keep their current state.' })
export class AttendanceRecordInput {
  @Field(() => ID, { description: 'The offering (IN_PERSON or LIVE_ONLINE course).' })
  offeringId!: string;
  @Field(() => [AttendanceEntryInput], { description: 'One entry per servant (at most 2,000).' })
  entries!: AttendanceEntryInput[];
}

@InputType({ description: 'Progress and score of one servant in a recorded lecture.' })
export class OnlineProgressEntryInput {
  @Field(() => ID, { description: 'The servant (must hold a confirmed registration in the offering).' })
  servantId!: string;
  @Field(() => DecimalScalar, { description: 'Progress in percent, 0–100.' })
  progressPercent!: string;
  @Field(() => DecimalScalar, { description: 'Score, 0–100.' })
  score!: string;
}

@InputType({ description: 'Progress of a recorded lecture. Entries not listed keep their current state.' })
export class OnlineProgressRecordInput {
  @Field(() => ID, { description: 'The offering (RECORDED course).' })
  offeringId!: string;
  @Field(() => [OnlineProgressEntryInput], { description: 'One entry per servant (at most 2,000).' })
  entries!: OnlineProgressEntryInput[];
}

@InputType({ description: 'A CSV of a whole offering\'s attendance.' })
export class AttendanceImportInput {
  @Field(() => ID, { description: 'The offering.' })
  offeringId!: string;
  @Field({
    description:
      'CSV text with a header. Columns: employee_number (사번), and minutes_attended (출석시간(분)) for classroom/live lectures, or progress (진도율) and score (점수) for recorded ones.',
  })
  csv!: string;
}

@InputType({ description: 'An administrator\'s ledger entry: recognised outside learning, or an adjustment.' })
export class CreditTransactionRecordInput {
  @Field(() => ID, { description: 'The servant (in the viewer\'s scope).' })
  servantId!: string;
  @Field(() => CreditKind, { description: 'RECOGNIZED (outside learning, positive, capped per year, duplicate subjects refused) or ADJUSTED (either sign).' })
  kind!: CreditKind;
  @Field(() => DecimalScalar, { description: 'Signed credits, at most two decimals, non-zero.' })
  amount!: string;
  @Field({ description: 'Why (1–500 characters).' })
  reason!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Learning hours it represents (default 0).' })
  hours?: string | null;
  @Field(() => String, { nullable: true, description: 'Subject title (required for RECOGNIZED; checked against the duplicate-subject rule).' })
  title?: string | null;
  @Field(() => ID, { nullable: true, description: 'Category the credits count toward.' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true, description: 'Evidence: certificate number, link, file reference (required for RECOGNIZED).' })
  evidence?: string | null;
  @Field(() => LocalDateScalar, { description: 'When the learning happened (Korea date); its year is the year the entry counts in.' })
  occurredOn!: string;
  @Field({ description: 'Client-chosen key (1–200 characters): a retry with the same key returns the original entry and records nothing.' })
  idempotencyKey!: string;
}

@InputType({ description: 'Reverses a ledger entry.' })
export class CreditTransactionReverseInput {
  @Field(() => ID, { description: 'The entry to reverse (not itself a reversal).' })
  transactionId!: string;
  @Field({ description: 'Why (1–500 characters).' })
  reason!: string;
  @Field({ description: 'Client-chosen key (1–200 characters): a retry with the same key returns the original reversal.' })
  idempotencyKey!: string;
}

@InputType({ description: 'Required yearly hours of one grade.' })
export class GradeHoursInput {
  @Field(() => Int, { description: 'Grade 1–9.' })
  grade!: number;
  @Field(() => DecimalScalar, { description: 'Hours a year, 0–1000.' })
  hours!: string;
}

@InputType({ description: 'A year\'s credit policy (replaces the stored one).' })
export class CreditPolicyUpdateInput {
  @Field(() => Int, { description: 'The year (2000–2100).' })
  year!: number;
  @Field(() => DecimalScalar, { description: 'Credits per hour of lecture (above 0, at most 10). Applies to attendance recorded from now on.' })
  creditsPerHour!: string;
  @Field(() => DecimalScalar, { description: 'Yearly cap on RECOGNIZED credits per servant (0–9999.99).' })
  recognizedYearlyCap!: string;
  @Field(() => [GradeHoursInput], { description: 'Required hours for each grade 1–9, each exactly once.' })
  requiredHoursByGrade!: GradeHoursInput[];
}
