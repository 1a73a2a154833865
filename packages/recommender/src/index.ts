export * from './types.js';
export { REASON_MESSAGES_KO, reason, formatKstDate } from './messages.js';
export {
  type RecommendationStrategy,
  HybridStrategy,
  type HybridOptions,
  type HybridOptionsInput,
  type HybridWeights,
  DEFAULT_HYBRID_OPTIONS,
  DEFAULT_COHORT_LEVELS,
  DEFAULT_CAREER_STAGE,
  resolveHybridOptions,
} from './recommendation-strategy.js';
export { PopularityStrategy, ItemKnnStrategy, EaseStrategy } from './baselines.js';
export { loadStrategy, createStrategy, registerStrategy, strategyNames, type StrategyFactory } from './strategy-registry.js';
export type { CohortLevel } from './model/cohort.js';
export { EaseModel } from './model/ease.js';
export { ItemKnnModel } from './model/item-knn.js';
export { SequentialModel, type SequentialOptions } from './model/sequential.js';
export { InteractionIndex } from './model/interaction-index.js';
export { invertSpd, matMul } from './linalg.js';
export { CharNgramTfidf, charNgrams, normalizeText, cosine, type SparseVector } from './text/char-ngram-tfidf.js';
export * from './eval/metrics.js';
export * from './eval/evaluate.js';
export * from './data/cnpc.js';
