import { Field, ID, ObjectType } from 'type-graphql';
import type { Course } from './catalog.entity.js';
import {
  CategoryCreateError,
  CategoryUpdateError,
  CourseCreateError,
  CourseRetireError,
  CourseUpdateError,
  LearningResourceAddError,
  LearningResourceRemoveError,
  PlatformSettingsUpdateError,
} from './catalog.errors.js';
import { CategoryType, CourseType, LearningResourceType, PlatformSettingsType } from './catalog.types.js';

@ObjectType({ description: 'Result of courseCreate.' })
export class CourseCreatePayload {
  @Field(() => CourseType, { nullable: true, description: 'The new course; null when refused.' })
  course!: Course | null;
  @Field(() => [CourseCreateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CourseCreateError>[];
}

@ObjectType({ description: 'Result of courseUpdate.' })
export class CourseUpdatePayload {
  @Field(() => CourseType, { nullable: true, description: 'The course after the change; null when refused.' })
  course!: Course | null;
  @Field(() => [CourseUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CourseUpdateError>[];
}

@ObjectType({ description: 'Result of courseRetire.' })
export class CourseRetirePayload {
  @Field(() => CourseType, { nullable: true, description: 'The retired course; null when refused.' })
  course!: Course | null;
  @Field(() => [CourseRetireError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CourseRetireError>[];
}

@ObjectType({ description: 'Result of learningResourceAdd.' })
export class LearningResourceAddPayload {
  @Field(() => LearningResourceType, { nullable: true, description: 'The new resource; null when refused.' })
  learningResource!: LearningResourceType | null;
  @Field(() => CourseType, { nullable: true, description: 'The course it was added to; null when refused.' })
  course!: Course | null;
  @Field(() => [LearningResourceAddError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof LearningResourceAddError>[];
}

@ObjectType({ description: 'Result of learningResourceRemove.' })
export class LearningResourceRemovePayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the removed resource; null when refused.' })
  removedLearningResourceId!: string | null;
  @Field(() => CourseType, { nullable: true, description: 'The course it was removed from; null when refused.' })
  course!: Course | null;
  @Field(() => [LearningResourceRemoveError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof LearningResourceRemoveError>[];
}

@ObjectType({ description: 'Result of categoryCreate.' })
export class CategoryCreatePayload {
  @Field(() => CategoryType, { nullable: true, description: 'The new category; null when refused.' })
  category!: CategoryType | null;
  @Field(() => [CategoryCreateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CategoryCreateError>[];
}

@ObjectType({ description: 'Result of categoryUpdate.' })
export class CategoryUpdatePayload {
  @Field(() => CategoryType, { nullable: true, description: 'The category after the change; null when refused.' })
  category!: CategoryType | null;
  @Field(() => [CategoryUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof CategoryUpdateError>[];
}

@ObjectType({ description: 'Result of platformSettingsUpdate.' })
export class PlatformSettingsUpdatePayload {
  @Field(() => PlatformSettingsType, { nullable: true, description: 'The settings after the change; null when refused.' })
  settings!: PlatformSettingsType | null;
  @Field(() => [PlatformSettingsUpdateError], { description: 'Why it was refused; empty on success.' })
  userErrors!: InstanceType<typeof PlatformSettingsUpdateError>[];
}
