import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar, DecimalScalar, LocalDateScalar } from '../../common/scalars.js';
import { MandatoryFrequency, MandatoryTrigger } from './certification.entity.js';

registerEnumType(MandatoryTrigger, {
  name: 'MandatoryTrainingTrigger',
  description: 'The event that makes a mandatory-training rule apply.',
  valuesConfig: {
    NONE: { description: 'Every period, for everyone the rule selects.' },
    NEW_APPOINTMENT: { description: 'New appointees, counted from the hire date.' },
    PROMOTION: { description: 'After a promotion. Promotion dates are not in the HR data yet, so such rules apply to no one until they are.' },
  },
});
registerEnumType(MandatoryFrequency, {
  name: 'MandatoryTrainingFrequency',
  description: 'How often a rule must be satisfied (Korea time).',
  valuesConfig: {
    YEARLY: { description: 'Once a calendar year, due 31 December.' },
    TWICE_A_YEAR: { description: 'In each half-year, due 30 June and 31 December.' },
    ONCE_WITHIN_MONTHS: { description: 'Once, within `withinMonths` of the trigger date.' },
  },
});

export enum MandatoryTrainingState {
  DONE = 'DONE',
  DUE = 'DUE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(MandatoryTrainingState, {
  name: 'MandatoryTrainingState',
  description: 'Where a servant stands on a rule.',
  valuesConfig: {
    DONE: { description: 'Enough hours completed in the period.' },
    DUE: { description: 'Not yet completed; the due date has not passed.' },
    OVERDUE: { description: 'Not completed and the due date has passed.' },
  },
});

