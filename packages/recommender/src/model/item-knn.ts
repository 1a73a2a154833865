import type { InteractionIndex } from './interaction-index.js';

/**
 * Item-kNN on binary interactions with cosine similarity, keeping the top-N neighbours per
 * item. Memory and fit time grow with Σ|history|² rather than with the catalogue squared, which
 * is why it is the fallback when the catalogue is too large for EASE's dense inverse.
 */
export class ItemKnnModel {
  private constructor(
    readonly n: number,
    readonly ptr: Int32Array,
    readonly neighbours: Int32Array,
    readonly sims: Float32Array,
  ) {}

  static fit(index: InteractionIndex, topN: number, shrink = 0): ItemKnnModel {
    const n = index.nItems;
    const { ptr: iptr, users } = index.itemUsers();
    const counts = index.itemCounts;
    const acc = new Float64Array(n);
    const touched = new Int32Array(n);
    const outPtr = new Int32Array(n + 1);
    const nb: number[] = [];
    const sm: number[] = [];
    for (let i = 0; i < n; i++) {
      let nt = 0;
      for (let p = iptr[i]; p < iptr[i + 1]; p++) {
        const h = index.history(users[p]);
        for (let k = 0; k < h.length; k++) {
          const j = h[k];
          if (j === i) continue;
          if (acc[j] === 0) touched[nt++] = j;
          acc[j] += 1;
        }
      }
      const cand: Array<[number, number]> = [];
      for (let t = 0; t < nt; t++) {
        const j = touched[t];
        const sim = acc[j] / (Math.sqrt(counts[i] * counts[j]) + shrink);
        cand.push([j, sim]);
        acc[j] = 0;
      }
      cand.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const keep = Math.min(topN, cand.length);
      for (let t = 0; t < keep; t++) {
        nb.push(cand[t][0]);
        sm.push(cand[t][1]);
      }
      outPtr[i + 1] = outPtr[i] + keep;
    }
    return new ItemKnnModel(n, outPtr, Int32Array.from(nb), Float32Array.from(sm));
  }

  scoreInto(history: ArrayLike<number>, out: Float64Array, weight = 1): void {
    for (let k = 0; k < history.length; k++) {
      const j = history[k];
      for (let p = this.ptr[j]; p < this.ptr[j + 1]; p++) out[this.neighbours[p]] += weight * this.sims[p];
    }
  }

  pair(j: number, i: number): number {
    for (let p = this.ptr[j]; p < this.ptr[j + 1]; p++) if (this.neighbours[p] === i) return this.sims[p];
    return 0;
  }
}
