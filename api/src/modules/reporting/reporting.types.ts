import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../../common/scalars.js';

const CSV_NOTE =
  'The same figures as CSV for Excel: UTF-8 with a byte-order mark, CRLF line ends, Korean headers, cells that a spreadsheet would run as a formula prefixed with an apostrophe. Computed from this report (no further statement).';

@ObjectType('DemandFunnel', {
  description:
    'The demand funnel of a month: requests submitted in the month (Korea time) by servants in the viewer\'s scope → the demands they were grouped into → the courses created for those demands → the offerings of that month\'s round. REPORTER and INSTITUTE_ADMIN see the province, ORG_ADMIN their subtree (offering counts are public and not narrowed).',
})
export class DemandFunnelType {
  @Field({ description: 'The month, YYYY-MM (Korea time).' })
  month!: string;
  @Field(() => Int, { description: 'Training requests submitted in the month by servants in scope.' })
  requests!: number;
  @Field(() => Int, { description: 'Distinct demands those requests were grouped into (a merged demand counts as the one it was merged into).' })
  demands!: number;
  @Field(() => Int, { description: 'Of those demands, the ones planned (a course was created for them).' })
  plannedDemands!: number;
  @Field(() => Int, { description: 'Distinct courses created for those demands.' })
  plannedCourses!: number;
  @Field(() => Int, { description: 'Offerings in the round of the month (all statuses).' })
  offerings!: number;
  @Field(() => Int, { description: 'Offerings of the month\'s round that reached their minimum (CONFIRMED or COMPLETED).' })
  confirmedOfferings!: number;
  @Field(() => Int, { description: 'Offerings of the month\'s round discontinued by the rule of five (CANCELLED).' })
  discontinuedOfferings!: number;
  @Field(() => Int, { description: 'Offerings of the month\'s round still taking registrations (SCHEDULED).' })
  scheduledOfferings!: number;
}

@ObjectType('RoundOutcomeOffering', { description: 'One offering of a round in the round outcome report.' })
export class RoundOutcomeOfferingType {
  offeringId!: number;
  @Field({ description: 'Title of the course scheduled.' })
  courseTitle!: string;
  @Field(() => DateTimeScalar, { description: 'Start of the lecture.' })
  startsAt!: Date;
  @Field({ description: 'SCHEDULED, CONFIRMED, CANCELLED or COMPLETED.' })
  status!: string;
  @Field(() => Int, { description: 'Seats.' })
  capacity!: number;
  @Field(() => Int, { description: 'Seats taken, by everyone (the public registrantCount).' })
  seatsTaken!: number;
  @Field(() => Int, { description: 'Servants in the viewer\'s scope who registered, including those whose course was then discontinued.' })
  registrants!: number;
  @Field(() => Float, { description: 'seatsTaken / capacity, between 0 and 1 (rounded to 4 decimals).' })
  fillRate!: number;
}

@ObjectType('RoundOutcomeReport', {
  description: 'Outcome of a round: offerings confirmed and discontinued, registrants and fill rate. REPORTER, INSTITUTE_ADMIN and ORG_ADMIN (registrants narrowed to their subtree).',
})
export class RoundOutcomeReportType {
  roundId!: number;
  @Field({ description: 'Month of the round (YYYY-MM).' })
  month!: string;
  @Field({ description: 'Status of the round: DRAFT, OPEN or CLOSED.' })
  status!: string;
  @Field(() => Int, { description: 'Offerings in the round.' })
  offerings!: number;
  @Field(() => Int, { description: 'Offerings confirmed (CONFIRMED or COMPLETED).' })
  confirmedOfferings!: number;
  @Field(() => Int, { description: 'Offerings discontinued (CANCELLED).' })
  cancelledOfferings!: number;
  @Field(() => Int, { description: 'Seats offered in all offerings.' })
  capacity!: number;
  @Field(() => Int, { description: 'Seats taken in all offerings, by everyone.' })
  seatsTaken!: number;
  @Field(() => Int, { description: 'Registrants in the viewer\'s scope (including those whose course was discontinued).' })
  registrants!: number;
  @Field(() => Float, { description: 'seatsTaken / capacity over the round, between 0 and 1 (rounded to 4 decimals).' })
  fillRate!: number;
  @Field(() => [RoundOutcomeOfferingType], { description: 'Per offering, by start time.' })
  rows!: RoundOutcomeOfferingType[];
}

@ObjectType('OrganizationParticipation', { description: 'Participation in one top-level organisation (the province, a city or a county), or the total.' })
export class OrganizationParticipationType {
  organizationId!: number | null;
  @Field({ description: 'Name of the organisation; 합계 for the total.' })
  organizationName!: string;
  @Field({ description: 'Administrative code of the organisation; empty for the total.' })
  organizationCode!: string;
  @Field(() => Int, { description: 'Servants in the viewer\'s scope.' })
  servants!: number;
  @Field(() => Int, { description: 'Of those, servants with at least one completed lecture in the year.' })
  participants!: number;
  @Field(() => Float, { description: 'participants / servants, between 0 and 1 (rounded to 4 decimals).' })
  rate!: number;
}

@ObjectType('ParticipationReport', {
  description:
    'Per city and county (and the province): servants with at least one completed lecture in the year (Korea time) / all servants. REPORTER and INSTITUTE_ADMIN see every organisation, ORG_ADMIN their own subtree. Only organisations with servants in scope are listed.',
})
export class ParticipationReportType {
  @Field(() => Int, { description: 'Calendar year (Korea time).' })
  year!: number;
  @Field(() => [OrganizationParticipationType], { description: 'The province first, then cities and counties by administrative code.' })
  rows!: OrganizationParticipationType[];
  @Field(() => OrganizationParticipationType, { description: 'All organisations in scope together.' })
  total!: OrganizationParticipationType;
}

