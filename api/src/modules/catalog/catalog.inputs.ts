import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../common/scalars.js';
import { CourseFormat, LearningResourceKind } from './catalog.entity.js';
import { COURSE_LIMITS as L } from './catalog.validation.js';

@InputType({ description: 'A new catalogue course. Institute administrators only.' })
export class CourseCreateInput {
  @Field(() => String, { nullable: true, description: 'Course code (2–20 upper-case letters, digits, hyphens); generated as C-0001, C-0002, … when omitted.' })
  code?: string | null;
  @Field({ description: `Title, ${L.titleMin}–${L.titleMax} characters; must differ from every active course's title by more than spacing, punctuation or case.` })
  title!: string;
  @Field(() => String, { nullable: true, description: `Description, at most ${L.descriptionMax} characters.` })
  description?: string | null;
  @Field(() => ID, { description: 'The category.' })
  categoryId!: string;
  @Field(() => [String], { nullable: true, description: `Tags: at most ${L.tagsMax} of 1–${L.tagLengthMax} characters.` })
  tags?: string[] | null;
  @Field(() => Int, { description: `Length in minutes, ${L.lengthMin}–${L.lengthMax}. The credit value follows from it.` })
  lengthMinutes!: number;
  @Field(() => CourseFormat, { description: 'In person, live online or recorded.' })
  format!: CourseFormat;
}

@InputType({ description: 'Changes to a course; omitted (or null) fields stay as they are. Institute administrators only.' })
export class CourseUpdateInput {
  @Field(() => ID, { description: 'The course.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New course code.' })
  code?: string | null;
  @Field(() => String, { nullable: true, description: `New title (${L.titleMin}–${L.titleMax} characters).` })
  title?: string | null;
  @Field(() => String, { nullable: true, description: `New description (at most ${L.descriptionMax} characters; empty string clears it).` })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: 'New category.' })
  categoryId?: string | null;
  @Field(() => [String], { nullable: true, description: `New tags (replaces the list; at most ${L.tagsMax}).` })
  tags?: string[] | null;
  @Field(() => Int, { nullable: true, description: `New length in minutes (${L.lengthMin}–${L.lengthMax}); the credit value is recomputed.` })
  lengthMinutes?: number | null;
  @Field(() => CourseFormat, { nullable: true, description: 'New format.' })
  format?: CourseFormat | null;
}

@InputType({ description: 'Retires a course: it stays for history but can no longer be scheduled. Institute administrators only.' })
export class CourseRetireInput {
  @Field(() => ID, { description: 'The course.' })
  id!: string;
}

@InputType({ description: 'Material to attach to a course. Institute administrators only.' })
export class LearningResourceAddInput {
  @Field(() => ID, { description: 'The course.' })
  courseId!: string;
  @Field({ description: `Title (1–${L.resourceTitleMax} characters).` })
  title!: string;
  @Field({ description: `Absolute http:// or https:// link (at most ${L.urlMax} characters).` })
  url!: string;
  @Field(() => String, { nullable: true, description: `Publisher (at most ${L.providerMax} characters).` })
  provider?: string | null;
  @Field(() => LearningResourceKind, { description: 'Kind of material.' })
  kind!: LearningResourceKind;
}

@InputType({ description: 'Removes a learning resource. Institute administrators only.' })
export class LearningResourceRemoveInput {
  @Field(() => ID, { description: 'The learning resource.' })
  id!: string;
}

@InputType({ description: 'A new category. Institute administrators only.' })
export class CategoryCreateInput {
  @Field({ description: 'Stable machine name: 2–30 upper-case letters, digits, underscores (e.g. DATA_ANALYSIS). Cannot be changed later.' })
  code!: string;
  @Field({ description: `Korean name (1–${L.categoryNameMax} characters), unique up to spacing and punctuation.` })
  name!: string;
  @Field(() => ID, { nullable: true, description: 'Parent category; omitted for a top-level category.' })
  parentId?: string | null;
  @Field(() => Int, { nullable: true, description: `Position among its siblings (0–${L.sortOrderMax}); default after the last one.` })
  sortOrder?: number | null;
}

@InputType({ description: 'Changes to a category; omitted fields stay as they are. The code never changes. Institute administrators only.' })
export class CategoryUpdateInput {
  @Field(() => ID, { description: 'The category.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;
  @Field(() => ID, { nullable: true, description: 'New parent; explicit null makes it a top-level category; omitted keeps the parent.' })
  parentId?: string | null;
  @Field(() => Int, { nullable: true, description: 'New position among its siblings.' })
  sortOrder?: number | null;
}

@InputType({ description: 'Changes to platform settings; omitted fields stay as they are. Institute administrators only.' })
export class PlatformSettingsUpdateInput {
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Credits per hour of lecture (above 0, at most 10, two decimals). The credit value of every ACTIVE course is recomputed; credits already earned are not touched.',
  })
  creditsPerHour?: string | null;
}
