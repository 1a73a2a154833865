import { Field, ID, ObjectType } from 'type-graphql';
import { CourseType } from '../catalog/catalog.types.js';
import {
  CourseCreateFromDemandError,
  DemandDeclineError,
  DemandMergeError,
  DemandSplitError,
  DemandSupportError,
  SynonymGroupCreateError,
  SynonymGroupDeleteError,
  SynonymGroupUpdateError,
  TrainingRequestSubmitError,
  TrainingRequestWithdrawError,
} from './request.errors.js';
import { DemandType, SynonymGroupType, TrainingRequestType } from './request.types.js';

@ObjectType({ description: 'Result of trainingRequestSubmit.' })
export class TrainingRequestSubmitPayload {
  @Field(() => TrainingRequestType, { nullable: true, description: 'The new request; null when refused.' })
  trainingRequest!: unknown;
  @Field(() => DemandType, { nullable: true, description: 'The demand it joined or started; null when refused.' })
  demand!: unknown;
  @Field(() => [TrainingRequestSubmitError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof TrainingRequestSubmitError>[];
}

@ObjectType({ description: 'Result of trainingRequestWithdraw.' })
export class TrainingRequestWithdrawPayload {
  @Field(() => TrainingRequestType, { nullable: true, description: 'The withdrawn request; null when refused.' })
  trainingRequest!: unknown;
  @Field(() => [TrainingRequestWithdrawError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof TrainingRequestWithdrawError>[];
}

@ObjectType({ description: 'Result of demandSupport.' })
export class DemandSupportPayload {
  @Field(() => DemandType, { nullable: true, description: 'The demand now backed by the viewer; null when refused.' })
  demand!: unknown;
  @Field(() => [DemandSupportError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof DemandSupportError>[];
}

@ObjectType({ description: 'Result of demandMerge.' })
export class DemandMergePayload {
  @Field(() => DemandType, { nullable: true, description: 'The target with the merged requests; null when refused.' })
  demand!: unknown;
  @Field(() => [DemandMergeError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof DemandMergeError>[];
}

@ObjectType({ description: 'Result of demandSplit.' })
export class DemandSplitPayload {
  @Field(() => DemandType, { nullable: true, description: 'The demand split from; null when refused.' })
  demand!: unknown;
  @Field(() => DemandType, { nullable: true, description: 'The new demand holding the moved requests; null when refused.' })
  newDemand!: unknown;
  @Field(() => [DemandSplitError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof DemandSplitError>[];
}

@ObjectType({ description: 'Result of demandDecline.' })
export class DemandDeclinePayload {
  @Field(() => DemandType, { nullable: true, description: 'The declined demand; null when refused.' })
  demand!: unknown;
  @Field(() => [DemandDeclineError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof DemandDeclineError>[];
}

@ObjectType({ description: 'Result of synonymGroupCreate.' })
export class SynonymGroupCreatePayload {
  @Field(() => SynonymGroupType, { nullable: true, description: 'The new group; null when refused.' })
  synonymGroup!: unknown;
  @Field(() => [SynonymGroupCreateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof SynonymGroupCreateError>[];
}

@ObjectType({ description: 'Result of synonymGroupUpdate.' })
export class SynonymGroupUpdatePayload {
  @Field(() => SynonymGroupType, { nullable: true, description: 'The group after the change; null when refused.' })
  synonymGroup!: unknown;
  @Field(() => [SynonymGroupUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof SynonymGroupUpdateError>[];
}

@ObjectType({ description: 'Result of synonymGroupDelete.' })
export class SynonymGroupDeletePayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the deleted group; null when refused.' })
  deletedSynonymGroupId!: string | null;
  @Field(() => [SynonymGroupDeleteError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof SynonymGroupDeleteError>[];
}

@ObjectType({ description: 'Result of courseCreateFromDemand.' })
export class CourseCreateFromDemandPayload {
  @Field(() => CourseType, { nullable: true, description: 'The new course, linked to the demand; null when refused.' })
  course!: unknown;
  @Field(() => DemandType, { nullable: true, description: 'The demand, now PLANNED; null when refused.' })
  demand!: unknown;
  @Field(() => [CourseCreateFromDemandError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CourseCreateFromDemandError>[];
}