export enum CertificationState {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(CertificationState, {
  name: 'CertificationState',
  description: 'Whether a certification is still valid.',
  valuesConfig: {
    VALID: { description: 'Valid now.' },
    EXPIRED: { description: 'Past its expiry: renew by meeting the requirements again with new credits.' },
    REVOKED: { description: 'Revoked: credits it counted were reversed and its requirements were no longer met (see revokedReason).' },
  },
});

@ObjectType('MandatoryTrainingRule', {
  implements: NodeInterface,
  description: 'A statutory-training obligation kept as data: who, what, how much, how often, and why (legal basis). Readable by every signed-in viewer; managed by institute administrators.',
})
export class MandatoryTrainingRuleType extends NodeInterface {
  @Field({ description: 'Name, e.g. 부패방지 교육.' })
  name!: string;
  @Field(() => Int, { nullable: true, description: 'Highest grade concerned (1 = highest); null = from grade 1.' })
  gradeMin!: number | null;
  @Field(() => Int, { nullable: true, description: 'Lowest grade concerned; null = down to grade 9.' })
  gradeMax!: number | null;
  @Field(() => [String], { description: 'Job series concerned; empty = all.' })
  jobSeries!: string[];
  @Field(() => MandatoryTrigger, { description: 'Event that makes it apply.' })
  trigger!: MandatoryTrigger;
  @Field(() => String, { nullable: true, description: 'With a category: only courses whose title or tags contain this keyword.' })
  topicKeyword!: string | null;
  @Field(() => DecimalScalar, { description: 'Hours required per period (per half-year for TWICE_A_YEAR).' })
  hours!: string;
  @Field(() => MandatoryFrequency, { description: 'How often.' })
  frequency!: MandatoryFrequency;
  @Field(() => Int, { nullable: true, description: 'Months after the trigger (ONCE_WITHIN_MONTHS).' })
  withinMonths!: number | null;
  @Field({ description: 'Legal basis text.' })
  legalBasis!: string;
  @Field({ description: 'Whether it applies (deactivated rules are kept for history).' })
  active!: boolean;
}

@ObjectType({ description: 'A page of mandatory training rules.' })
export class MandatoryTrainingRuleConnection extends ConnectionType(MandatoryTrainingRuleType, 'MandatoryTrainingRule') {}

@ObjectType({ description: 'One applicable rule for one servant in a year, computed from the credit ledger (reversed entries do not count).' })
export class MandatoryTrainingStatus {
  /** Internal: rule id and servant id for nested resolvers. */
  ruleId!: number;
  servantId!: number;
  @Field(() => MandatoryTrainingState, { description: 'DONE, DUE or OVERDUE.' })
  status!: MandatoryTrainingState;
  @Field(() => LocalDateScalar, { description: 'Due date (Korea time): 31 December, 30 June for an undone first half, or hire date + N months.' })
  dueDate!: string;
  @Field(() => DecimalScalar, { description: 'Hours required in the period (both halves for TWICE_A_YEAR).' })
  hoursRequired!: string;
  @Field(() => DecimalScalar, { description: 'Hours completed toward it in the period.' })
  hoursCompleted!: string;
}

@ObjectType({ description: 'A servant in scope with at least one overdue mandatory training.' })
export class MandatoryTrainingOverdueEntry {
  servantId!: number;
  year!: number;
}

@ObjectType({ description: 'A page of servants with overdue mandatory training.' })
export class MandatoryTrainingOverdueConnection extends ConnectionType(MandatoryTrainingOverdueEntry, 'MandatoryTrainingOverdue') {}

@ObjectType({ description: 'Minimum credits in a category (and its subcategories).' })
export class CategoryMinimum {
  categoryId!: number;
  @Field(() => DecimalScalar, { description: 'Credits.' })
  credits!: string;
}

@ObjectType({ description: 'A course a programme requires (kept by title, so it also matches a course the catalogue adds later).' })
export class RequiredCourse {
  courseId!: number | null;
  @Field({ description: 'Course title.' })
  title!: string;
}

@ObjectType({ description: 'What a programme asks for.' })
export class CertificationRequirements {
  programId!: number;
  @Field(() => DecimalScalar, { description: 'Total credits.' })
  totalCredits!: string;
  @Field(() => Int, { nullable: true, description: 'Only credits of the last N months count; null = all.' })
  windowMonths!: number | null;
  @Field(() => Int, { nullable: true, description: 'Months a certification stays valid; null = never expires.' })
  validityMonths!: number | null;
}

@ObjectType('CertificationProgram', {
  implements: NodeInterface,
  description: 'A certification programme: requirements that, once met, award a certification. Readable by every signed-in viewer; managed by institute administrators.',
})
export class CertificationProgramType extends NodeInterface {
  @Field({ description: 'Stable code, e.g. DIGITAL_ADMIN_EXPERT.' })
  code!: string;
  @Field({ description: 'Name, e.g. 디지털 행정 전문가.' })
  name!: string;
  @Field({ description: 'Description.' })
  description!: string;
  @Field({ description: 'Whether it awards certifications.' })
  active!: boolean;
}

@ObjectType({ description: 'A page of certification programmes.' })
export class CertificationProgramConnection extends ConnectionType(CertificationProgramType, 'CertificationProgram') {}

@ObjectType('Certification', {
  implements: NodeInterface,
  description: 'A certification awarded to a servant. Visible to the holder and to administrators in scope.',
})
export class CertificationType extends NodeInterface {
  @Field(() => Int, { description: '1 for the first award, 2 for the first renewal, …' })
  cycle!: number;
  @Field(() => DateTimeScalar, { description: 'When it was awarded.' })
  awardedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it expires; null = never.' })
  expiresAt!: Date | null;
  @Field({ description: 'Public verification code (16 characters, base32): anyone can check it with certificateVerify.' })
  verificationCode!: string;
  @Field(() => DecimalScalar, { description: 'Credits counted when it was awarded.' })
  creditsCounted!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked; null = not revoked.' })
  revokedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked (Korean), e.g. which credits were reversed.' })
  revokedReason!: string | null;
}

@ObjectType({ description: 'A page of awarded certifications.' })
export class CertificationConnection extends ConnectionType(CertificationType, 'Certification') {}

@ObjectType({ description: 'A servant\'s progress toward one active programme, computed from the ledger.' })
export class CertificationProgress {
  programId!: number;
  servantId!: number;
  certificationId!: number | null;
  @Field(() => DecimalScalar, { description: 'Credits that count (after the previous award for a renewal, within the window if any).' })
  creditsCounted!: string;
  @Field(() => DecimalScalar, { description: 'Total credits the programme requires.' })
  creditsRequired!: string;
  @Field(() => Int, { description: 'Progress in percent (0–100): the share of the required credits, each category minimum and each required course met; 100 only when every requirement is met.' })
  percent!: number;
  @Field({ description: 'Whether every requirement is met now.' })
  complete!: boolean;
  @Field(() => [String], { description: 'Requirements still missing, in words in the viewer\'s language, e.g. "디지털·AI 분야 2학점 더 필요", "필수 과정 \'생성형 AI 업무 활용\' 미이수". Empty when complete.' })
  missing!: string[];
}

@ObjectType({ description: 'What anyone may learn from a verification code: the holder\'s name, the programme and the dates. Nothing else.' })
export class CertificateVerification {
  @Field({ description: 'Holder\'s name.' })
  holderName!: string;
  @Field({ description: 'Programme name.' })
  programName!: string;
  @Field(() => DateTimeScalar, { description: 'Awarded at.' })
  awardedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Expires at; null = never.' })
  expiresAt!: Date | null;
  @Field(() => CertificationState, { description: 'VALID, EXPIRED or REVOKED now.' })
  status!: CertificationState;
}

@ObjectType({ description: 'One award in a certificationAwarded event.' })
export class CertificationAward {
  certificationId!: number;
  programId!: number;
  servantId!: number;
  organizationId!: number;
  @Field(() => DateTimeScalar, { description: 'When it was awarded.' })
  awardedAt!: Date;
}

@ObjectType({ description: 'Certifications were awarded.' })
export class CertificationAwardedEvent {
  @Field(() => [CertificationAward], { description: 'The awards in the viewer\'s scope (all of them for institute administrators and reporters).' })
  awards!: CertificationAward[];
}
