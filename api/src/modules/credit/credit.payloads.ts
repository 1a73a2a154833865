import { Field, Int, ObjectType } from 'type-graphql';
import {
  AttendanceImportError,
  AttendanceImportRowErrorCode,
  AttendanceRecordError,
  CreditPolicyUpdateError,
  CreditTransactionRecordError,
  CreditTransactionReverseError,
  OnlineProgressRecordError,
} from './credit.errors.js';
import { AttendanceOutcome, CreditPolicyType, CreditTransactionType } from './credit.types.js';
import { CourseOfferingType } from '../round/round.types.js';

@ObjectType({ description: 'Result of attendanceRecord.' })
export class AttendanceRecordPayload {
  @Field(() => CourseOfferingType, { nullable: true, description: 'The offering, now COMPLETED.' })
  offering!: unknown;
  @Field(() => [AttendanceOutcome], { description: 'What was decided for each entry.' })
  outcomes!: AttendanceOutcome[];
  @Field(() => [AttendanceRecordError], { description: 'Why it was refused (nothing is recorded then).' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of onlineProgressRecord.' })
export class OnlineProgressRecordPayload {
  @Field(() => CourseOfferingType, { nullable: true, description: 'The offering, now COMPLETED.' })
  offering!: unknown;
  @Field(() => [AttendanceOutcome], { description: 'What was decided for each entry.' })
  outcomes!: AttendanceOutcome[];
  @Field(() => [OnlineProgressRecordError], { description: 'Why it was refused (nothing is recorded then).' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'A CSV row that was skipped, and why.' })
export class AttendanceImportRowError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line!: number;
  @Field(() => String, { nullable: true, description: 'Employee number of the row, when readable.' })
  employeeNumber!: string | null;
  @Field(() => AttendanceImportRowErrorCode, { description: 'Machine-readable reason.' })
  code!: string;
  @Field({ description: 'Reason in the caller\'s language.' })
  message!: string;
}

@ObjectType({ description: 'Result of attendanceImport. Good rows are recorded together; bad rows are listed and skipped.' })
export class AttendanceImportPayload {
  @Field(() => CourseOfferingType, { nullable: true, description: 'The offering (COMPLETED once any row was recorded).' })
  offering!: unknown;
  @Field(() => Int, { description: 'Data rows in the file.' })
  totalRows!: number;
  @Field(() => Int, { description: 'Rows recorded.' })
  recordedCount!: number;
  @Field(() => Int, { description: 'Registrations completed after this upload (among the rows recorded).' })
  completedCount!: number;
  @Field(() => [AttendanceOutcome], { description: 'What was decided for each recorded row.' })
  outcomes!: AttendanceOutcome[];
  @Field(() => [AttendanceImportRowError], { description: 'Rows skipped, in file order.' })
  rowErrors!: AttendanceImportRowError[];
  @Field(() => [AttendanceImportError], { description: 'Why the whole file was refused; empty otherwise.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of creditTransactionRecord.' })
export class CreditTransactionRecordPayload {
  @Field(() => CreditTransactionType, { nullable: true, description: 'The entry (the original one on a retry with the same idempotency key).' })
  transaction!: CreditTransactionType | null;
  @Field(() => [CreditTransactionRecordError], { description: 'Why it was refused (nothing is recorded then).' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of creditTransactionReverse.' })
export class CreditTransactionReversePayload {
  @Field(() => CreditTransactionType, { nullable: true, description: 'The new REVERSED entry (the original reversal on a retry with the same idempotency key).' })
  transaction!: CreditTransactionType | null;
  @Field(() => [CreditTransactionReverseError], { description: 'Why it was refused (nothing is recorded then).' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of creditPolicyUpdate.' })
export class CreditPolicyUpdatePayload {
  @Field(() => CreditPolicyType, { nullable: true, description: 'The year\'s policy as stored.' })
  policy!: CreditPolicyType | null;
  @Field(() => [CreditPolicyUpdateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