@ObjectType('CreditsFigure', { description: 'Credits earned in one (organisation, category) cell, or a subtotal (the missing side reads 합계).' })
export class CreditsFigureType {
  organizationId!: number | null;
  categoryId!: number | null;
  @Field({ description: 'Top-level organisation of the servants; 합계 for a per-category subtotal or the total.' })
  organizationName!: string;
  @Field({ description: 'Administrative code of the organisation; empty for subtotals.' })
  organizationCode!: string;
  @Field({ description: 'Category of the credited course or recognition; 미분류 when none; 합계 for a per-organisation subtotal or the total.' })
  categoryName!: string;
  @Field(() => DecimalScalar, { description: 'Credits earned (exact decimal).' })
  credits!: string;
  @Field(() => Int, { description: 'Distinct servants who earned them.' })
  servants!: number;
}

@ObjectType('CreditsReport', {
  description:
    'Credits earned in a period (EARNED and RECOGNIZED ledger entries dated in the period that no reversal cancels; manual adjustments are not earnings) by category × top-level organisation. REPORTER and INSTITUTE_ADMIN see the province, ORG_ADMIN their subtree.',
})
export class CreditsReportType {
  @Field(() => LocalDateScalar, { description: 'First day of the period (inclusive).' })
  from!: string;
  @Field(() => LocalDateScalar, { description: 'Last day of the period (inclusive).' })
  to!: string;
  @Field(() => [CreditsFigureType], { description: 'One cell per organisation and category that has credits.' })
  cells!: CreditsFigureType[];
  @Field(() => [CreditsFigureType], { description: 'Subtotal per organisation (categoryName 합계).' })
  byOrganization!: CreditsFigureType[];
  @Field(() => [CreditsFigureType], { description: 'Subtotal per category (organizationName 합계).' })
  byCategory!: CreditsFigureType[];
  @Field(() => CreditsFigureType, { description: 'Everything in scope.' })
  total!: CreditsFigureType;
}

@ObjectType('OrganizationMandatoryOverdue', { description: 'Overdue mandatory training in one top-level organisation, or the total.' })
export class OrganizationMandatoryOverdueType {
  organizationId!: number | null;
  @Field({ description: 'Name of the organisation; 합계 for the total.' })
  organizationName!: string;
  @Field({ description: 'Administrative code; empty for the total.' })
  organizationCode!: string;
  @Field(() => Int, { description: 'Servants in the viewer\'s scope.' })
  servants!: number;
  @Field(() => Int, { description: 'Servants with at least one OVERDUE mandatory rule in the year.' })
  overdueServants!: number;
  @Field(() => Int, { description: 'Overdue (servant, rule) pairs.' })
  overdueItems!: number;
}

@ObjectType('MandatoryOverdueReport', {
  description:
    'Overdue mandatory training per top-level organisation in a year, by the same rules as mandatoryTrainingOverdue. REPORTER and INSTITUTE_ADMIN see the province, ORG_ADMIN their subtree. Counts only: no one is named.',
})
export class MandatoryOverdueReportType {
  @Field(() => Int, { description: 'Calendar year (Korea time).' })
  year!: number;
  @Field(() => [OrganizationMandatoryOverdueType], { description: 'The province first, then cities and counties by administrative code.' })
  rows!: OrganizationMandatoryOverdueType[];
  @Field(() => OrganizationMandatoryOverdueType, { description: 'All organisations in scope together.' })
  total!: OrganizationMandatoryOverdueType;
}

@ObjectType('AccessLogActor', { description: 'The account that read or exported personal data. Institute administrators only.' })
export class AccessLogActorType {
  @Field(() => ID, { description: 'Opaque id of the account (use it as PersonalDataAccessLogFilter.actorId).' })
  accountId!: string;
  @Field({ description: 'Display name of the account.' })
  displayName!: string;
  @Field({ description: 'Sign-in e-mail of the account.' })
  email!: string;
  @Field(() => [String], { description: 'Roles of the account now.' })
  roles!: string[];
}

@ObjectType('PersonalDataAccessLogEntry', {
  implements: NodeInterface,
  description:
    'Who read or changed whose personal data, when and from where (PIPA). Append-only. Institute administrators only; reading the subject resolves (and logs) like any other servant read.',
})
export class PersonalDataAccessLogEntryType extends NodeInterface {
  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: Date;
  @Field({ description: 'What was read or done, e.g. READ_PROFILE, READ_WORK_HISTORY, UPDATE, EXPORT_ACCESS_LOG.' })
  action!: string;
  @Field(() => String, { nullable: true, description: 'GraphQL operation name of the request, when the client gave one.' })
  operation!: string | null;
  @Field(() => String, { nullable: true, description: 'Address of the client.' })
  ip!: string | null;
  @Field(() => String, { nullable: true, description: 'Reason given (exports of this log).' })
  reason!: string | null;
  @Field({ description: 'Roles the actor had at the time.' })
  actorRoles!: string;
}

@ObjectType({ description: 'A page of access-log entries, newest first.' })
export class PersonalDataAccessLogEntryConnection extends ConnectionType(PersonalDataAccessLogEntryType, 'PersonalDataAccessLogEntry') {}

@InputType('PersonalDataAccessLogFilter', { description: 'Narrows the access log; every field is optional and they combine with AND.' })
export class PersonalDataAccessLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only entries by this account (AccessLogActor.accountId).' })
  actorId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only entries about this servant.' })
  subjectServantId?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this action, e.g. READ_PROFILE or EXPORT_ACCESS_LOG.' })
  action?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries at or after this instant.' })
  from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Entries before this instant.' })
  to?: Date | null;
}

export { CSV_NOTE };
