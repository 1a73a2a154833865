import { Ctx, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection.js';
import { NodeInterface } from '../../common/node.js';
import { DateTimeScalar, DecimalScalar } from '../../common/scalars.js';
import type { Context } from '../../graphql/context.js';
import { OrderDirection } from '../servant/servant.types.js';
import { type Category, type Course, CourseFormat, CourseStatus, type LearningResource, LearningResourceKind } from './catalog.entity.js';
import { COURSE_LIMITS } from './catalog.validation.js';

registerEnumType(CourseFormat, {
  name: 'CourseFormat',
  description: 'How a lecture is delivered.',
  valuesConfig: {
    IN_PERSON: { description: 'In a classroom (대면).' },
    LIVE_ONLINE: { description: 'Live online (실시간 온라인).' },
    RECORDED: { description: 'Recorded video (동영상).' },
  },
});
registerEnumType(CourseStatus, {
  name: 'CourseStatus',
  description: 'Whether a course can still be scheduled.',
  valuesConfig: {
    ACTIVE: { description: 'In the catalogue: can be scheduled in rounds.' },
    RETIRED: { description: 'Withdrawn from the catalogue; kept for history (past offerings, credits).' },
  },
});
registerEnumType(LearningResourceKind, {
  name: 'LearningResourceKind',
  description: 'What kind of material a learning resource is.',
  valuesConfig: {
    VIDEO: { description: 'A video.' },
    DOCUMENT: { description: 'A document: lecture notes, guide, manual.' },
    WEBSITE: { description: 'A website.' },
    BOOK: { description: 'A book.' },
    DATASET: { description: 'A data set (e.g. on 공공데이터포털).' },
  },
});

export enum CourseOrderField {
  TITLE = 'TITLE',
  CODE = 'CODE',
  LENGTH = 'LENGTH',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(CourseOrderField, {
  name: 'CourseOrderField',
  description: 'Sort keys for course lists.',
  valuesConfig: {
    TITLE: { description: 'By title.' },
    CODE: { description: 'By course code.' },
    LENGTH: { description: 'By lecture length.' },
    CREATED_AT: { description: 'In the order courses were added to the catalogue.' },
  },
});

/**
 * A category as the API serves it. Categories are a small tree read once per operation, so
 * they travel as plain objects built from that one read (`CatalogService.categoryById`), with
 * their relations resolved here; this keeps every path to a category (course.category,
 * node(id:), parent, children) on the same per-operation cache.
 *
 * Not `extends NodeInterface`: the database id is a number here and becomes the global `id`
 * through the Node interface's resolver.
 */
@ObjectType('Category', {
  implements: NodeInterface,
  description: 'A subject area of the catalogue (디지털·AI, 법정의무, …), possibly under a parent. Readable by every signed-in viewer; edited by institute administrators.',
})
export class CategoryType {
  /** Database id (the GraphQL `id` is the global id built from it). */
  id!: number;
  parentId!: number | null;

  @Field({ description: 'Stable machine name, e.g. DIGITAL_AI. Never changes, so rules and reports can refer to it.' })
  code!: string;

  @Field({ description: 'Korean name, e.g. 디지털·AI.' })
  name!: string;

  @Field(() => Int, { description: 'Position among its siblings (ascending).' })
  sortOrder!: number;

  static from(row: { id: number; code: string; name: string; parentId: number | null; sortOrder: number }): CategoryType {
    return Object.assign(new CategoryType(), row);
  }

  static fromEntity(c: Category): CategoryType {
    return CategoryType.from({ id: c.id, code: c.code, name: c.name, parentId: c.parent?.id ?? null, sortOrder: c.sortOrder });
  }

  @Field(() => CategoryType, { nullable: true, description: 'Parent category; null for a top-level category.' })
  parent(@Ctx() ctx: Context): Promise<CategoryType | null> {
    return this.parentId ? ctx.services.catalog.categoryById(this.parentId) : Promise.resolve(null);
  }

  @Field(() => [CategoryType], { description: 'Direct subcategories, in sort order (a small list).' })
  children(@Ctx() ctx: Context): Promise<CategoryType[]> {
    return ctx.services.catalog.childCategories(this.id);
  }

  @Field(() => Int, { description: 'Number of ACTIVE courses directly in this category (not counting subcategories).' })
  courseCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.services.catalog.activeCourseCount(this.id);
  }
}

/** A learning resource as the API serves it (see CategoryType for why it is a plain object). */
@ObjectType('LearningResource', {
  implements: NodeInterface,
  description: 'Material gathered for a course: lecture notes, videos, guides, data sets. Readable by every signed-in viewer; added and removed by institute administrators.',
})
export class LearningResourceType {
  id!: number;
  courseId!: number;

  @Field({ description: 'Title of the material.' })
  title!: string;

  @Field({ description: 'Absolute http(s) link.' })
  url!: string;

  @Field({ description: 'Who publishes it, e.g. 국가법령정보센터; empty when unknown.' })
  provider!: string;

  @Field(() => LearningResourceKind, { description: 'Kind of material.' })
  kind!: LearningResourceKind;

  static fromEntity(r: LearningResource): LearningResourceType {
    return Object.assign(new LearningResourceType(), { id: r.id, courseId: r.course.id, title: r.title, url: r.url, provider: r.provider, kind: r.kind });
  }

  @Field(() => CourseType, { description: 'The course it belongs to.' })
  course(@Ctx() ctx: Context): Promise<Course> {
    return ctx.services.catalog.courseByIdOrFail(this.courseId);
  }
}

@ObjectType('Course', {
  implements: NodeInterface,
  description: `A catalogue entry: a ${COURSE_LIMITS.lengthMin}–${COURSE_LIMITS.lengthMax} minute lecture subject. Readable by every signed-in viewer; created, changed and retired by institute administrators.`,
})
export class CourseType extends NodeInterface {
  @Field({ description: 'Unique course code, e.g. C-0042 (generated when not given).' })
  code!: string;

  @Field({ description: `Title (${COURSE_LIMITS.titleMin}–${COURSE_LIMITS.titleMax} characters). Unique among active courses up to spacing, punctuation, case and listed abbreviations.` })
  title!: string;

  @Field({ description: `What the lecture covers (at most ${COURSE_LIMITS.descriptionMax} characters; may be empty).` })
  description!: string;

  @Field(() => [String], { description: `Free tags (at most ${COURSE_LIMITS.tagsMax} of at most ${COURSE_LIMITS.tagLengthMax} characters).` })
  tags!: string[];

  @Field(() => Int, { description: `Lecture length in minutes (${COURSE_LIMITS.lengthMin}–${COURSE_LIMITS.lengthMax}).` })
  lengthMinutes!: number;

  @Field(() => DecimalScalar, {
    description: 'Credits a completed lecture earns: length in hours × the credits-per-hour setting, exact decimal rounded to 0.01 (90 minutes at 1 credit per hour = "1.5").',
  })
  creditValue!: string;

  @Field(() => CourseFormat, { description: 'In person, live online or recorded.' })
  format!: CourseFormat;

  @Field(() => CourseStatus, { description: 'ACTIVE, or RETIRED (kept for history, no longer scheduled).' })
  status!: CourseStatus;

  @Field(() => DateTimeScalar, { description: 'When the course was added to the catalogue.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the course was last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A page of courses.' })
export class CourseConnection extends ConnectionType(CourseType, 'Course') {}

@ObjectType('PlatformSettings', { description: 'Platform-wide settings kept as data. Readable by every signed-in viewer; changed by institute administrators.' })
export class PlatformSettingsType {
  @Field(() => DecimalScalar, { description: 'Credits a lecture earns per hour of length (default 1: a 90-minute lecture earns 1.5).' })
  creditsPerHour!: string;
}

@InputType({ description: 'Filters for course lists; all given conditions must hold.' })
export class CourseFilterInput {
  @Field(() => ID, { nullable: true, description: 'A category: courses in it or in any of its subcategories.' })
  categoryId?: string | null;

  @Field(() => CourseFormat, { nullable: true, description: 'Only this format.' })
  format?: CourseFormat | null;

  @Field(() => CourseStatus, { nullable: true, defaultValue: CourseStatus.ACTIVE, description: 'Only this status (default ACTIVE); null for every status.' })
  status?: CourseStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the title, description, tags or code. Compared in Unicode NFC, ignoring case and all spacing: "생성형AI" finds "생성형 AI 업무 활용".',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact tag (after NFC and space folding).' })
  tag?: string | null;
}

@InputType({ description: 'Sort order for course lists (default: by title).' })
export class CourseOrderInput {
  @Field(() => CourseOrderField, { description: 'Sort key.' })
  field!: CourseOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Direction.' })
  direction!: OrderDirection;
}
