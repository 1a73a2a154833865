import { TextIndex, type TextIndexOptions } from './text-index.js';

/** Something with text to group; any extra fields are carried through untouched. */
export interface GroupableItem {
  text: string;
}

/** One group of similar items. */
export interface SimilarityGroup<T> {
  /** Members in input order. */
  members: T[];
  /** The member most similar to the rest of the group: a sensible title for the group. */
  representative: T;
  /** Mean pairwise similarity inside the group (1 for a singleton). */
  cohesion: number;
}

/** Tuning for {@link groupBySimilarity}. */
export interface GroupingOptions {
  /**
   * `average` (default): merge two groups while their mean pairwise similarity is at least the
   * threshold; resists chaining. `single`: connected components of pairs at or above the
   * threshold; groups loosely worded variants more eagerly but can chain unrelated requests
   * through one ambiguous request.
   */
  linkage?: 'average' | 'single';
  /** Neighbours looked at per item; bounds the work to O(n · neighbours) after the index is built. */
  neighbours?: number;
  /** An index fitted on a larger corpus (e.g. all past requests); by default one is fitted on the items. */
  index?: TextIndex;
  /** Options for the index fitted on the items when `index` is not given. */
  indexOptions?: TextIndexOptions;
}

/**
 * Groups items whose texts are similar, e.g. one round's training requests asking for the
 * same course in different words. Deterministic: the same items in the same order always
 * give the same groups, ties are broken by input position, and groups are returned largest
 * first (then by their first member's position).
 *
 * @example groupBySimilarity(requests, 0.35).filter((g) => g.members.length >= 3)
 */
export function groupBySimilarity<T extends GroupableItem>(
  items: readonly T[],
  threshold: number,
  options: GroupingOptions = {},
): SimilarityGroup<T>[] {
  const n = items.length;
  if (n === 0) return [];
  const external = options.index;
  const index = external ? null : TextIndex.fit(items.map((item, i) => ({ id: String(i), text: item.text })), options.indexOptions);
  const vectors = index ? items.map((_, i) => index.documentVector(i)) : items.map((item) => (external as TextIndex).vector(item.text));
  const neighbours = Math.max(1, options.neighbours ?? 50);
  const linkage = options.linkage ?? 'average';
  // Pairs below this floor count as 0 in average linkage: they cannot lift a group to the threshold.
  const floor = linkage === 'single' ? threshold : threshold / 2;

  const pairSims = new Map<number, Map<number, number>>();
  const setSim = (a: number, b: number, s: number): void => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let row = pairSims.get(lo);
    if (!row) pairSims.set(lo, (row = new Map()));
    row.set(hi, s);
  };
  for (let i = 0; i < n; i++) {
    // A caller's index does not contain these items, so its inverted index cannot serve here.
    const hits = !index
      ? bruteNeighbours(vectors, i, neighbours, floor)
      : index.topK(vectors[i], neighbours + 1, { excludeIndex: i }).map((h) => ({ index: h.index, score: h.score }));
    for (const hit of hits) if (hit.score >= floor) setSim(i, hit.index, hit.score);
  }

  const assignment = linkage === 'single' ? singleLink(n, pairSims, threshold) : averageLink(n, pairSims, threshold);
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = assignment[i];
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  }
  const sim = (a: number, b: number): number => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return pairSims.get(lo)?.get(hi) ?? dotOf(vectors[lo], vectors[hi]);
  };
  const groups = [...byGroup.values()].map((members) => {
    let best = members[0];
    let bestSum = -1;
    let total = 0;
    for (const a of members) {
      let s = 0;
      for (const b of members) if (a !== b) s += sim(a, b);
      total += s;
      if (s > bestSum) {
        bestSum = s;
        best = a;
      }
    }
    const pairs = members.length * (members.length - 1);
    return { indices: members, best, cohesion: pairs > 0 ? total / pairs : 1 };
  });
  groups.sort((x, y) => y.indices.length - x.indices.length || x.indices[0] - y.indices[0]);
  return groups.map((g) => ({ members: g.indices.map((i) => items[i]), representative: items[g.best], cohesion: g.cohesion }));
}

function dotOf(a: { ids: Uint32Array; weights: Float32Array }, b: { ids: Uint32Array; weights: Float32Array }): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) s += a.weights[i++] * b.weights[j++];
    else if (a.ids[i] < b.ids[j]) i++;
    else j++;
  }
  return s;
}

function bruteNeighbours(
  vectors: ReadonlyArray<{ ids: Uint32Array; weights: Float32Array }>,
  i: number,
  k: number,
  floor: number,
): Array<{ index: number; score: number }> {
  const hits: Array<{ index: number; score: number }> = [];
  for (let j = 0; j < vectors.length; j++) {
    if (j === i) continue;
    const score = dotOf(vectors[i], vectors[j]);
    if (score >= floor) hits.push({ index: j, score });
  }
  return hits.sort((x, y) => y.score - x.score || x.index - y.index).slice(0, k);
}

function singleLink(n: number, sims: Map<number, Map<number, number>>, threshold: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const [a, row] of sims) {
    for (const [b, s] of row) {
      if (s < threshold) continue;
      const ra = find(a);
      const rb = find(b);
      // The smaller index becomes the root so that group identity does not depend on edge order.
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}

/**
 * Agglomerative clustering with average linkage over the sparse neighbour graph. Each step
 * merges the pair of groups with the highest mean similarity (ties: lowest indices), so the
 * outcome does not depend on the order in which edges were found. Candidate pairs sit in a
 * heap and are invalidated by version stamps instead of being rescanned.
 */
function averageLink(n: number, sims: Map<number, Map<number, number>>, threshold: number): Int32Array {
  const size = new Int32Array(n).fill(1);
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  // links[g] maps neighbouring group → sum of item-pair similarities between the two groups.
  const links: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const heap = new CandidateHeap();
  for (const [a, row] of sims) {
    for (const [b, s] of row) {
      links[a].set(b, s);
      links[b].set(a, s);
      heap.push({ avg: s, a, b, va: 0, vb: 0 });
    }
  }
  const assignment = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  for (let top = heap.pop(); top && top.avg >= threshold; top = heap.pop()) {
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    // Merge b into a (a < b). Sums simply add, because average linkage averages over item pairs.
    for (const [c, s] of links[b]) {
      if (c === a) continue;
      links[a].set(c, (links[a].get(c) ?? 0) + s);
      const lc = links[c];
      lc.set(a, (lc.get(a) ?? 0) + s);
      lc.delete(b);
    }
    links[a].delete(b);
    links[b].clear();
    alive[b] = 0;
    size[a] += size[b];
    version[a]++;
    for (const m of members[b]) {
      assignment[m] = a;
      members[a].push(m);
    }
    members[b] = [];
    for (const [c, sum] of links[a]) {
      const [lo, hi] = a < c ? [a, c] : [c, a];
      heap.push({ avg: sum / (size[a] * size[c]), a: lo, b: hi, va: version[lo], vb: version[hi] });
    }
  }
  return assignment;
}

interface Candidate {
  avg: number;
  a: number;
  b: number;
  va: number;
  vb: number;
}

/** Max-heap on (avg desc, a asc, b asc). */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  private before(x: Candidate, y: Candidate): boolean {
    return x.avg > y.avg || (x.avg === y.avg && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(c: Candidate): void {
    const h = this.items;
    h.push(c);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): Candidate | undefined {
    const h = this.items;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop() as Candidate;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l], h[m])) m = l;
        if (r < h.length && this.before(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
