import type { RecommendationStrategy } from '../recommendation-strategy.js';
import { hitRateAtK, mean, ndcgAtK, recallAtK } from './metrics.js';

/** Per-user metric values, kept for bootstrap intervals and paired comparisons. */
export interface EvalResult {
  users: string[];
  recall: Float64Array;
  ndcg: Float64Array;
  hr: Float64Array;
}

export interface EvalSummary {
  n: number;
  recall: number;
  ndcg: number;
  hr: number;
}

/**
 * Full-ranking offline evaluation: each user's top-k among the candidates (all courses by
 * default), with their training items excluded by the strategy itself.
 */
export function evaluate(
  strategy: RecommendationStrategy,
  test: ReadonlyMap<string, ReadonlySet<string>>,
  opts: { users?: readonly string[]; k?: number; candidates?: readonly string[]; relevantFilter?: (courseId: string) => boolean } = {},
): EvalResult {
  const k = opts.k ?? 10;
  const users = (opts.users ?? [...test.keys()]).filter((u) => {
    const rel = test.get(u);
    return rel && [...rel].some((c) => !opts.relevantFilter || opts.relevantFilter(c));
  });
  const recall = new Float64Array(users.length);
  const ndcg = new Float64Array(users.length);
  const hr = new Float64Array(users.length);
  users.forEach((u, n) => {
    const all = test.get(u) as ReadonlySet<string>;
    const rel = opts.relevantFilter ? new Set([...all].filter(opts.relevantFilter)) : all;
    const ranked = strategy.recommend(u, { k, candidates: opts.candidates }).map((r) => r.courseId);
    recall[n] = recallAtK(ranked, rel, k);
    ndcg[n] = ndcgAtK(ranked, rel, k);
    hr[n] = hitRateAtK(ranked, rel, k);
  });
  return { users, recall, ndcg, hr };
}

export function summarize(r: EvalResult): EvalSummary {
  return { n: r.users.length, recall: mean(r.recall), ndcg: mean(r.ndcg), hr: mean(r.hr) };
}
