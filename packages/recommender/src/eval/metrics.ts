/**
 * Top-k ranking metrics with binary relevance, as used by the published CNPC results:
 * Recall@k = hits / |relevant|, NDCG@k with IDCG over min(|relevant|, k), HR@k = any hit.
 */

export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) hits++;
  return hits / relevant.size;
}

export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, r) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(r + 2);
  });
  let idcg = 0;
  for (let r = 0; r < Math.min(relevant.size, k); r++) idcg += 1 / Math.log2(r + 2);
  return dcg / idcg;
}

export function hitRateAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).some((id) => relevant.has(id)) ? 1 : 0;
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
}

/** Deterministic PRNG (mulberry32) so intervals are reproducible run to run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percentile bootstrap over users: 95 % interval of the mean of per-user values. */
export function bootstrapCI(values: ArrayLike<number>, rounds = 1000, seed = 7, level = 0.95): [number, number] {
  const n = values.length;
  if (n === 0) return [0, 0];
  const rnd = mulberry32(seed);
  const means = new Float64Array(rounds);
  for (let b = 0; b < rounds; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rnd() * n)];
    means[b] = s / n;
  }
  means.sort();
  const lo = means[Math.floor(((1 - level) / 2) * rounds)];
  const hi = means[Math.min(rounds - 1, Math.ceil((1 - (1 - level) / 2) * rounds) - 1)];
  return [lo, hi];
}

/** Paired bootstrap interval of mean(a)/mean(b) over the same users. */
export function bootstrapRatioCI(a: ArrayLike<number>, b: ArrayLike<number>, rounds = 1000, seed = 11): [number, number] {
  const n = a.length;
  const rnd = mulberry32(seed);
  const ratios = new Float64Array(rounds);
  for (let r = 0; r < rounds; r++) {
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rnd() * n);
      sa += a[j];
      sb += b[j];
    }
    ratios[r] = sb > 0 ? sa / sb : Infinity;
  }
  ratios.sort();
  return [ratios[Math.floor(0.025 * rounds)], ratios[Math.ceil(0.975 * rounds) - 1]];
}
