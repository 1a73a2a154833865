import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { decodeIdOf, toGlobalId } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { mutationPayload } from '../../common/user-errors.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { OrderDirection } from '../servant/servant.types.js';
import { Course, CourseStatus } from './catalog.entity.js';
import {
  CategoryCreateErrorCode,
  CategoryUpdateErrorCode,
  CourseCreateErrorCode,
  CourseRetireErrorCode,
  CourseUpdateErrorCode,
  LearningResourceAddErrorCode,
  LearningResourceRemoveErrorCode,
  PlatformSettingsUpdateErrorCode,
} from './catalog.errors.js';
import {
  CategoryCreateInput,
  CategoryUpdateInput,
  CourseCreateInput,
  CourseRetireInput,
  CourseUpdateInput,
  LearningResourceAddInput,
  LearningResourceRemoveInput,
  PlatformSettingsUpdateInput,
} from './catalog.inputs.js';
import {
  CategoryCreatePayload,
  CategoryUpdatePayload,
  CourseCreatePayload,
  CourseRetirePayload,
  CourseUpdatePayload,
  LearningResourceAddPayload,
  LearningResourceRemovePayload,
  PlatformSettingsUpdatePayload,
} from './catalog.payloads.js';
import {
  CategoryType,
  CourseConnection,
  CourseFilterInput,
  CourseOrderField,
  CourseOrderInput,
  CourseType,
  LearningResourceType,
  PlatformSettingsType,
} from './catalog.types.js';

// The catalogue is readable by every signed-in viewer, on every path.
registerNodeType('Course', Course, (ctx, ids) => {
  ctx.scope.requireViewer();
  return (ctx as Context).services.catalog.coursesByIds(ids);
});
registerNodeType('Category', CategoryType, (ctx, ids) => {
  ctx.scope.requireViewer();
  return (ctx as Context).services.catalog.categoriesByIds(ids);
});
registerNodeType('LearningResource', LearningResourceType, (ctx, ids) => {
  ctx.scope.requireViewer();
  return (ctx as Context).services.catalog.resourcesByIds(ids);
});

/**
 * Catalogue queries and mutations, and the fields of Course. (Category and LearningResource
 * resolve their relations in catalog.types.ts, so this one registered resolver serves the
 * whole module.)
 */
@Resolver(() => CourseType)
export class CatalogResolver {
  @Authorized()
  @Query(() => [CategoryType], { description: 'Every category (a small tree: use `parent`/`children`), in sort order. Any signed-in viewer.' })
  categories(@Ctx() ctx: Context) {
    return ctx.services.catalog.listCategories();
  }

