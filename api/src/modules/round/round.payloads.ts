import { Field, ID, ObjectType } from 'type-graphql';
import {
  CourseOfferingCreateError,
  CourseOfferingRemoveError,
  CourseOfferingUpdateError,
  EnrollmentCancelError,
  EnrollmentCreateError,
  EnrollmentRoundCloseError,
  EnrollmentRoundCreateError,
  EnrollmentRoundOpenError,
} from './round.errors.js';
import { CourseOfferingType, EnrollmentRoundType, EnrollmentType, RoundOutcome } from './round.types.js';

@ObjectType({ description: 'Result of enrollmentRoundCreate.' })
export class EnrollmentRoundCreatePayload {
  @Field(() => EnrollmentRoundType, { nullable: true, description: 'The new draft round.' })
  round!: unknown;
  @Field(() => [EnrollmentRoundCreateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of enrollmentRoundOpen.' })
export class EnrollmentRoundOpenPayload {
  @Field(() => EnrollmentRoundType, { nullable: true, description: 'The round, now OPEN.' })
  round!: unknown;
  @Field(() => [EnrollmentRoundOpenError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of enrollmentRoundClose.' })
export class EnrollmentRoundClosePayload {
  @Field(() => EnrollmentRoundType, { nullable: true, description: 'The round, now CLOSED.' })
  round!: unknown;
  @Field(() => RoundOutcome, { nullable: true, description: 'What the rule of five decided.' })
  outcome!: RoundOutcome | null;
  @Field(() => [EnrollmentRoundCloseError], { description: 'Why it was refused (ALREADY_CLOSED when another close won).' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of courseOfferingCreate.' })
export class CourseOfferingCreatePayload {
  @Field(() => CourseOfferingType, { nullable: true, description: 'The new offering.' })
  offering!: unknown;
  @Field(() => [CourseOfferingCreateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of courseOfferingUpdate.' })
export class CourseOfferingUpdatePayload {
  @Field(() => CourseOfferingType, { nullable: true, description: 'The offering after the change.' })
  offering!: unknown;
  @Field(() => [CourseOfferingUpdateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of courseOfferingRemove.' })
export class CourseOfferingRemovePayload {
  @Field(() => ID, { nullable: true, description: 'Id of the removed offering.' })
  removedOfferingId!: string | null;
  @Field(() => [CourseOfferingRemoveError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of enrollmentCreate.' })
export class EnrollmentCreatePayload {
  @Field(() => EnrollmentType, { nullable: true, description: 'The registration: REGISTERED, or WAITLISTED when the offering is full.' })
  enrollment!: unknown;
  @Field(() => [EnrollmentCreateError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@ObjectType({ description: 'Result of enrollmentCancel.' })
export class EnrollmentCancelPayload {
  @Field(() => EnrollmentType, { nullable: true, description: 'The cancelled registration.' })
  enrollment!: unknown;
  @Field(() => [EnrollmentCancelError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}
