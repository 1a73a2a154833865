import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { mutationPayload, UserErrorType } from '../../common/user-errors.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../account/account.entity.js';
import { CourseType } from '../catalog/catalog.types.js';
import { Servant } from '../servant/servant.entity.js';
import { ServantType } from '../servant/servant.types.js';
import { RecommendationFeedbackKind } from './recommendation.entity.js';
import { Recommendation, RecommenderStatus, RecommendationReasonCode, SubjectKind, SubjectRecommendationType } from './recommendation.types.js';

function reasons(list: { code: string; message: string; params: Record<string, unknown> }[]) {
  return list.map((r) => ({ code: r.code as RecommendationReasonCode, message: r.message, params: JSON.stringify(r.params) }));
}

@InputType({ description: 'The viewer\'s reaction to a recommended course.' })
export class RecommendationFeedbackInput {
  @Field(() => ID, { description: 'The course.' })
  courseId!: string;
  @Field(() => RecommendationFeedbackKind, { description: 'INTERESTED or NOT_INTERESTED (not recommended again).' })
  kind!: RecommendationFeedbackKind;
}

export const RecommendationFeedbackErrorCode = { INVALID_ID: 'INVALID_ID', NOT_A_SERVANT: 'NOT_A_SERVANT', COURSE_NOT_FOUND: 'COURSE_NOT_FOUND' } as const;
export const RecommendationFeedbackError = UserErrorType('RecommendationFeedbackError', RecommendationFeedbackErrorCode);

@ObjectType({ description: 'Result of recommendationFeedback.' })
export class RecommendationFeedbackPayload {
  @Field(() => CourseType, { nullable: true, description: 'The course the feedback is about.' })
  course!: unknown;
  @Field(() => [RecommendationFeedbackError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

export const RecommenderRefitErrorCode = { FORBIDDEN: 'FORBIDDEN' } as const;
export const RecommenderRefitError = UserErrorType('RecommenderRefitError', RecommenderRefitErrorCode);

@ObjectType({ description: 'Result of recommenderRefit.' })
export class RecommenderRefitPayload {
  @Field(() => RecommenderStatus, { nullable: true, description: 'The model after the refit (this process; the others refit on the broadcast).' })
  status!: RecommenderStatus | null;
  @Field(() => [RecommenderRefitError], { description: 'Why it was refused.' })
  userErrors!: unknown[];
}

@Resolver(() => ServantType)
export class ServantRecommendationsResolver {
  @FieldResolver(() => [Recommendation], {
    description:
      'Recommended courses, due and overdue mandatory training first, each with its reasons and its offering in the round. The servant and administrators in scope (logged). At most 50.',
  })
  async recommendations(
    @Root() s: Servant,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many (≤ 50).' }) first: number,
    @Arg('roundId', () => ID, { nullable: true, description: 'Round whose offerings to attach (default: the open round).' }) roundId?: string,
  ) {
    const items = await ctx.services.recommendations.recommend(s, first, roundId);
    return Promise.all(
      items.map(async (i) => ({
        course: await ctx.services.catalog.courseById(Number(i.courseId)),
        offering: i.offeringId ? await ctx.services.rounds.offeringById(i.offeringId) : null,
        score: i.score,
        reasons: reasons(i.reasons),
      })),
    );
  }

  @FieldResolver(() => [SubjectRecommendationType], { description: 'Categories and tags worth exploring, with reasons. The servant and administrators in scope (logged). At most 20.' })
  async recommendedSubjects(@Root() s: Servant, @Ctx() ctx: Context, @Arg('first', () => Int, { defaultValue: 5, description: 'How many (≤ 20).' }) first: number) {
    const items = await ctx.services.recommendations.subjects(s, first);
    return Promise.all(
      items.map(async (i) => ({
        kind: i.kind as SubjectKind,
        subject: i.subject,
        score: i.score,
        courses: (await Promise.all(i.courseIds.slice(0, 5).map((id) => ctx.services.catalog.courseById(Number(id))))).filter((c) => !!c),
        reasons: reasons(i.reasons),
      })),
    );
  }

  @Authorized(Role.SERVANT)
  @Mutation(() => RecommendationFeedbackPayload, { description: 'The viewer says whether a recommended course interests them; NOT_INTERESTED removes it from their next answers.' })
  recommendationFeedback(@Ctx() ctx: Context, @Arg('input', () => RecommendationFeedbackInput) input: RecommendationFeedbackInput) {
    return mutationPayload(
      ctx.scope,
      RecommendationFeedbackErrorCode,
      async () => ({ course: await ctx.services.catalog.courseById(await ctx.services.recommendations.feedback(input.courseId, input.kind)) }),
      { course: null },
    );
  }

  @Authorized(Role.INSTITUTE_ADMIN)
  @Mutation(() => RecommenderRefitPayload, { description: 'Refits the recommendation model now, on every API process, without blocking requests (answers come from the previous model meanwhile). Institute administrators.' })
  recommenderRefit(@Ctx() ctx: Context) {
    return mutationPayload(ctx.scope, RecommenderRefitErrorCode, async () => ({ status: await ctx.services.recommendations.refit() }), { status: null });
  }
}
