/**
 * @kok/korean-text — normalisation and n-gram features shared by request grouping and
 * content-based recommendation. Pure TypeScript without runtime dependencies, so that both
 * the API and offline benchmarks can use it.
 */

/** Canonical comparison form and title keys: the one place that decides when two Korean strings are "the same". */
export { normalize, normalizeTitleKey, toHalfWidth, type AbbreviationGroup, type AbbreviationList } from './normalize.js';

/** Administrator-editable synonym data and its compiled, expandable form. */
export { SynonymDictionary, expandSynonyms, type SynonymExpansionMode, type SynonymGroup, type SynonymList } from './synonyms.js';

/** Shipped dictionary data, exported so that an admin screen can show and seed it. */
export { DEFAULT_ABBREVIATIONS, DEFAULT_SYNONYMS } from './dictionaries.js';

/** Hangul helpers, exported for callers that build their own features (e.g. search prefixes). */
export { decomposeHangul, isHangulSyllable, stripKoreanSuffix } from './hangul.js';

/** Feature extraction knobs; the defaults were chosen on KorSTS dev. */
export {
  BASELINE_FEATURES,
  DEFAULT_FEATURES,
  FeatureFamily,
  extractFeatures,
  featureFamily,
  type FeatureBag,
  type FeatureOptions,
  type NgramSpec,
} from './features.js';

/** The fitted vector space with top-k search: what grouping and recommendation call. */
export {
  DEFAULT_WEIGHTING,
  TextIndex,
  type IndexedDocument,
  type ScoredDocument,
  type TextIndexOptions,
  type WeightingOptions,
} from './text-index.js';

/** Sparse vector maths, for callers that store vectors (e.g. cached profile vectors). */
export { cosine, dot, norm, toMap, type SparseVector } from './sparse.js';

/** Deterministic grouping of similar requests. */
export { groupBySimilarity, type GroupableItem, type GroupingOptions, type SimilarityGroup } from './grouping.js';

/** Rank-based ROC-AUC, shared so that every benchmark measures matching the same way. */
export { rocAuc } from './roc-auc.js';
