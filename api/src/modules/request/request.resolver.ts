import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { DomainError } from '../../common/errors.js';
import { toGlobalId } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { mutationPayload } from '../../common/user-errors.js';
import { type DemandThresholdReachedPayload, type TrainingRequestSubmittedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { flushAccessLog } from '../audit/access-log.service.js';
import type { Servant } from '../servant/servant.entity.js';
import { OrderDirection, ServantType } from '../servant/servant.types.js';
import { Demand, SynonymGroup, TrainingRequest } from './request.entity.js';
import {
  CourseCreateFromDemandErrorCode,
  DemandDeclineErrorCode,
  DemandMergeErrorCode,
  DemandSplitErrorCode,
  DemandSupportErrorCode,
  SynonymGroupCreateErrorCode,
  SynonymGroupDeleteErrorCode,
  SynonymGroupUpdateErrorCode,
  TrainingRequestSubmitErrorCode,
  TrainingRequestWithdrawErrorCode,
} from './request.errors.js';
import {
  CourseCreateFromDemandInput,
  DemandDeclineInput,
  DemandMergeInput,
  DemandSplitInput,
  DemandSupportInput,
  SynonymGroupCreateInput,
  SynonymGroupDeleteInput,
  SynonymGroupUpdateInput,
  TrainingRequestSubmitInput,
  TrainingRequestWithdrawInput,
} from './request.inputs.js';
import {
  CourseCreateFromDemandPayload,
  DemandDeclinePayload,
  DemandMergePayload,
  DemandSplitPayload,
  DemandSupportPayload,
  SynonymGroupCreatePayload,
  SynonymGroupDeletePayload,
  SynonymGroupUpdatePayload,
  TrainingRequestSubmitPayload,
  TrainingRequestWithdrawPayload,
} from './request.payloads.js';
import { DemandOrderField } from './request.service.js';
import {
  DemandConnection,
  DemandFilterInput,
  DemandOrderInput,
  DemandThresholdReachedEvent,
  SynonymGroupConnection,
  TrainingRequestConnection,
  TrainingRequestSubmittedEvent,
} from './request.types.js';

registerNodeType('Demand', Demand, (ctx, ids) => (ctx as Context).services.requests.demandsByIds(ids));
registerNodeType('TrainingRequest', TrainingRequest, (ctx, ids) => (ctx as Context).services.requests.requestsByIds(ids));
registerNodeType('SynonymGroup', SynonymGroup, (ctx, ids) => (ctx as Context).services.requests.synonymGroupsByIds(ids));

/**
 * Request and demand queries, mutations and subscriptions, and `Servant.trainingRequests`.
 * The fields of Demand and TrainingRequest are resolved on their object types
 * (request.types.ts), which delegate to RequestService.
 */
@Resolver(() => ServantType)
export class RequestResolver {
  @FieldResolver(() => TrainingRequestConnection, { description: 'The servant\'s training requests, newest first, withdrawn ones included. The servant themselves and administrators in scope.' })
  async trainingRequests(@Root() s: Servant, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    if (!(await ctx.services.servants.canRead(s))) throw DomainError.forbidden();
    return ctx.services.requests.requestsOfServant(s.id, args);
  }

  @Authorized(Role.SERVANT, Role.ORG_ADMIN, Role.INSTITUTE_ADMIN)
  @Query(() => DemandConnection, {
    description:
      'Demands (merged ones never listed), most requesters first by default. Servants and administrators; servants see labels and counts, never who else asked.',
  })
  demands(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => DemandFilterInput, { nullable: true }) filter?: DemandFilterInput,
    @Arg('orderBy', () => DemandOrderInput, { nullable: true }) orderBy?: DemandOrderInput,
  ) {
    return ctx.services.requests.list(filter ?? {}, args, {
      field: orderBy?.field ?? DemandOrderField.REQUESTER_COUNT,
      direction: orderBy?.direction ?? OrderDirection.DESC,
    });
  }

  @Authorized(Role.ORG_ADMIN, Role.INSTITUTE_ADMIN)
  @Query(() => SynonymGroupConnection, { description: 'Administrator-edited synonym groups used when grouping requests (the shipped list of @kok/korean-text applies as well). Administrators.' })
  synonymGroups(@Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return ctx.services.requests.listSynonymGroups(args);
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => TrainingRequestSubmitPayload, {
    description:
      'A servant asks for training. The request joins the most similar open demand (Korean text normalised, synonyms applied, TF-IDF n-gram similarity at or above the demandGroupingThreshold setting) or starts a new demand; the author is notified.',
  })
  trainingRequestSubmit(@Ctx() ctx: Context, @Arg('input', () => TrainingRequestSubmitInput) input: TrainingRequestSubmitInput) {
    return mutationPayload(
      ctx.scope,
      TrainingRequestSubmitErrorCode,
      async () => {
        const r = await ctx.services.requests.submit(input);
        return { trainingRequest: r.request, demand: r.demand };
      },
      { trainingRequest: null, demand: null },
    );
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => TrainingRequestWithdrawPayload, { description: 'The author withdraws one of their open requests; it stops counting toward its demand.' })
  trainingRequestWithdraw(@Ctx() ctx: Context, @Arg('input', () => TrainingRequestWithdrawInput) input: TrainingRequestWithdrawInput) {
    return mutationPayload(ctx.scope, TrainingRequestWithdrawErrorCode, async () => ({ trainingRequest: await ctx.services.requests.withdraw(input.id) }), { trainingRequest: null });
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => DemandSupportPayload, { description: '"Me too": a servant backs an open or planned demand without writing a request; once per servant.' })
  demandSupport(@Ctx() ctx: Context, @Arg('input', () => DemandSupportInput) input: DemandSupportInput) {
    return mutationPayload(ctx.scope, DemandSupportErrorCode, async () => ({ demand: await ctx.services.requests.support(input.demandId) }), { demand: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => DemandMergePayload, { description: 'Merges open demands into an open target; moved requesters are notified. Institute administrators.' })
  demandMerge(@Ctx() ctx: Context, @Arg('input', () => DemandMergeInput) input: DemandMergeInput) {
    return mutationPayload(ctx.scope, DemandMergeErrorCode, async () => ({ demand: await ctx.services.requests.merge(input.targetId, input.sourceIds) }), { demand: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => DemandSplitPayload, { description: 'Moves some open requests of an open demand into a new demand; their authors are notified. Institute administrators.' })
  demandSplit(@Ctx() ctx: Context, @Arg('input', () => DemandSplitInput) input: DemandSplitInput) {
    return mutationPayload(ctx.scope, DemandSplitErrorCode, async () => ctx.services.requests.split(input.demandId, input.requestIds, input.label), { demand: null, newDemand: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => DemandDeclinePayload, { description: 'Declines an open demand with a reason; every requester is notified and sees the reason on the demand. Institute administrators.' })
  demandDecline(@Ctx() ctx: Context, @Arg('input', () => DemandDeclineInput) input: DemandDeclineInput) {
    return mutationPayload(ctx.scope, DemandDeclineErrorCode, async () => ({ demand: await ctx.services.requests.decline(input.demandId, input.reason) }), { demand: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseCreateFromDemandPayload, {
    description:
      'Creates a catalogue course for a demand, pre-filled from it (title from its label, category from the demand, description from its requests), links them, marks the demand PLANNED and notifies its requesters, in one transaction. Institute administrators.',
  })
  courseCreateFromDemand(@Ctx() ctx: Context, @Arg('input', () => CourseCreateFromDemandInput) input: CourseCreateFromDemandInput) {
    return mutationPayload(ctx.scope, CourseCreateFromDemandErrorCode, () => ctx.services.requests.createCourseFromDemand(input), { course: null, demand: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => SynonymGroupCreatePayload, { description: 'Adds a synonym group used by request grouping from now on. Institute administrators.' })
  synonymGroupCreate(@Ctx() ctx: Context, @Arg('input', () => SynonymGroupCreateInput) input: SynonymGroupCreateInput) {
    return mutationPayload(ctx.scope, SynonymGroupCreateErrorCode, async () => ({ synonymGroup: await ctx.services.requests.createSynonymGroup(input.terms) }), { synonymGroup: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => SynonymGroupUpdatePayload, { description: 'Replaces the terms of a synonym group. Institute administrators.' })
  synonymGroupUpdate(@Ctx() ctx: Context, @Arg('input', () => SynonymGroupUpdateInput) input: SynonymGroupUpdateInput) {
    return mutationPayload(ctx.scope, SynonymGroupUpdateErrorCode, async () => ({ synonymGroup: await ctx.services.requests.updateSynonymGroup(input.id, input.terms) }), { synonymGroup: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => SynonymGroupDeletePayload, { description: 'Deletes a synonym group (requests already grouped stay where they are). Institute administrators.' })
  synonymGroupDelete(@Ctx() ctx: Context, @Arg('input', () => SynonymGroupDeleteInput) input: SynonymGroupDeleteInput) {
    return mutationPayload(
      ctx.scope,
      SynonymGroupDeleteErrorCode,
      async () => ({ deletedSynonymGroupId: toGlobalId('SynonymGroup', await ctx.services.requests.deleteSynonymGroup(input.id)) }),
      { deletedSynonymGroupId: null },
    );
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Subscription(() => TrainingRequestSubmittedEvent, {
    topics: Topics.TRAINING_REQUEST_SUBMITTED,
    description: 'Training requests submitted, from any API process. Institute administrators: all; organisation administrators: requests from servants of their subtree.',
    filter: ({ payload, context }: SubscriptionHandlerData<TrainingRequestSubmittedPayload, unknown, Context>) => {
      const v = context.scope.viewer;
      if (!v) return false;
      if (v.roles.includes(Role.INSTITUTE_ADMIN)) return true;
      return !!v.scope && v.roles.includes(Role.ORG_ADMIN) && payload.organizationPath.startsWith(v.scope.path);
    },
  })
  async trainingRequestSubmitted(@Root() payload: TrainingRequestSubmittedPayload, @Ctx() ctx: Context): Promise<TrainingRequestSubmittedEvent> {
    // Each event is resolved with a fresh EntityManager fork and fresh loaders.
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const request = (await ctx.services.requests.requestsByIds([payload.requestId])).get(payload.requestId) ?? null;
    const demand = payload.demandId ? await ctx.services.requests.demandById(payload.demandId) : null;
    await flushAccessLog(ctx.scope.em, ctx.scope);
    return { request, demand };
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN, Role.REPORTER)
  @Subscription(() => DemandThresholdReachedEvent, {
    topics: Topics.DEMAND_THRESHOLD_REACHED,
    description: 'A demand reached the demandMinimumRequesters setting for the first time (sent once per demand), from any API process. Administrators and reporters.',
  })
  async demandThresholdReached(@Root() payload: DemandThresholdReachedPayload, @Ctx() ctx: Context): Promise<DemandThresholdReachedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    return { demand: await ctx.services.requests.demandById(payload.demandId), requesterCount: payload.requesterCount };
  }
}
