/**
 * Plain data shapes exchanged with a recommendation strategy. They carry no database or
 * GraphQL types so that the package can be fitted from any source (the API's snapshot job,
 * a CSV file in the benchmark, a test fixture).
 */

/** What a servant did with a course. Kept as a string union so it maps 1:1 to the API enum. */
export type InteractionKind =
  | 'COMPLETED'
  | 'REGISTERED'
  | 'REQUESTED'
  | 'FEEDBACK_INTERESTED'
  | 'FEEDBACK_NOT_INTERESTED';

/** A time given either as a Date or as epoch milliseconds (the benchmark uses numbers to save memory). */
export type TimeLike = Date | number;

/** One servant × course event. */
export interface Interaction {
  servantId: string;
  courseId: string;
  kind: InteractionKind;
  at: TimeLike;
}

/** A catalogue entry, as far as the recommender needs it. */
export interface CourseFeatures {
  id: string;
  /** Category id or name; also used as text, so a readable name helps the content signal. */
  category?: string;
  tags?: string[];
  title?: string;
  description?: string;
  lengthMinutes?: number;
  /** IN_PERSON | LIVE_ONLINE | RECORDED, kept open as a string. */
  format?: string;
  createdAt?: TimeLike;
}

/**
 * A servant's features. Everything is optional: hobbies and interests need consent, and a
 * new servant may have nothing but an organisation.
 */
export interface ServantFeatures {
  id: string;
  organization?: string;
  department?: string;
  jobSeries?: string;
  /** A band rather than the exact grade (e.g. '8-9', '6-7', '5+') so small groups stay anonymous. */
  gradeBand?: string;
  yearsOfService?: number;
  /** Assignment duties text (current and past assignments concatenated). */
  duties?: string;
  interests?: string[];
  hobbies?: string[];
  /** Texts of the servant's own training requests. */
  requestTexts?: string[];
  /** Titles of trainings completed outside the platform (previous education). */
  externalTrainingTitles?: string[];
  /** Extra categorical attributes usable as cohort features by a custom cohort definition. */
  attributes?: Record<string, string>;
}

/** Everything a strategy is fitted on. */
export interface RecommenderSnapshot {
  servants: ServantFeatures[];
  courses: CourseFeatures[];
  interactions: Interaction[];
  /** "Now" for recency decay; defaults to the latest interaction time. Tests pin it. */
  now?: TimeLike;
}

/** A mandatory-training obligation computed by the credit bank and passed in per request. */
export interface EssentialTraining {
  /** Courses that satisfy the rule (any one of them). */
  courseIds?: string[];
  /** Or: any course of this category satisfies the rule. */
  categoryId?: string;
  ruleName: string;
  dueDate: TimeLike | string;
  status: 'DUE' | 'OVERDUE';
}

export interface RecommendOptions {
  /** How many items to return. */
  k: number;
  /** Restrict the answer to these course ids (e.g. the courses offered in a round). */
  candidates?: readonly string[];
  /** Never return these course ids. */
  exclude?: readonly string[];
  /** Due or overdue mandatory trainings; pinned first. */
  essential?: readonly EssentialTraining[];
  /**
   * Interactions recorded since the last fit (e.g. a NOT_INTERESTED click a second ago).
   * They are applied at answer time so feedback changes the next answer without a refit.
   */
  recentInteractions?: readonly Interaction[];
}

/** Reason codes; each maps to one Korean message template in messages.ts. */
export type ReasonCode =
  | 'MANDATORY_DUE'
  | 'SIMILAR_TO_COMPLETED'
  | 'MATCHES_INTEREST'
  | 'MATCHES_HOBBY'
  | 'MATCHES_JOB'
  | 'POPULAR_IN_COHORT'
  | 'CAREER_STAGE'
  | 'ANSWERS_YOUR_REQUEST'
  | 'POPULAR'
  | 'NEW_COURSE';

export interface Reason {
  code: ReasonCode;
  /** Korean, ready to show. */
  message: string;
  /** The values interpolated in the message, so a client can render its own wording. */
  params: Record<string, string | number>;
}

export interface RecommendedItem {
  courseId: string;
  score: number;
  reasons: Reason[];
}

export interface SubjectRecommendation {
  kind: 'CATEGORY' | 'TAG';
  subject: string;
  score: number;
  /** Courses behind the suggestion, best first. */
  courseIds: string[];
  reasons: Reason[];
}

export interface RecommendSubjectsOptions {
  k: number;
  candidates?: readonly string[];
  exclude?: readonly string[];
  recentInteractions?: readonly Interaction[];
}
