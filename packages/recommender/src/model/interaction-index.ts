import type { CourseFeatures, Interaction, RecommenderSnapshot, ServantFeatures, TimeLike } from '../types.js';

export function toMs(t: TimeLike | string): number {
  return typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
}

/** Interaction kinds that mean "the servant took this course": history, excluded from answers. */
export const CONSUMED_KINDS = new Set(['COMPLETED', 'REGISTERED']);

/**
 * Integer-indexed view of a snapshot, shared by every model. Per-servant histories are kept in
 * CSR arrays (offsets + flat item/time arrays) because 1,000,000 interactions as JS objects in
 * per-user arrays would cost several hundred MB and slow every pass over them.
 */
export class InteractionIndex {
  readonly courseIds: string[];
  readonly courseIndex = new Map<string, number>();
  readonly courses: CourseFeatures[];
  readonly servantIds: string[];
  readonly servantIndex = new Map<string, number>();
  readonly servants: ServantFeatures[];
  /** CSR of consumed items per servant, ordered by time (first occurrence). */
  readonly userPtr: Int32Array;
  readonly userItems: Int32Array;
  readonly userTimes: Float64Array;
  /** Items with FEEDBACK_NOT_INTERESTED / FEEDBACK_INTERESTED / REQUESTED per servant (sparse). */
  readonly notInterested = new Map<number, Set<number>>();
  readonly interested = new Map<number, Set<number>>();
  readonly requested = new Map<number, Set<number>>();
  /** Number of distinct consumers per item. */
  readonly itemCounts: Int32Array;
  readonly now: number;

  constructor(snapshot: RecommenderSnapshot) {
    this.courses = snapshot.courses;
    this.courseIds = snapshot.courses.map((c) => c.id);
    this.courseIds.forEach((id, i) => this.courseIndex.set(id, i));
    this.servants = [...snapshot.servants];
    this.servantIds = this.servants.map((s) => s.id);
    this.servantIds.forEach((id, i) => this.servantIndex.set(id, i));
    // Servants that only appear in interactions still get a row (the benchmark files have no profiles).
    for (const it of snapshot.interactions) {
      if (!this.servantIndex.has(it.servantId)) {
        this.servantIndex.set(it.servantId, this.servantIds.length);
        this.servantIds.push(it.servantId);
        this.servants.push({ id: it.servantId });
      }
    }
    const nUsers = this.servantIds.length;
    const counts = new Int32Array(nUsers + 1);
    let maxT = -Infinity;
    const consumed: number[] = [];
    snapshot.interactions.forEach((it, k) => {
      const t = toMs(it.at);
      if (t > maxT) maxT = t;
      const item = this.courseIndex.get(it.courseId);
      if (item === undefined) return; // a course no longer in the catalogue carries no signal
      const u = this.servantIndex.get(it.servantId) as number;
      if (CONSUMED_KINDS.has(it.kind)) {
        consumed.push(k);
        counts[u + 1]++;
      } else {
        const map =
          it.kind === 'FEEDBACK_NOT_INTERESTED'
            ? this.notInterested
            : it.kind === 'FEEDBACK_INTERESTED'
              ? this.interested
              : this.requested;
        let set = map.get(u);
        if (!set) map.set(u, (set = new Set()));
        set.add(item);
      }
    });
    this.now = snapshot.now !== undefined ? toMs(snapshot.now) : Number.isFinite(maxT) ? maxT : Date.now();
    for (let u = 0; u < nUsers; u++) counts[u + 1] += counts[u];
    const items = new Int32Array(consumed.length);
    const times = new Float64Array(consumed.length);
    const order = new Int32Array(consumed.length);
    const fill = counts.slice(0, nUsers);
    for (const k of consumed) {
      const it = snapshot.interactions[k];
      const u = this.servantIndex.get(it.servantId) as number;
      order[fill[u]++] = k;
    }
    // Sort each user's slice by time (stable on input order), then drop repeated courses
    // (registered, then completed) keeping the first occurrence.
    const ptr = new Int32Array(nUsers + 1);
    let w = 0;
    for (let u = 0; u < nUsers; u++) {
      ptr[u] = w;
      const slice = Array.from(order.subarray(counts[u], counts[u + 1]));
      slice.sort((a, b) => toMs(snapshot.interactions[a].at) - toMs(snapshot.interactions[b].at) || a - b);
      const seen = new Set<number>();
      for (const k of slice) {
        const it = snapshot.interactions[k];
        const item = this.courseIndex.get(it.courseId) as number;
        if (seen.has(item)) continue;
        seen.add(item);
        items[w] = item;
        times[w++] = toMs(it.at);
      }
    }
    ptr[nUsers] = w;
    this.userPtr = ptr;
    this.userItems = items.slice(0, w);
    this.userTimes = times.slice(0, w);
    this.itemCounts = new Int32Array(this.courseIds.length);
    for (let k = 0; k < w; k++) this.itemCounts[this.userItems[k]]++;
  }

  get nItems(): number {
    return this.courseIds.length;
  }

  get nUsers(): number {
    return this.servantIds.length;
  }

  /** The servant's consumed items in time order (a view, do not mutate). */
  history(u: number): Int32Array {
    return this.userItems.subarray(this.userPtr[u], this.userPtr[u + 1]);
  }

  historyTimes(u: number): Float64Array {
    return this.userTimes.subarray(this.userPtr[u], this.userPtr[u + 1]);
  }

  /** Item → users inverted CSR, built on demand (item-kNN needs it, EASE does not). */
  itemUsers(): { ptr: Int32Array; users: Int32Array } {
    const n = this.nItems;
    const ptr = new Int32Array(n + 1);
    for (const i of this.userItems) ptr[i + 1]++;
    for (let i = 0; i < n; i++) ptr[i + 1] += ptr[i];
    const users = new Int32Array(this.userItems.length);
    const fill = ptr.slice(0, n);
    for (let u = 0; u < this.nUsers; u++) {
      for (let k = this.userPtr[u]; k < this.userPtr[u + 1]; k++) users[fill[this.userItems[k]]++] = u;
    }
    return { ptr, users };
  }
}
