import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription, type SubscriptionHandlerData } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection.js';
import { DateTimeScalar, DecimalScalar } from '../../common/scalars.js';
import { now } from '../../common/clock.js';
import { decodeIdOf } from '../../common/global-id.js';
import { kstDateTime } from '../../common/kst.js';
import { registerNodeType } from '../../common/node.js';
import { mutationPayload } from '../../common/user-errors.js';
import { type CreditTransactionRecordedPayload, Topics } from '../../events/topics.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import type { Enrollment } from '../round/round.entity.js';
import { EnrollmentType } from '../round/round.types.js';
import type { Servant } from '../servant/servant.entity.js';
import { ServantType } from '../servant/servant.types.js';
import {
  AttendanceImportErrorCode,
  AttendanceRecordErrorCode,
  CreditPolicyUpdateErrorCode,
  CreditTransactionRecordErrorCode,
  CreditTransactionReverseErrorCode,
  OnlineProgressRecordErrorCode,
} from './credit.errors.js';
import { AttendanceImportInput, AttendanceRecordInput, CreditPolicyUpdateInput, CreditTransactionRecordInput, CreditTransactionReverseInput, OnlineProgressRecordInput } from './credit.inputs.js';
import {
  AttendanceImportPayload,
  AttendanceRecordPayload,
  CreditPolicyUpdatePayload,
  CreditTransactionRecordPayload,
  CreditTransactionReversePayload,
  OnlineProgressRecordPayload,
} from './credit.payloads.js';
import type { CompletionResult } from './credit.service.js';
import { CreditPolicyType, CreditSummary, CreditTransactionConnection, CreditTransactionType, LearningHours } from './credit.types.js';

// An entry is addressable exactly when its servant is visible to the viewer.
registerNodeType('CreditTransaction', CreditTransactionType, (ctx, ids) => (ctx as Context).services.credits.transactionsByIds(ids));

@ObjectType({ description: 'Ledger entries were recorded (attendance, recognition, adjustment or reversal).' })
export class CreditTransactionRecordedEvent {
  @Field(() => [CreditTransactionType], { description: 'The entries in the subscriber\'s scope (their `servant` is null for reporters).' })
  transactions!: CreditTransactionType[];
}

/** Who may receive an event about a servant in `path`: reporters and institute administrators everywhere, organisation administrators in their subtree. */
function subscriberSees(ctx: Context, path: string): boolean {
  const v = ctx.scope.viewer;
  if (!v) return false;
  if (v.roles.includes(Role.INSTITUTE_ADMIN) || v.roles.includes(Role.REPORTER)) return true;
  return v.roles.includes(Role.ORG_ADMIN) && !!v.scope && path.startsWith(v.scope.path);
}

function wanted(ctx: Context, organizationId: string | null | undefined, path: string): boolean {
  // Paths are materialised from ids (`/1/5/`): an organisation's subtree holds its id as a segment.
  return subscriberSees(ctx, path) && (!organizationId || path.includes(`/${decodeIdOf('Organization', organizationId)}/`));
}

/** Credit bank: servants' credits and hours, completion uploads, ledger operations, policy, events. */
@Resolver(() => ServantType)
export class CreditResolver {
  // ------------------------------------------------------------ Servant fields

  @FieldResolver(() => CreditSummary, {
    nullable: true,
    description: 'Credit balance and totals by kind and category. The servant and administrators in scope (personal data, logged); null with an error for others.',
  })
  creditSummary(@Root() s: Servant, @Ctx() ctx: Context) {
    return ctx.services.credits.summary(s);
  }

  @FieldResolver(() => CreditTransactionConnection, {
    nullable: true,
    description: 'The credit ledger, newest first. The servant and administrators in scope (personal data, logged).',
  })
  creditTransactions(@Root() s: Servant, @Ctx() ctx: Context, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    return ctx.services.credits.transactions(s, args);
  }

