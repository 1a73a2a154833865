import { invertSpd, matMul } from '../linalg.js';
import type { InteractionIndex } from './interaction-index.js';

export interface SequentialOptions {
  /** Recency decay of the history: item p positions before the last weighs decay^p. */
  decay: number;
  /** Ridge penalty of the dense model. */
  lambda: number;
  /** How many recent history items / future items one training cut looks at. */
  window: number;
  /** Above this many courses the dense solve is too slow; use sparse transitions instead. */
  maxDenseItems: number;
  /** Neighbours kept per item by the sparse fallback. */
  topN: number;
}

/**
 * "What servants took next": a directional item-item model learned from the order of
 * interactions. Co-occurrence models (EASE, kNN) ignore order, but course paths have one
 * (introductory before advanced, last quarter's offerings before this quarter's), and the
 * next courses follow most from the latest ones.
 *
 * Dense form (small catalogues): a closed-form ridge regression in the EASE family. Every
 * prefix of every history is a training row: x = recency-weighted prefix (+ intercept),
 * y = the courses taken after it; W = (XᵀX + λI)⁻¹XᵀY. Sparse form (large catalogues): top-N
 * forward-transition counts, row-normalised.
 */
export class SequentialModel {
  private constructor(
    readonly n: number,
    readonly decay: number,
    /** Dense: (n+1)×n weights, last row the intercept. */
    private readonly dense: Float64Array | undefined,
    private readonly ptr: Int32Array | undefined,
    private readonly nb: Int32Array | undefined,
    private readonly w: Float32Array | undefined,
  ) {}

  get isDense(): boolean {
    return this.dense !== undefined;
  }

  static fit(index: InteractionIndex, opts: SequentialOptions): SequentialModel {
    return index.nItems <= opts.maxDenseItems ? SequentialModel.fitDense(index, opts) : SequentialModel.fitSparse(index, opts);
  }

  private static fitDense(index: InteractionIndex, o: SequentialOptions): SequentialModel {
    const n = index.nItems;
    const d = n + 1;
    const g = new Float64Array(d * d);
    const xy = new Float64Array(d * n);
    const xi: number[] = [];
    const xv: number[] = [];
    for (let u = 0; u < index.nUsers; u++) {
      const h = index.history(u);
      for (let c = 1; c < h.length; c++) {
        xi.length = 0;
        xv.length = 0;
        for (let p = c - 1, age = 0; p >= 0 && age < o.window; p--, age++) {
          xi.push(h[p]);
          xv.push(Math.pow(o.decay, age));
        }
        xi.push(n);
        xv.push(1);
        for (let a = 0; a < xi.length; a++) {
          const ra = xi[a] * d;
          for (let b = 0; b < xi.length; b++) g[ra + xi[b]] += xv[a] * xv[b];
          const ry = xi[a] * n;
          for (let q = c; q < h.length && q - c < o.window; q++) xy[ry + h[q]] += xv[a];
        }
      }
    }
    for (let i = 0; i < d; i++) g[i * d + i] += o.lambda;
    const inv = invertSpd(g, d);
    return new SequentialModel(n, o.decay, matMul(inv, xy, d, d, n), undefined, undefined, undefined);
  }

  private static fitSparse(index: InteractionIndex, o: SequentialOptions): SequentialModel {
    const n = index.nItems;
    const { ptr: iptr, users } = index.itemUsers();
    const acc = new Float64Array(n);
    const touched = new Int32Array(n);
    const outPtr = new Int32Array(n + 1);
    const nb: number[] = [];
    const wt: number[] = [];
    for (let i = 0; i < n; i++) {
      let nt = 0;
      let total = 0;
      for (let p = iptr[i]; p < iptr[i + 1]; p++) {
        const h = index.history(users[p]);
        let pos = 0;
        while (h[pos] !== i) pos++;
        for (let q = pos + 1; q < h.length && q - pos <= o.window; q++) {
          const j = h[q];
          if (acc[j] === 0) touched[nt++] = j;
          acc[j] += 1;
          total += 1;
        }
      }
      const cand: Array<[number, number]> = [];
      for (let t = 0; t < nt; t++) {
        cand.push([touched[t], acc[touched[t]] / (total + 1)]);
        acc[touched[t]] = 0;
      }
      cand.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const keep = Math.min(o.topN, cand.length);
      for (let t = 0; t < keep; t++) {
        nb.push(cand[t][0]);
        wt.push(cand[t][1]);
      }
      outPtr[i + 1] = outPtr[i] + keep;
    }
    return new SequentialModel(n, o.decay, undefined, outPtr, Int32Array.from(nb), Float32Array.from(wt));
  }

  /** Recency weight of the history item at position p (0 = oldest) of a history of length len. */
  weightAt(p: number, len: number): number {
    return Math.pow(this.decay, len - 1 - p);
  }

  /** Adds the model's scores for a time-ordered history. Empty history adds nothing. */
  scoreInto(history: ArrayLike<number>, out: Float64Array, weight = 1): void {
    const len = history.length;
    if (len === 0) return;
    const n = this.n;
    for (let p = 0; p < len; p++) {
      const wp = weight * this.weightAt(p, len);
      if (wp < 1e-6) continue;
      const j = history[p];
      if (this.dense) {
        const row = j * n;
        for (let i = 0; i < n; i++) out[i] += wp * this.dense[row + i];
      } else {
        const ptr = this.ptr as Int32Array;
        const nb = this.nb as Int32Array;
        const w = this.w as Float32Array;
        for (let q = ptr[j]; q < ptr[j + 1]; q++) out[nb[q]] += wp * w[q];
      }
    }
    if (this.dense) {
      const row = n * n;
      for (let i = 0; i < n; i++) out[i] += weight * this.dense[row + i];
    }
  }

  /** Contribution of history item j (with its recency weight) to item i. */
  pair(j: number, i: number, recencyWeight: number): number {
    if (this.dense) return recencyWeight * this.dense[j * this.n + i];
    const ptr = this.ptr as Int32Array;
    for (let q = ptr[j]; q < ptr[j + 1]; q++) if ((this.nb as Int32Array)[q] === i) return recencyWeight * (this.w as Float32Array)[q];
    return 0;
  }
}
