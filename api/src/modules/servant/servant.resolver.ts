import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, Field, ObjectType, registerEnumType, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { decodeIdOf } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { DateTimeScalar, LocalDateScalar } from '../../common/scalars.js';
import { mutationPayload } from '../../common/user-errors.js';
import { type ServantChangedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { t } from '../../i18n/messages.js';
import { flushAccessLog } from '../audit/access-log.service.js';
import { Role } from '../account/account.entity.js';
import { OrganizationType } from '../organization/organization.types.js';
import { Assignment, EducationRecord, Servant } from './servant.entity.js';
import { ServantCreateErrorCode, ServantImportErrorCode, ServantProfileUpdateErrorCode, ServantUpdateErrorCode } from './servant.errors.js';
import { ServantCreateInput, ServantImportInput, ServantProfileUpdateInput, ServantUpdateInput } from './servant.inputs.js';
import { ServantCreatePayload, ServantImportPayload, ServantProfileUpdatePayload, ServantUpdatePayload } from './servant.payloads.js';
import { PersonalDataAction, ServantOrderField } from './servant.service.js';
import { AssignmentType, EducationRecordType, OrderDirection, ServantConnection, ServantFilterInput, ServantOrderInput, ServantType } from './servant.types.js';

registerNodeType('Servant', Servant, (ctx, ids) => (ctx as Context).services.servants.byIds(ids));
// Assignments and education records are reachable through `node` only via their servant's
// visibility: load the rows, then keep those whose servant the viewer may read.
registerNodeType('Assignment', Assignment, async (ctx, ids) => {
  const c = ctx as Context;
  const rows = await c.scope.em.find(Assignment, { id: { $in: ids } });
  const visible = await c.services.servants.byIds(rows.map((r) => r.servant.id));
  const out = rows.filter((r) => visible.has(r.servant.id));
  out.forEach((r) => c.scope.logAccess([r.servant.id], PersonalDataAction.READ_WORK_HISTORY));
  return new Map(out.map((r) => [r.id, r]));
});
registerNodeType('EducationRecord', EducationRecord, async (ctx, ids) => {
  const c = ctx as Context;
  const rows = await c.scope.em.find(EducationRecord, { id: { $in: ids } });
  const visible = await c.services.servants.byIds(rows.map((r) => r.servant.id));
  const out = rows.filter((r) => visible.has(r.servant.id));
  out.forEach((r) => c.scope.logAccess([r.servant.id], PersonalDataAction.READ_EDUCATION));
  return new Map(out.map((r) => [r.id, r]));
});

export enum ServantChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
}
registerEnumType(ServantChangeKind, { name: 'ServantChangeKind', description: 'What happened to a servant record.' });

@ObjectType({ description: 'A servant record was created or changed.' })
export class ServantChangedEvent {
  @Field(() => ServantChangeKind, { description: 'Created or updated.' })
  kind!: ServantChangeKind;
  @Field(() => ServantType, { nullable: true, description: 'The servant as it is now (null if no longer visible).' })
  servant!: Servant | null;
}

