import { Field, ID, InputType, Int } from 'type-graphql';
import { CourseFormat } from '../catalog/catalog.entity.js';
import '../catalog/catalog.types.js';

@InputType({ description: 'A servant\'s wish for training. Grouped automatically into a demand with similar requests.' })
export class TrainingRequestSubmitInput {
  @Field({ description: 'What to learn, 2–100 characters, e.g. 챗GPT로 보고서 초안 쓰기.' })
  title!: string;
  @Field(() => String, { nullable: true, description: 'Details (at most 2,000 characters); used for grouping as well.' })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: 'The category the topic belongs to.' })
  categoryId?: string | null;
  @Field(() => CourseFormat, { nullable: true, description: 'Preferred format.' })
  preferredFormat?: CourseFormat | null;
  @Field(() => String, { nullable: true, description: 'Preferred month, YYYY-MM, not before the current month in Korea time.' })
  preferredMonth?: string | null;
}

@InputType({ description: 'Withdraws one of the viewer\'s own open requests.' })
export class TrainingRequestWithdrawInput {
  @Field(() => ID, { description: 'The training request.' })
  id!: string;
}

@InputType({ description: '"Me too": the viewer backs a demand without writing a request.' })
export class DemandSupportInput {
  @Field(() => ID, { description: 'The demand.' })
  demandId!: string;
}

@InputType({ description: 'Merges demands into one: their requests and backings move to the target.' })
export class DemandMergeInput {
  @Field(() => ID, { description: 'The demand that remains.' })
  targetId!: string;
  @Field(() => [ID], { description: 'Demands merged into the target (1–20); they keep a pointer to it.' })
  sourceIds!: string[];
}

@InputType({ description: 'Moves some requests of a demand into a new demand.' })
export class DemandSplitInput {
  @Field(() => ID, { description: 'The demand to split.' })
  demandId!: string;
  @Field(() => [ID], { description: 'Open requests of that demand to move (1–100; at least one must stay).' })
  requestIds!: string[];
  @Field({ description: 'Label of the new demand, 2–100 characters.' })
  label!: string;
}

@InputType({ description: 'Declines a demand with a reason its requesters see.' })
export class DemandDeclineInput {
  @Field(() => ID, { description: 'The demand.' })
  demandId!: string;
  @Field({ description: 'Why, 2–500 characters; shown to the requesters and on the demand.' })
  reason!: string;
}

@InputType({ description: 'A group of terms that mean the same in requests, e.g. 엑셀, 스프레드시트.' })
export class SynonymGroupCreateInput {
  @Field(() => [String], { description: '2–20 different terms of 1–30 characters.' })
  terms!: string[];
}

@InputType({ description: 'Replaces the terms of a synonym group.' })
export class SynonymGroupUpdateInput {
  @Field(() => ID, { description: 'The synonym group.' })
  id!: string;
  @Field(() => [String], { description: '2–20 different terms of 1–30 characters.' })
  terms!: string[];
}

@InputType({ description: 'Deletes a synonym group.' })
export class SynonymGroupDeleteInput {
  @Field(() => ID, { description: 'The synonym group.' })
  id!: string;
}

@InputType({ description: 'A catalogue course for a demand. Omitted fields are pre-filled from the demand.' })
export class CourseCreateFromDemandInput {
  @Field(() => ID, { description: 'The demand the course answers.' })
  demandId!: string;
  @Field(() => String, { nullable: true, description: 'Course code; generated when omitted.' })
  code?: string | null;
  @Field(() => String, { nullable: true, description: 'Title; default: the demand\'s label.' })
  title?: string | null;
  @Field(() => String, { nullable: true, description: 'Description; default: the titles of the demand\'s open requests.' })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: 'Category; default: the demand\'s.' })
  categoryId?: string | null;
  @Field(() => Int, { description: 'Lecture length in minutes (60–120).' })
  lengthMinutes!: number;
  @Field(() => CourseFormat, { description: 'In person, live online or recorded.' })
  format!: CourseFormat;
  @Field(() => [String], { nullable: true, description: 'Tags (at most 10 of at most 20 characters).' })
  tags?: string[] | null;
}
