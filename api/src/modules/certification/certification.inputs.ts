import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../common/scalars.js';
import { MandatoryFrequency, MandatoryTrigger } from './certification.entity.js';
import './certification.types.js';

@InputType({ description: 'A new statutory-training rule. Give exactly one of courseId or categoryId.' })
export class MandatoryTrainingRuleCreateInput {
  @Field({ description: 'Name, unique, e.g. 부패방지 교육 (1–100 characters).' })
  name!: string;
  @Field(() => Int, { nullable: true, description: 'Highest grade concerned (1 = highest); absent = from grade 1.' })
  gradeMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Lowest grade concerned; absent = down to grade 9. "Grade 5 and above" is gradeMin 1, gradeMax 5.' })
  gradeMax?: number | null;
  @Field(() => [String], { nullable: true, description: 'Job series concerned (e.g. 전산); empty or absent = all.' })
  jobSeries?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Organisations concerned, each with its subtree; empty or absent = all.' })
  organizationIds?: string[] | null;
  @Field(() => MandatoryTrigger, { nullable: true, description: 'Event that makes it apply (default NONE).' })
  trigger?: MandatoryTrigger | null;
  @Field(() => ID, { nullable: true, description: 'The course that satisfies it.' })
  courseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The category (with subcategories) whose courses satisfy it.' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true, description: 'With a category: only courses whose title or tags contain this keyword (spacing ignored), e.g. 부패방지.' })
  topicKeyword?: string | null;
  @Field(() => DecimalScalar, { description: 'Hours required per period (per half-year for TWICE_A_YEAR).' })
  hours!: string;
  @Field(() => MandatoryFrequency, { description: 'How often.' })
  frequency!: MandatoryFrequency;
  @Field(() => Int, { nullable: true, description: 'Months after the trigger (ONCE_WITHIN_MONTHS only), 1–60.' })
  withinMonths?: number | null;
  @Field(() => String, { nullable: true, description: 'Legal basis text (up to 1,000 characters).' })
  legalBasis?: string | null;
}

@InputType({ description: 'Changes to a rule; omitted fields stay. The result must be a valid rule as a whole.' })
export class MandatoryTrainingRuleUpdateInput {
  @Field(() => ID, { description: 'The rule.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;
  @Field(() => Int, { nullable: true, description: 'New highest grade (null clears).' })
  gradeMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'New lowest grade (null clears).' })
  gradeMax?: number | null;
  @Field(() => [String], { nullable: true, description: 'New job series (empty = all).' })
  jobSeries?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'New organisations (empty = all).' })
  organizationIds?: string[] | null;
  @Field(() => MandatoryTrigger, { nullable: true, description: 'New trigger.' })
  trigger?: MandatoryTrigger | null;
  @Field(() => ID, { nullable: true, description: 'New course (clears the category).' })
  courseId?: string | null;
  @Field(() => ID, { nullable: true, description: 'New category (clears the course).' })
  categoryId?: string | null;
  @Field(() => String, { nullable: true, description: 'New topic keyword (empty string clears).' })
  topicKeyword?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'New hours.' })
  hours?: string | null;
  @Field(() => MandatoryFrequency, { nullable: true, description: 'New frequency.' })
  frequency?: MandatoryFrequency | null;
  @Field(() => Int, { nullable: true, description: 'New months (ONCE_WITHIN_MONTHS).' })
  withinMonths?: number | null;
  @Field(() => String, { nullable: true, description: 'New legal basis.' })
  legalBasis?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Reactivate (true) a deactivated rule.' })
  active?: boolean | null;
}

@InputType({ description: 'Identifies a rule to deactivate (it stops applying; kept for history).' })
export class MandatoryTrainingRuleDeactivateInput {
  @Field(() => ID, { description: 'The rule.' })
  id!: string;
}

@InputType({ description: 'Minimum credits in a category (and its subcategories).' })
export class CategoryMinimumInput {
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => DecimalScalar, { description: 'Credits, above 0.' })
  credits!: string;
}

@InputType({ description: 'A new certification programme.' })
export class CertificationProgramCreateInput {
  @Field({ description: 'Stable code: 2–40 upper-case letters, digits, underscores.' })
  code!: string;
  @Field({ description: 'Name, e.g. 디지털 행정 전문가.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Description (up to 2,000 characters).' })
  description?: string | null;
  @Field(() => DecimalScalar, { description: 'Total credits required.' })
  totalCredits!: string;
  @Field(() => [CategoryMinimumInput], { nullable: true, description: 'Minimum credits per category.' })
  categoryMinimums?: CategoryMinimumInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'Courses that must be completed.' })
  requiredCourseIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Only credits of the last N months count (1–240); absent = all.' })
  windowMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'Months a certification stays valid (1–240); absent = never expires.' })
  validityMonths?: number | null;
}

@InputType({ description: 'Changes to a programme; omitted fields stay; given lists replace the old ones. Awarded certifications keep their dates.' })
export class CertificationProgramUpdateInput {
  @Field(() => ID, { description: 'The programme.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'New total credits.' })
  totalCredits?: string | null;
  @Field(() => [CategoryMinimumInput], { nullable: true, description: 'New category minimums (replace).' })
  categoryMinimums?: CategoryMinimumInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'New required courses (replace).' })
  requiredCourseIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'New window (null clears).' })
  windowMonths?: number | null;
  @Field(() => Int, { nullable: true, description: 'New validity (null clears).' })
  validityMonths?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Reactivate (true).' })
  active?: boolean | null;
}

@InputType({ description: 'Identifies a programme to deactivate (no new awards; awarded certifications stay valid).' })
export class CertificationProgramDeactivateInput {
  @Field(() => ID, { description: 'The programme.' })
  id!: string;
}

@InputType({ description: 'Whom to evaluate: one servant, or everyone in the administrator\'s scope.' })
export class CertificationEvaluateInput {
  @Field(() => ID, { nullable: true, description: 'A servant in scope; absent = every servant in scope.' })
  servantId?: string | null;
}