  @Authorized()
  @Query(() => CourseConnection, { description: 'Catalogue courses (ACTIVE by default), filtered, sorted (by title unless asked otherwise) and keyset-paged. Any signed-in viewer.' })
  courses(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => CourseFilterInput, { nullable: true, description: 'Conditions that must all hold (status ACTIVE unless given).' }) filter?: CourseFilterInput,
    @Arg('orderBy', () => CourseOrderInput, { nullable: true, description: 'Sort order (default: title ascending).' }) orderBy?: CourseOrderInput,
  ) {
    return ctx.services.catalog.listCourses(
      {
        categoryId: filter?.categoryId ? decodeIdOf('Category', filter.categoryId, ['filter', 'categoryId']) : null,
        format: filter?.format,
        // The input's default (ACTIVE) applies inside a filter; an explicit `status: null` means every status.
        status: filter ? filter.status : CourseStatus.ACTIVE,
        search: filter?.search,
        tag: filter?.tag,
      },
      args,
      { field: orderBy?.field ?? CourseOrderField.TITLE, direction: orderBy?.direction ?? OrderDirection.ASC },
    );
  }

  @Authorized()
  @Query(() => PlatformSettingsType, { description: 'Platform-wide settings. Any signed-in viewer.' })
  async platformSettings(@Ctx() ctx: Context): Promise<PlatformSettingsType> {
    return { creditsPerHour: await ctx.services.catalog.creditsPerHour() };
  }

  @FieldResolver(() => CategoryType, { description: 'The category.' })
  category(@Root() c: Course, @Ctx() ctx: Context) {
    return ctx.services.catalog.categoryById(c.category.id);
  }

  @FieldResolver(() => [LearningResourceType], { description: 'Gathered learning resources, in the order they were added (at most 20).' })
  resources(@Root() c: Course, @Ctx() ctx: Context) {
    return ctx.services.catalog.resources(c);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseCreatePayload, { description: 'Adds a course to the catalogue; every problem is reported at once. Institute administrators only.' })
  courseCreate(@Ctx() ctx: Context, @Arg('input', () => CourseCreateInput) input: CourseCreateInput) {
    return mutationPayload(ctx.scope, CourseCreateErrorCode, async () => ({ course: await ctx.services.catalog.create(input) }), { course: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseUpdatePayload, { description: 'Changes a course; the credit value follows the length. Institute administrators only.' })
  courseUpdate(@Ctx() ctx: Context, @Arg('input', () => CourseUpdateInput) input: CourseUpdateInput) {
    return mutationPayload(ctx.scope, CourseUpdateErrorCode, async () => ({ course: await ctx.services.catalog.updateCourse(input) }), { course: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseRetirePayload, { description: 'Retires an active course (once; a retired course stays for history). Institute administrators only.' })
  courseRetire(@Ctx() ctx: Context, @Arg('input', () => CourseRetireInput) input: CourseRetireInput) {
    return mutationPayload(ctx.scope, CourseRetireErrorCode, async () => ({ course: await ctx.services.catalog.retireCourse(input.id) }), { course: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => LearningResourceAddPayload, { description: 'Attaches a learning resource to a course (at most 20 per course). Institute administrators only.' })
  learningResourceAdd(@Ctx() ctx: Context, @Arg('input', () => LearningResourceAddInput) input: LearningResourceAddInput) {
    return mutationPayload(ctx.scope, LearningResourceAddErrorCode, () => ctx.services.catalog.addResource(input), { learningResource: null, course: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => LearningResourceRemovePayload, { description: 'Removes a learning resource. Institute administrators only.' })
  learningResourceRemove(@Ctx() ctx: Context, @Arg('input', () => LearningResourceRemoveInput) input: LearningResourceRemoveInput) {
    return mutationPayload(
      ctx.scope,
      LearningResourceRemoveErrorCode,
      async () => {
        const r = await ctx.services.catalog.removeResource(input.id);
        return { removedLearningResourceId: toGlobalId('LearningResource', r.id), course: r.course };
      },
      { removedLearningResourceId: null, course: null },
    );
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CategoryCreatePayload, { description: 'Adds a category. Institute administrators only.' })
  categoryCreate(@Ctx() ctx: Context, @Arg('input', () => CategoryCreateInput) input: CategoryCreateInput) {
    return mutationPayload(ctx.scope, CategoryCreateErrorCode, async () => ({ category: await ctx.services.catalog.createCategory(input) }), { category: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CategoryUpdatePayload, { description: 'Renames, moves or reorders a category (never a cycle). Institute administrators only.' })
  categoryUpdate(@Ctx() ctx: Context, @Arg('input', () => CategoryUpdateInput) input: CategoryUpdateInput) {
    return mutationPayload(ctx.scope, CategoryUpdateErrorCode, async () => ({ category: await ctx.services.catalog.updateCategory(input) }), { category: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => PlatformSettingsUpdatePayload, {
    description: 'Changes platform settings. A new credits-per-hour recomputes the credit value of every active course. Institute administrators only.',
  })
  platformSettingsUpdate(@Ctx() ctx: Context, @Arg('input', () => PlatformSettingsUpdateInput) input: PlatformSettingsUpdateInput) {
    return mutationPayload(ctx.scope, PlatformSettingsUpdateErrorCode, async () => ({ settings: await ctx.services.catalog.updateSettings(input) }), { settings: null });
  }
}
