import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars.js';
import { CourseType } from '../catalog/catalog.types.js';
import { CourseOfferingType } from '../round/round.types.js';
import { RecommendationFeedbackKind } from './recommendation.entity.js';

export enum RecommendationReasonCode {
  MANDATORY_DUE = 'MANDATORY_DUE',
  SIMILAR_TO_COMPLETED = 'SIMILAR_TO_COMPLETED',
  MATCHES_INTEREST = 'MATCHES_INTEREST',
  MATCHES_HOBBY = 'MATCHES_HOBBY',
  MATCHES_JOB = 'MATCHES_JOB',
  POPULAR_IN_COHORT = 'POPULAR_IN_COHORT',
  CAREER_STAGE = 'CAREER_STAGE',
  ANSWERS_YOUR_REQUEST = 'ANSWERS_YOUR_REQUEST',
  POPULAR = 'POPULAR',
  NEW_COURSE = 'NEW_COURSE',
}
registerEnumType(RecommendationReasonCode, {
  name: 'RecommendationReasonCode',
  description: 'Why something is recommended; each reason comes from the score decomposition.',
  valuesConfig: {
    MANDATORY_DUE: { description: 'Mandatory training due or overdue (names the rule and the due date).' },
    SIMILAR_TO_COMPLETED: { description: 'Similar to, or often taken after, a course the servant completed (names it).' },
    MATCHES_INTEREST: { description: 'Matches an interest (names it).' },
    MATCHES_HOBBY: { description: 'Matches a hobby (names it).' },
    MATCHES_JOB: { description: 'Matches the job series or duties.' },
    POPULAR_IN_COHORT: { description: 'Popular among colleagues of the same department, series and grade band (only for groups of five or more).' },
    CAREER_STAGE: { description: 'Typical for this stage of career.' },
    ANSWERS_YOUR_REQUEST: { description: 'Answers one of the servant\'s own training requests.' },
    POPULAR: { description: 'Popular overall (fallback).' },
    NEW_COURSE: { description: 'A new course.' },
  },
});
registerEnumType(RecommendationFeedbackKind, { name: 'RecommendationFeedbackKind', description: 'A servant\'s reaction to a recommendation.' });

export enum SubjectKind {
  CATEGORY = 'CATEGORY',
  TAG = 'TAG',
}
registerEnumType(SubjectKind, { name: 'SubjectKind', description: 'What kind of subject is recommended.' });

@ObjectType({ description: 'One reason for a recommendation.' })
export class RecommendationReason {
  @Field(() => RecommendationReasonCode, { description: 'Machine-readable reason.' })
  code!: RecommendationReasonCode;
  @Field({ description: 'The reason in Korean, ready to show.' })
  message!: string;
  @Field({ description: 'The values named in the message (JSON object), for clients that word it themselves.' })
  params!: string;
}

@ObjectType({ description: 'A recommended course for a servant.' })
export class Recommendation {
  @Field(() => CourseType, { description: 'The course.' })
  course!: unknown;
  @Field(() => CourseOfferingType, { nullable: true, description: 'Its offering in the round asked for (default: the open round), when there is one.' })
  offering!: unknown;
  @Field(() => Float, { description: 'Relevance score (higher first); only comparable within one answer.' })
  score!: number;
  @Field(() => [RecommendationReason], { description: 'Why, from the actual score decomposition.' })
  reasons!: RecommendationReason[];
}

@ObjectType({ description: 'A subject (category or tag) worth exploring.' })
export class SubjectRecommendationType {
  @Field(() => SubjectKind, { description: 'Category or tag.' })
  kind!: SubjectKind;
  @Field({ description: 'The category name or tag.' })
  subject!: string;
  @Field(() => Float, { description: 'Relevance score.' })
  score!: number;
  @Field(() => [CourseType], { description: 'Courses behind the suggestion, best first.' })
  courses!: unknown[];
  @Field(() => [RecommendationReason], { description: 'Why.' })
  reasons!: RecommendationReason[];
}

@ObjectType({ description: 'State of this process\'s recommendation model.' })
export class RecommenderStatus {
  @Field({ description: 'Strategy in use (setting KOK_RECOMMENDER).' })
  strategy!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the model was last fitted.' })
  fittedAt!: Date | null;
}
