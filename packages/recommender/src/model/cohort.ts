import type { ServantFeatures } from '../types.js';
import type { InteractionIndex } from './interaction-index.js';

/** One way of grouping servants, e.g. department × job series × grade band. */
export interface CohortLevel {
  /** Stable name used in params, e.g. 'department×jobSeries×gradeBand'. */
  name: string;
  /** The group key, or undefined when the servant lacks a feature of this level. */
  key(servant: ServantFeatures): string | undefined;
  /** Korean label of the servant's group for messages, e.g. '정보통신과 · 전산 · 6-7급'. */
  label(servant: ServantFeatures): string;
}

/** A servant's resolved group at one level. */
export interface ResolvedCohort {
  level: string;
  label: string;
  /** Number of servants in the group (profiles in the snapshot). */
  size: number;
  items: Int32Array;
  /** Decayed counts normalised so the group's top item is 1. */
  scores: Float32Array;
  /** Decayed share of each category in the group's activity, normalised to max 1. */
  categories: Float32Array;
  /** Decayed share (sums to 1) for lift computations. */
  shares: Float32Array;
}

interface Group {
  size: number;
  acc: Map<number, number>;
  resolved?: ResolvedCohort;
}

/** 2^(−age / halfLife): last month's registrations count more than last year's. */
export function decayWeight(now: number, at: number, halfLifeMs: number): number {
  if (!(halfLifeMs > 0) || !Number.isFinite(halfLifeMs)) return 1;
  const age = Math.max(0, now - at);
  return Math.pow(0.5, age / halfLifeMs);
}

/**
 * Recency-decayed popularity per servant group, at several levels from specific to coarse.
 * A servant is answered from the most specific level whose group has at least `minSize`
 * people; smaller groups are never used, not even silently in the score, because with two
 * colleagues a recommendation would reveal what one of them took.
 */
export class CohortModel {
  private readonly groups: Array<Map<string, Group>>;

  private constructor(
    private readonly levels: readonly CohortLevel[],
    private readonly minSize: number,
    private readonly nCategories: number,
    private readonly itemCategory: Int32Array,
    groups: Array<Map<string, Group>>,
  ) {
    this.groups = groups;
  }

  static fit(
    index: InteractionIndex,
    levels: readonly CohortLevel[],
    opts: { halfLifeMs: number; minSize: number; itemCategory: Int32Array; nCategories: number },
  ): CohortModel {
    const groups = levels.map(() => new Map<string, Group>());
    for (let u = 0; u < index.nUsers; u++) {
      const s = index.servants[u];
      levels.forEach((level, li) => {
        const key = level.key(s);
        if (key === undefined) return;
        let g = groups[li].get(key);
        if (!g) groups[li].set(key, (g = { size: 0, acc: new Map() }));
        g.size++;
        const h = index.history(u);
        const t = index.historyTimes(u);
        for (let k = 0; k < h.length; k++) {
          g.acc.set(h[k], (g.acc.get(h[k]) ?? 0) + decayWeight(index.now, t[k], opts.halfLifeMs));
        }
      });
    }
    return new CohortModel(levels, opts.minSize, opts.nCategories, opts.itemCategory, groups);
  }

  /** The most specific group of at least minSize people, or undefined. */
  resolve(servant: ServantFeatures): ResolvedCohort | undefined {
    for (let li = 0; li < this.levels.length; li++) {
      const key = this.levels[li].key(servant);
      if (key === undefined) continue;
      const g = this.groups[li].get(key);
      if (!g || g.size < this.minSize) continue;
      if (!g.resolved) {
        if (g.acc.size === 0) continue;
        g.resolved = this.compact(g, li, servant);
      }
      // The label is per servant (it names their own department), the numbers are shared.
      return { ...g.resolved, label: this.levels[li].label(servant) };
    }
    return undefined;
  }

  private compact(g: Group, li: number, servant: ServantFeatures): ResolvedCohort {
    const items = Int32Array.from(g.acc.keys());
    const raw = Float64Array.from(g.acc.values());
    let max = 0;
    let sum = 0;
    for (const v of raw) {
      max = Math.max(max, v);
      sum += v;
    }
    const cats = new Float32Array(this.nCategories);
    items.forEach((it, k) => {
      const c = this.itemCategory[it];
      if (c >= 0) cats[c] += raw[k];
    });
    let cmax = 0;
    for (const v of cats) cmax = Math.max(cmax, v);
    if (cmax > 0) for (let c = 0; c < cats.length; c++) cats[c] /= cmax;
    // The per-group accumulator is no longer needed once compacted.
    g.acc.clear();
    return {
      level: this.levels[li].name,
      label: this.levels[li].label(servant),
      size: g.size,
      items,
      scores: Float32Array.from(raw, (v) => v / max),
      shares: Float32Array.from(raw, (v) => v / sum),
      categories: cats,
    };
  }
}

/** Global popularity: plain distinct-user counts and a recency-decayed variant. */
export class PopularityModel {
  private constructor(
    readonly counts: Float64Array,
    readonly decayed: Float64Array,
  ) {}

  static fit(index: InteractionIndex, halfLifeMs: number): PopularityModel {
    const counts = new Float64Array(index.nItems);
    const decayed = new Float64Array(index.nItems);
    for (let k = 0; k < index.userItems.length; k++) {
      const i = index.userItems[k];
      counts[i] += 1;
      decayed[i] += decayWeight(index.now, index.userTimes[k], halfLifeMs);
    }
    return new PopularityModel(counts, decayed);
  }
}
