import { describe, expect, it } from 'vitest';
import { bootstrapCI, hitRateAtK, ndcgAtK, recallAtK } from './metrics.js';

describe('ranking metrics (hand-computed)', () => {
  const ranked = ['a', 'b', 'c', 'd'];

  it('Recall@k divides hits in the top k by the number of relevant items', () => {
    expect(recallAtK(ranked, new Set(['b', 'x']), 2)).toBe(0.5);
    expect(recallAtK(ranked, new Set(['d']), 3)).toBe(0);
    expect(recallAtK(ranked, new Set(['a', 'c', 'd']), 4)).toBe(1);
  });

  it('NDCG@k uses binary gains and an ideal DCG over min(|relevant|, k)', () => {
    // hits at ranks 2 and 3: DCG = 1/log2(3) + 1/log2(4) = 0.6309 + 0.5; IDCG (2 relevant) = 1 + 0.6309
    expect(ndcgAtK(ranked, new Set(['b', 'c']), 10)).toBeCloseTo((1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3)), 10);
    // 3 relevant but k = 1: IDCG = 1, hit at rank 1 → 1
    expect(ndcgAtK(ranked, new Set(['a', 'x', 'y']), 1)).toBe(1);
    // one relevant at rank 4: 1/log2(5)
    expect(ndcgAtK(ranked, new Set(['d']), 4)).toBeCloseTo(1 / Math.log2(5), 10);
  });

  it('HR@k is 1 when any relevant item is in the top k', () => {
    expect(hitRateAtK(ranked, new Set(['c']), 3)).toBe(1);
    expect(hitRateAtK(ranked, new Set(['c']), 2)).toBe(0);
  });

  it('bootstrap interval brackets the mean and is degenerate for constant data', () => {
    expect(bootstrapCI([0.5, 0.5, 0.5], 200)).toEqual([0.5, 0.5]);
    const xs = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const [lo, hi] = bootstrapCI(xs, 500);
    expect(lo).toBeLessThan(0.25);
    expect(hi).toBeGreaterThan(0.25);
    expect(hi - lo).toBeLessThan(0.2);
  });
});
