import { describe, expect, it } from 'vitest';
import { invertSpd } from '../linalg.js';
import { EaseModel } from './ease.js';
import { InteractionIndex } from './interaction-index.js';

/** Independent Gauss-Jordan inverse on nested arrays (no shared code with linalg.ts). */
function gaussJordan(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(n));
}

describe('Cholesky inverse', () => {
  it('inverts a 3×3 SPD matrix like Gauss-Jordan does', () => {
    const m = [
      [4, 1, 2],
      [1, 3, 0],
      [2, 0, 5],
    ];
    const inv = invertSpd(Float64Array.from(m.flat()), 3);
    const ref = gaussJordan(m);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(inv[i * 3 + j]).toBeCloseTo(ref[i][j], 12);
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertSpd(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});

describe('EASE', () => {
  // Users × items: u0 {0,1}, u1 {0,1,2}, u2 {1,2}, u3 {2,3}
  const histories = [[0, 1], [0, 1, 2], [1, 2], [2, 3]];
  const snapshot = {
    servants: [],
    courses: [0, 1, 2, 3].map((i) => ({ id: `c${i}` })),
    interactions: histories.flatMap((h, u) => h.map((i, t) => ({ servantId: `u${u}`, courseId: `c${i}`, kind: 'COMPLETED' as const, at: t }))),
  };
  const lambda = 0.5;

  it('matches B = I − P·diag(1/diag(P)) computed independently', () => {
    const model = EaseModel.fit(new InteractionIndex(snapshot), lambda);
    const n = 4;
    const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const h of histories) for (const a of h) for (const b of h) g[a][b]++;
    const p = gaussJordan(g.map((row, i) => row.map((v, j) => v + (i === j ? lambda : 0))));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const expected = i === j ? 0 : -p[i][j] / p[j][j];
        expect(model.pair(i, j)).toBeCloseTo(expected, 10);
      }
    }
  });

  it('for two items reduces to the hand formula B01 = c / (n0 + λ)', () => {
    // G = [[3, 2], [2, 4]]: B01 = −P01/P11 = c/(a+λ) with a = 3, c = 2.
    const model = EaseModel.fromGram(Float64Array.from([3, 2, 2, 4]), 2, 1);
    expect(model.pair(0, 1)).toBeCloseTo(2 / 4, 12);
    expect(model.pair(1, 0)).toBeCloseTo(2 / 5, 12);
    expect(model.pair(0, 0)).toBe(0);
  });

  it('scores a co-occurring item above an unrelated one', () => {
    const model = EaseModel.fit(new InteractionIndex(snapshot), lambda);
    const out = new Float64Array(4);
    model.scoreInto([0], out);
    expect(out[1]).toBeGreaterThan(out[3]);
  });
});