@Resolver(() => ServantType)
export class ServantResolver {
  @Authorized()
  @Query(() => ServantConnection, {
    description:
      'Servants the viewer may see: all for institute administrators, their subtree for organisation administrators, themselves for a servant. Reads are logged for administrators.',
  })
  servants(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ServantFilterInput, { nullable: true }) filter?: ServantFilterInput,
    @Arg('orderBy', () => ServantOrderInput, { nullable: true }) orderBy?: ServantOrderInput,
  ) {
    return ctx.services.servants.list(
      {
        organizationId: filter?.organizationId ? decodeIdOf('Organization', filter.organizationId, ['filter', 'organizationId']) : null,
        jobSeries: filter?.jobSeries,
        grade: filter?.grade,
        search: filter?.search,
      },
      args,
      { field: orderBy?.field ?? ServantOrderField.NAME, direction: orderBy?.direction ?? OrderDirection.ASC },
    );
  }

  @FieldResolver(() => OrganizationType, { description: 'The province, city or county.' })
  organization(@Root() s: Servant, @Ctx() ctx: Context) {
    return ctx.services.organizations.byId(s.organization.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The department or agency.' })
  department(@Root() s: Servant, @Ctx() ctx: Context) {
    return s.department ? ctx.services.organizations.byId(s.department.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Work e-mail. Personal data (logged).' })
  async email(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_CONTACT);
    return s.email ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Work phone. Personal data (logged).' })
  async phone(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_CONTACT);
    return s.phone ?? null;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'Date of appointment. Personal data (logged).' })
  async hireDate(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_PROFILE);
    return s.hireDate ?? null;
  }

  @FieldResolver(() => [AssignmentType], { description: 'Work history, oldest first (a few entries per servant). Personal data (logged).' })
  assignments(@Root() s: Servant, @Ctx() ctx: Context) {
    return ctx.services.servants.assignments(s);
  }

  @FieldResolver(() => [EducationRecordType], { description: 'Previous education, newest first. Personal data (logged).' })
  educationRecords(@Root() s: Servant, @Ctx() ctx: Context) {
    return ctx.services.servants.educationRecords(s);
  }

  @FieldResolver(() => [String], { description: 'Interests (optional data, only with consent). Personal data (logged).' })
  async interests(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_INTERESTS);
    return s.interests;
  }

  @FieldResolver(() => [String], { description: 'Hobbies (optional data, only with consent). Personal data (logged).' })
  async hobbies(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_INTERESTS);
    return s.hobbies;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When the servant consented to the use of optional data; null without consent.' })
  async consentGivenAt(@Root() s: Servant, @Ctx() ctx: Context) {
    await ctx.services.servants.readPersonal(s, PersonalDataAction.READ_INTERESTS);
    return s.consentGivenAt ?? null;
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => ServantCreatePayload, { description: 'Registers a servant. Institute administrators; organisation administrators within their subtree.' })
  servantCreate(@Ctx() ctx: Context, @Arg('input', () => ServantCreateInput) input: ServantCreateInput) {
    return mutationPayload(ctx.scope, ServantCreateErrorCode, async () => ({ servant: await ctx.services.servants.create(input) }), { servant: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => ServantUpdatePayload, { description: 'Changes a servant record. Institute administrators; organisation administrators within their subtree.' })
  servantUpdate(@Ctx() ctx: Context, @Arg('input', () => ServantUpdateInput) input: ServantUpdateInput) {
    return mutationPayload(ctx.scope, ServantUpdateErrorCode, async () => ({ servant: await ctx.services.servants.update(input) }), { servant: null });
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => ServantProfileUpdatePayload, { description: 'A servant edits their own interests, hobbies and consent. Withdrawing consent erases the optional data.' })
  servantProfileUpdate(@Ctx() ctx: Context, @Arg('input', () => ServantProfileUpdateInput) input: ServantProfileUpdateInput) {
    return mutationPayload(ctx.scope, ServantProfileUpdateErrorCode, async () => ({ servant: await ctx.services.servants.updateOwnProfile(input) }), {
      servant: null,
    });
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => ServantImportPayload, {
    description:
      'Imports servants from an HR CSV: upsert by employee number; bad rows are reported and skipped; the good rows are committed together; importing the same file twice changes nothing. Organisation administrators only within their subtree.',
  })
  servantImport(@Ctx() ctx: Context, @Arg('input', () => ServantImportInput) input: ServantImportInput) {
    return mutationPayload(
      ctx.scope,
      ServantImportErrorCode,
      async () => {
        const r = await ctx.services.servantImport.import(input.csv);
        return {
          totalRows: r.totalRows,
          createdCount: r.created,
          updatedCount: r.updated,
          unchangedCount: r.unchanged,
          rowErrors: r.rowErrors.map((e) => ({ line: e.line, employeeNumber: e.employeeNumber, code: e.code, message: t(e.messageKey, ctx.scope.locale, e.params), column: e.field })),
        };
      },
      { totalRows: 0, createdCount: 0, updatedCount: 0, unchangedCount: 0, rowErrors: [] },
    );
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Subscription(() => ServantChangedEvent, {
    topics: Topics.SERVANT_CHANGED,
    description: 'Servant records created or changed one at a time (servantCreate, servantUpdate, servantProfileUpdate) in the viewer\'s scope, from any API process. Administrators. Bulk imports report their result in servantImport\'s payload instead.',
    filter: ({ payload, context }: SubscriptionHandlerData<ServantChangedPayload, unknown, Context>) => {
      const v = context.scope.viewer;
      if (!v) return false;
      if (v.roles.includes(Role.INSTITUTE_ADMIN)) return true;
      return !!v.scope && payload.organizationPaths.some((p: string) => p.startsWith(v.scope!.path));
    },
  })
  async servantChanged(@Root() payload: ServantChangedPayload, @Ctx() ctx: Context): Promise<ServantChangedEvent> {
    // Each event is resolved with a fresh EntityManager fork and fresh loaders.
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const servant = (await ctx.services.servants.byIds(payload.servantIds)).get(payload.servantIds[0]) ?? null;
    await flushAccessLog(ctx.scope.em, ctx.scope);
    return { kind: payload.kind === 'CREATED' ? ServantChangeKind.CREATED : ServantChangeKind.UPDATED, servant };
  }
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  @FieldResolver(() => OrganizationType, { description: 'Organisation of the post.' })
  organization(@Root() a: Assignment, @Ctx() ctx: Context) {
    return ctx.services.organizations.byId(a.organization.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Department of the post.' })
  department(@Root() a: Assignment, @Ctx() ctx: Context) {
    return a.department ? ctx.services.organizations.byId(a.department.id) : null;
  }
}
