import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { decodeIdOf, toGlobalId } from '../../common/global-id.js';
import { registerNodeType } from '../../common/node.js';
import { DateTimeScalar } from '../../common/scalars.js';
import { mutationPayload } from '../../common/user-errors.js';
import { type EnrollmentCountChangedPayload, type EnrollmentRoundStatusChangedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { CourseType } from '../catalog/catalog.types.js';
import { OrganizationType } from '../organization/organization.types.js';
import { Servant } from '../servant/servant.entity.js';
import { ServantType } from '../servant/servant.types.js';
import { CourseOffering, CourseOfferingStatus, Enrollment, EnrollmentRound, EnrollmentRoundStatus, EnrollmentStatus } from './round.entity.js';
import {
  CourseOfferingCreateErrorCode,
  CourseOfferingRemoveErrorCode,
  CourseOfferingUpdateErrorCode,
  EnrollmentCancelErrorCode,
  EnrollmentCreateErrorCode,
  EnrollmentRoundCloseErrorCode,
  EnrollmentRoundCreateErrorCode,
  EnrollmentRoundOpenErrorCode,
} from './round.errors.js';
import {
  CourseOfferingCreateInput,
  CourseOfferingRemoveInput,
  CourseOfferingUpdateInput,
  EnrollmentCancelInput,
  EnrollmentCreateInput,
  EnrollmentRoundCreateInput,
  EnrollmentRoundIdInput,
} from './round.inputs.js';
import {
  CourseOfferingCreatePayload,
  CourseOfferingRemovePayload,
  CourseOfferingUpdatePayload,
  EnrollmentCancelPayload,
  EnrollmentCreatePayload,
  EnrollmentRoundClosePayload,
  EnrollmentRoundCreatePayload,
  EnrollmentRoundOpenPayload,
} from './round.payloads.js';
import { CourseOfferingConnection, CourseOfferingType, EnrollmentConnection, EnrollmentRoundConnection, EnrollmentRoundType, EnrollmentType, RoundOutcome } from './round.types.js';

registerNodeType('EnrollmentRound', EnrollmentRound, async (ctx, ids) => {
  ctx.scope.requireViewer();
  const rounds = await Promise.all(ids.map((id) => (ctx as Context).services.rounds.roundById(id)));
  return new Map(rounds.filter((r): r is EnrollmentRound => !!r).map((r) => [r.id, r]));
});
registerNodeType('CourseOffering', CourseOffering, async (ctx, ids) => {
  ctx.scope.requireViewer();
  const offerings = await Promise.all(ids.map((id) => (ctx as Context).services.rounds.offeringById(id)));
  return new Map(offerings.filter((o): o is CourseOffering => !!o).map((o) => [o.id, o]));
});
// A registration is visible exactly when its servant is.
registerNodeType('Enrollment', Enrollment, async (ctx, ids) => {
  const c = ctx as Context;
  const rows = await c.scope.em.find(Enrollment, { id: { $in: ids } });
  const visible = await c.services.servants.byIds(rows.map((r) => r.servant.id));
  return new Map(rows.filter((r) => visible.has(r.servant.id)).map((r) => [r.id, r]));
});

@ObjectType({ description: 'Registration counts of offerings changed.' })
export class EnrollmentCountChangedEvent {
  @Field(() => EnrollmentRoundType, { nullable: true, description: 'The round.' })
  round!: EnrollmentRound | null;
  @Field(() => [CourseOfferingType], { description: 'The offerings whose counts changed (filtered by the subscription\'s offeringId).' })
  offerings!: CourseOffering[];
}

@ObjectType({ description: 'A round opened or closed.' })
export class EnrollmentRoundStatusChangedEvent {
  @Field(() => EnrollmentRoundType, { nullable: true, description: 'The round, as it is now.' })
  round!: EnrollmentRound | null;
  @Field(() => EnrollmentRoundStatus, { description: 'Its new status.' })
  status!: EnrollmentRoundStatus;
}

@Resolver(() => EnrollmentRoundType)
export class EnrollmentRoundResolver {
  @Authorized()
  @Query(() => EnrollmentRoundConnection, { description: 'Rounds, newest month first. Any signed-in viewer.' })
  enrollmentRounds(
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => EnrollmentRoundStatus, { nullable: true, description: 'Only rounds in this status.' }) status?: EnrollmentRoundStatus,
  ) {
    return ctx.services.rounds.list(args, status);
  }

  @Authorized()
  @Query(() => EnrollmentRoundType, { nullable: true, description: 'The round to show now: the open one, else the next draft, else the latest closed.' })
  currentEnrollmentRound(@Ctx() ctx: Context) {
    return ctx.services.rounds.current();
  }

  @FieldResolver(() => CourseOfferingConnection, { description: 'Its offerings by start time.' })
  offerings(
    @Root() r: EnrollmentRound,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => CourseOfferingStatus, { nullable: true, description: 'Only offerings in this status.' }) status?: CourseOfferingStatus,
  ) {
    return ctx.services.rounds.offerings(r.id, args, status);
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When it was opened.' })
  openedAt(@Root() r: EnrollmentRound) {
    return r.openedAt ?? null;
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => EnrollmentRoundCreatePayload, { description: 'Creates the month\'s round as DRAFT. Institute administrators.' })
  enrollmentRoundCreate(@Ctx() ctx: Context, @Arg('input', () => EnrollmentRoundCreateInput) input: EnrollmentRoundCreateInput) {
    return mutationPayload(ctx.scope, EnrollmentRoundCreateErrorCode, async () => ({ round: await ctx.services.rounds.createRound(input) }), { round: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => EnrollmentRoundOpenPayload, { description: 'Opens a draft round with at least one offering (it also opens by itself at opensAt). Institute administrators.' })
  enrollmentRoundOpen(@Ctx() ctx: Context, @Arg('input', () => EnrollmentRoundIdInput) input: EnrollmentRoundIdInput) {
    return mutationPayload(ctx.scope, EnrollmentRoundOpenErrorCode, async () => ({ round: await ctx.services.rounds.openRoundByAdmin(input.roundId) }), { round: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => EnrollmentRoundClosePayload, {
    description:
      'Closes an open round now and applies the rule of five (it also closes by itself at closesAt). Exactly once: a concurrent or repeated close gets ALREADY_CLOSED and changes nothing. Institute administrators.',
  })
  enrollmentRoundClose(@Ctx() ctx: Context, @Arg('input', () => EnrollmentRoundIdInput) input: EnrollmentRoundIdInput) {
    return mutationPayload(
      ctx.scope,
      EnrollmentRoundCloseErrorCode,
      async () => {
        const o = await ctx.services.rounds.closeRoundByAdmin(input.roundId);
        return { round: o.round, outcome: await ctx.services.rounds.outcome(o.round.id) };
      },
      { round: null, outcome: null },
    );
  }

  @FieldResolver(() => RoundOutcome, { nullable: true, description: 'What closing decided; null until the round is closed.' })
  outcome(@Root() r: EnrollmentRound, @Ctx() ctx: Context) {
    return r.status === EnrollmentRoundStatus.CLOSED ? ctx.services.rounds.outcome(r.id) : null;
  }

  @Authorized()
  @Subscription(() => EnrollmentRoundStatusChangedEvent, {
    topics: Topics.ENROLLMENT_ROUND_STATUS_CHANGED,
    description: 'A round opened or closed, on any API process. Any signed-in viewer (reporting tools included).',
    filter: ({ payload, args }: SubscriptionHandlerData<EnrollmentRoundStatusChangedPayload, { roundId?: string | null }, Context>) =>
      !args.roundId || decodeIdOf('EnrollmentRound', args.roundId) === payload.roundId,
  })
  async enrollmentRoundStatusChanged(
    @Root() payload: EnrollmentRoundStatusChangedPayload,
    @Ctx() ctx: Context,
    @Arg('roundId', () => ID, { nullable: true, description: 'Only this round.' }) _roundId?: string,
  ): Promise<EnrollmentRoundStatusChangedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    return { round: await ctx.services.rounds.roundById(payload.roundId), status: payload.status as EnrollmentRoundStatus };
  }

  @Authorized()
  @Subscription(() => EnrollmentCountChangedEvent, {
    topics: Topics.ENROLLMENT_COUNT_CHANGED,
    description: 'Registration counts changed (registrations, cancellations, promotions, round close), on any API process. Any signed-in viewer.',
    filter: ({ payload, args }: SubscriptionHandlerData<EnrollmentCountChangedPayload, { roundId?: string | null; offeringId?: string | null }, Context>) =>
      (!args.roundId || decodeIdOf('EnrollmentRound', args.roundId) === payload.roundId) &&
      (!args.offeringId || payload.offeringIds.includes(decodeIdOf('CourseOffering', args.offeringId))),
  })
  async enrollmentCountChanged(
    @Root() payload: EnrollmentCountChangedPayload,
    @Ctx() ctx: Context,
    @Arg('roundId', () => ID, { nullable: true, description: 'Only this round.' }) _roundId?: string,
    @Arg('offeringId', () => ID, { nullable: true, description: 'Only this offering.' }) offeringId?: string,
  ): Promise<EnrollmentCountChangedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const wanted = offeringId ? [decodeIdOf('CourseOffering', offeringId)] : payload.offeringIds;
    const offerings = (await Promise.all(wanted.map((id) => ctx.services.rounds.offeringById(id)))).filter((o): o is CourseOffering => !!o);
    return { round: await ctx.services.rounds.roundById(payload.roundId), offerings };
  }
}

@Resolver(() => CourseOfferingType)
export class CourseOfferingResolver {
  @FieldResolver(() => EnrollmentRoundType, { description: 'The round.' })
  round(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    return ctx.services.rounds.roundById(o.round.id);
  }

  @FieldResolver(() => CourseType, { description: 'The course scheduled.' })
  course(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    return ctx.services.catalog.courseById(o.course.id);
  }

  @FieldResolver(() => Int, { description: 'The minimum that applies (its own, else the round\'s): the rule of five.' })
  minimumRegistrants(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    return ctx.services.rounds.effectiveMinimum(o);
  }

  @FieldResolver(() => Int, { description: 'Servants holding a seat (registered, or confirmed after close).' })
  async registrantCount(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    const c = await ctx.services.rounds.counts(o.id);
    return c.registered + c.confirmed;
  }

  @FieldResolver(() => Int, { description: 'Servants on the waiting list.' })
  async waitlistCount(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    return (await ctx.services.rounds.counts(o.id)).waitlisted;
  }

  @FieldResolver(() => Int, { description: 'Seats still free.' })
  async seatsLeft(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    const c = await ctx.services.rounds.counts(o.id);
    return Math.max(0, o.capacity - c.registered - c.confirmed);
  }

  @FieldResolver(() => Boolean, { description: 'Whether it would open if registration closed now (registrants ≥ minimum); after close, whether it opened.' })
  async willOpen(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    if (o.status === CourseOfferingStatus.CONFIRMED || o.status === CourseOfferingStatus.COMPLETED) return true;
    if (o.status === CourseOfferingStatus.CANCELLED) return false;
    const c = await ctx.services.rounds.counts(o.id);
    return c.registered >= (await ctx.services.rounds.effectiveMinimum(o));
  }

  @FieldResolver(() => [OrganizationType], { description: 'Organisations whose servants may register (with their subtrees); empty = everyone.' })
  async eligibleOrganizations(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    const orgs = await ctx.services.organizations.byIds(o.eligibleOrganizationIds);
    return o.eligibleOrganizationIds.map((id) => orgs.get(id)).filter((x) => !!x);
  }

  @FieldResolver(() => EnrollmentType, { nullable: true, description: 'The viewer\'s own latest registration in this offering (servants).' })
  viewerEnrollment(@Root() o: CourseOffering, @Ctx() ctx: Context) {
    return ctx.services.rounds.viewerEnrollment(o.id);
  }

  @FieldResolver(() => EnrollmentConnection, { description: 'Registrations the viewer may see: administrators in scope see their servants\'; a servant only their own.' })
  enrollments(
    @Root() o: CourseOffering,
    @Ctx() ctx: Context,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('status', () => EnrollmentStatus, { nullable: true, description: 'Only this status.' }) status?: EnrollmentStatus,
  ) {
    return ctx.services.rounds.enrollmentsOfOffering(o.id, args, status);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseOfferingCreatePayload, { description: 'Schedules a course in a draft round. Institute administrators.' })
  courseOfferingCreate(@Ctx() ctx: Context, @Arg('input', () => CourseOfferingCreateInput) input: CourseOfferingCreateInput) {
    return mutationPayload(ctx.scope, CourseOfferingCreateErrorCode, async () => ({ offering: await ctx.services.rounds.createOffering(input.roundId, input) }), { offering: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseOfferingUpdatePayload, { description: 'Changes an offering of a draft round. Institute administrators.' })
  courseOfferingUpdate(@Ctx() ctx: Context, @Arg('input', () => CourseOfferingUpdateInput) input: CourseOfferingUpdateInput) {
    return mutationPayload(ctx.scope, CourseOfferingUpdateErrorCode, async () => ({ offering: await ctx.services.rounds.updateOffering(input.id, input) }), { offering: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CourseOfferingRemovePayload, { description: 'Removes an offering of a draft round. Institute administrators.' })
  courseOfferingRemove(@Ctx() ctx: Context, @Arg('input', () => CourseOfferingRemoveInput) input: CourseOfferingRemoveInput) {
    return mutationPayload(
      ctx.scope,
      CourseOfferingRemoveErrorCode,
      async () => ({ removedOfferingId: toGlobalId('CourseOffering', await ctx.services.rounds.removeOffering(input.id)) }),
      { removedOfferingId: null },
    );
  }
}

@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  @FieldResolver(() => CourseOfferingType, { description: 'The offering.' })
  offering(@Root() e: Enrollment, @Ctx() ctx: Context) {
    return ctx.services.rounds.offeringById(e.offering.id);
  }

  @FieldResolver(() => ServantType, { nullable: true, description: 'The servant (null if the viewer may not see them).' })
  servant(@Root() e: Enrollment, @Ctx() ctx: Context) {
    return ctx.services.servants.byId(e.servant.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Place on the waiting list (1 = next); null unless waitlisted.' })
  waitlistPosition(@Root() e: Enrollment, @Ctx() ctx: Context) {
    return ctx.services.rounds.waitlistPosition(e);
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => EnrollmentCreatePayload, {
    description:
      'The viewer registers for an offering while its round is open: REGISTERED while seats last, then WAITLISTED. Refused outside the window, when not eligible, when already registered, or when it overlaps another registration.',
  })
  enrollmentCreate(@Ctx() ctx: Context, @Arg('input', () => EnrollmentCreateInput) input: EnrollmentCreateInput) {
    return mutationPayload(ctx.scope, EnrollmentCreateErrorCode, async () => ({ enrollment: await ctx.services.rounds.enroll(input.offeringId) }), { enrollment: null });
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => EnrollmentCancelPayload, { description: 'The viewer cancels a registration while the round is open; the first waitlisted servant gets the seat and is told.' })
  enrollmentCancel(@Ctx() ctx: Context, @Arg('input', () => EnrollmentCancelInput) input: EnrollmentCancelInput) {
    return mutationPayload(ctx.scope, EnrollmentCancelErrorCode, async () => ({ enrollment: await ctx.services.rounds.cancel(input.enrollmentId) }), { enrollment: null });
  }
}

@Resolver(() => ServantType)
export class ServantEnrollmentsResolver {
  @FieldResolver(() => EnrollmentConnection, { description: 'The servant\'s registrations, newest first (the servant and administrators in scope).' })
  enrollments(@Root() s: Servant, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return ctx.services.rounds.enrollmentsOfServant(s.id, args);
  }
}
