import { invertSpd } from '../linalg.js';
import type { InteractionIndex } from './interaction-index.js';

/**
 * EASE (Steck, 2019): a linear item-item model with a closed-form solution,
 * B = I − P·diag(1/diag(P)) with P = (XᵀX + λI)⁻¹, i.e. B[i][j] = −P[i][j]/P[j][j] and a zero
 * diagonal. It is the strongest simple collaborative model on small dense catalogues like
 * ours (hundreds of courses), and fits in seconds without a GPU.
 */
export class EaseModel {
  private constructor(
    readonly n: number,
    /** Row-major n×n weights; row j holds what history item j contributes to each item. */
    readonly weights: Float64Array,
  ) {}

  /** Fits from per-user binary histories. Cost O(Σ|h|² + n³). */
  static fit(index: InteractionIndex, lambda: number): EaseModel {
    const n = index.nItems;
    const g = new Float64Array(n * n);
    for (let u = 0; u < index.nUsers; u++) {
      const h = index.history(u);
      for (let a = 0; a < h.length; a++) {
        const row = h[a] * n;
        for (let b = 0; b < h.length; b++) g[row + h[b]] += 1;
      }
    }
    return EaseModel.fromGram(g, n, lambda);
  }

  /** Fits from a Gram matrix XᵀX (exposed for tests against an independent computation). */
  static fromGram(gram: Float64Array, n: number, lambda: number): EaseModel {
    const a = new Float64Array(gram);
    for (let i = 0; i < n; i++) a[i * n + i] += lambda;
    const p = invertSpd(a, n);
    const b = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) b[i * n + j] = i === j ? 0 : -p[i * n + j] / p[j * n + j];
    }
    return new EaseModel(n, b);
  }

  scoreInto(history: ArrayLike<number>, out: Float64Array, weight = 1): void {
    const n = this.n;
    for (let k = 0; k < history.length; k++) {
      const row = history[k] * n;
      for (let i = 0; i < n; i++) out[i] += weight * this.weights[row + i];
    }
  }

  /** Contribution of history item j to the score of item i (for explanations). */
  pair(j: number, i: number): number {
    return this.weights[j * this.n + i];
  }
}
