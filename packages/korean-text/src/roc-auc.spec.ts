import { describe, expect, it } from 'vitest';
import { rocAuc } from './roc-auc.js';

/** O(n²) definition: P(score_pos > score_neg) + ½ P(tie). */
function pairwiseAuc(scores: number[], labels: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!labels[i]) return;
    scores.forEach((t, j) => {
      if (labels[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for a constant score', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(rocAuc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
  });

  it('counts ties as half a win, matching the pairwise definition', () => {
    const scores = [0.5, 0.5, 0.3, 0.7, 0.5, 0.1, 0.7, 0.3];
    const labels = [true, false, true, true, false, false, false, true];
    expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
  });

  it('agrees with the pairwise definition on random data with many ties', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const scores = Array.from({ length: 300 }, () => Math.round(rand() * 20) / 20);
    const labels = scores.map((s) => rand() < 0.3 + s / 2);
    expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
  });

  it('is undefined (NaN) with only one class', () => {
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN();
  });
});