  @FieldResolver(() => LearningHours, {
    nullable: true,
    description: 'Learning hours of a year against the requirement for the servant\'s grade. The servant and administrators in scope (personal data, logged).',
  })
  learningHours(
    @Root() s: Servant,
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Calendar year (Korea time); default the current one.' }) year?: number | null,
  ) {
    return ctx.services.credits.learningHours(s, year ?? Number(kstDateTime(now()).slice(0, 4)));
  }

  // ------------------------------------------------------------ policy

  @Authorized()
  @Query(() => CreditPolicyType, { description: 'A year\'s credit policy (defaults when none is stored). Any signed-in viewer.' })
  creditPolicy(@Ctx() ctx: Context, @Arg('year', () => Int, { description: 'The year.' }) year: number) {
    return ctx.services.credits.policy(year);
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => CreditPolicyUpdatePayload, {
    description: 'Sets a year\'s credit policy: credits per hour, the yearly cap on recognised outside credits, required hours by grade. Institute administrators.',
  })
  creditPolicyUpdate(@Ctx() ctx: Context, @Arg('input', () => CreditPolicyUpdateInput) input: CreditPolicyUpdateInput) {
    return mutationPayload(ctx.scope, CreditPolicyUpdateErrorCode, async () => ({ policy: await ctx.services.credits.updatePolicy(input) }), { policy: null });
  }

  // ------------------------------------------------------------ completion

  private async completionPayload(ctx: Context, r: CompletionResult) {
    return { offering: await ctx.services.rounds.offeringById(r.offeringId), outcomes: r.outcomes };
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => AttendanceRecordPayload, {
    description:
      'Records minutes attended in a classroom or live lecture that was confirmed and has started; the offering becomes COMPLETED. ≥ 80 % of the lecture completes the registration and earns its credits exactly once (retries and concurrent uploads included); 0 minutes is a no-show; a correction that takes completion away reverses the credit. Institute administrators; organisation administrators for servants in their subtree only. Any bad entry refuses the whole request.',
  })
  attendanceRecord(@Ctx() ctx: Context, @Arg('input', () => AttendanceRecordInput) input: AttendanceRecordInput) {
    return mutationPayload(ctx.scope, AttendanceRecordErrorCode, async () => this.completionPayload(ctx, await ctx.services.credits.recordAttendance(input.offeringId, input.entries)), {
      offering: null,
      outcomes: [],
    });
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => OnlineProgressRecordPayload, {
    description:
      'Records progress and score in a recorded lecture (confirmed and started); the offering becomes COMPLETED. Progress ≥ 90 and score ≥ 60 complete it and earn its credits exactly once. Same permissions and corrections as attendanceRecord.',
  })
  onlineProgressRecord(@Ctx() ctx: Context, @Arg('input', () => OnlineProgressRecordInput) input: OnlineProgressRecordInput) {
    return mutationPayload(
      ctx.scope,
      OnlineProgressRecordErrorCode,
      async () => this.completionPayload(ctx, await ctx.services.credits.recordOnlineProgress(input.offeringId, input.entries)),
      { offering: null, outcomes: [] },
    );
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => AttendanceImportPayload, {
    description:
      'Records a whole offering\'s attendance from a CSV (사번 with 출석시간(분), or with 진도율 and 점수). Bad rows are reported with their line and skipped; the good ones are recorded together, with the same rules as attendanceRecord. Uploading the same file twice credits once.',
  })
  attendanceImport(@Ctx() ctx: Context, @Arg('input', () => AttendanceImportInput) input: AttendanceImportInput) {
    return mutationPayload(
      ctx.scope,
      AttendanceImportErrorCode,
      async () => {
        const r = await ctx.services.credits.importAttendance(input.offeringId, input.csv);
        return {
          ...(await this.completionPayload(ctx, r)),
          totalRows: r.totalRows,
          recordedCount: r.recorded,
          completedCount: r.completed,
          rowErrors: r.problems.map((p) => ctx.services.credits.rowError(p)).sort((a, b) => a.line - b.line),
        };
      },
      { offering: null, outcomes: [], totalRows: 0, recordedCount: 0, completedCount: 0, rowErrors: [] },
    );
  }

  // ------------------------------------------------------------ ledger

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => CreditTransactionRecordPayload, {
    description:
      'Records recognised outside learning (RECOGNIZED: positive, with title and evidence, within the year\'s cap, never a subject already credited) or an adjustment (ADJUSTED, either sign) for a servant in the viewer\'s scope. A retry with the same idempotencyKey returns the original entry and records nothing. Administrators in scope.',
  })
  creditTransactionRecord(@Ctx() ctx: Context, @Arg('input', () => CreditTransactionRecordInput) input: CreditTransactionRecordInput) {
    return mutationPayload(ctx.scope, CreditTransactionRecordErrorCode, async () => ({ transaction: await ctx.services.credits.record(input) }), { transaction: null });
  }

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN)
  @Mutation(() => CreditTransactionReversePayload, {
    description:
      'Reverses a ledger entry with a REVERSED entry pointing at it. An entry is reversed at most once (ALREADY_REVERSED, even under concurrency) and a reversal is never reversed (REVERSAL_OF_REVERSAL). A retry with the same idempotencyKey returns the original reversal. Administrators in scope.',
  })
  creditTransactionReverse(@Ctx() ctx: Context, @Arg('input', () => CreditTransactionReverseInput) input: CreditTransactionReverseInput) {
    return mutationPayload(ctx.scope, CreditTransactionReverseErrorCode, async () => ({ transaction: await ctx.services.credits.reverse(input) }), { transaction: null });
  }

  // ------------------------------------------------------------ events

  @Authorized(Role.INSTITUTE_ADMIN, Role.ORG_ADMIN, Role.REPORTER)
  @Subscription(() => CreditTransactionRecordedEvent, {
    topics: Topics.CREDIT_TRANSACTION_RECORDED,
    description:
      'Ledger entries recorded on any API process, after commit. Administrators receive entries of servants in their scope; reporters receive all entries, without the servant. Optionally only servants under one organisation.',
    filter: ({ payload, args, context }: SubscriptionHandlerData<CreditTransactionRecordedPayload, { organizationId?: string | null }, Context>) =>
      payload.entries.some((e) => wanted(context, args.organizationId, e.path)),
  })
  async creditTransactionRecorded(
    @Root() payload: CreditTransactionRecordedPayload,
    @Ctx() ctx: Context,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only servants in this organisation\'s subtree.' }) organizationId?: string | null,
  ): Promise<CreditTransactionRecordedEvent> {
    ctx.scope.em.clear();
    ctx.scope.memo.clear();
    const ids = payload.entries.filter((e) => wanted(ctx, organizationId, e.path)).map((e) => e.id);
    return { transactions: await ctx.services.credits.transactionsForEvent(ids) };
  }
}

/**
 * Completion details on `Enrollment` (the registration is visible exactly when its servant is).
 * NOT YET IN THE SCHEMA: it needs registering in graphql/schema.ts's resolver list (a shared
 * file outside this module), after which the schema is reprinted.
 */
@Resolver(() => EnrollmentType)
export class EnrollmentCompletionResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Minutes attended (classroom and live lectures), once recorded.' })
  minutesAttended(@Root() e: Enrollment) {
    return e.minutesAttended ?? null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Progress in percent (recorded lectures), once recorded.' })
  progressPercent(@Root() e: Enrollment) {
    return e.progressPercent != null ? String(e.progressPercent) : null;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Score (recorded lectures), once recorded.' })
  score(@Root() e: Enrollment) {
    return e.score != null ? String(e.score) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why the registration is or is not completed, in words (Korean), e.g. "미수료: 출석 45분 / 기준 48분(80%) 미달".' })
  completionNote(@Root() e: Enrollment) {
    return e.completionNote ?? null;
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'When attendance was last recorded.' })
  attendanceRecordedAt(@Root() e: Enrollment) {
    return e.attendanceRecordedAt ?? null;
  }
}
