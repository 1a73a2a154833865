import { CONSUMED_KINDS, InteractionIndex, toMs } from './model/interaction-index.js';
import type { Interaction, RecommendOptions, ServantFeatures } from './types.js';

/** What a strategy knows about one servant at answer time: fitted history plus fresh events. */
export interface UserState {
  /** Index in the fitted snapshot, or -1 for a servant unknown at fit time. */
  u: number;
  features: ServantFeatures;
  /** Consumed course indices in time order. */
  history: number[];
  historyTimes: number[];
  notInterested: Set<number>;
  interested: Set<number>;
  requested: Set<number>;
}

/**
 * Merges the fitted snapshot with a profile passed at request time (fresher than the snapshot)
 * and with interactions recorded since the fit.
 */
export function buildUserState(
  index: InteractionIndex,
  servant: string | ServantFeatures,
  recent: readonly Interaction[] | undefined,
): UserState {
  const id = typeof servant === 'string' ? servant : servant.id;
  const u = index.servantIndex.get(id) ?? -1;
  const fitted = u >= 0 ? index.servants[u] : { id };
  const features = typeof servant === 'string' ? fitted : { ...fitted, ...servant };
  const history = u >= 0 ? Array.from(index.history(u)) : [];
  const historyTimes = u >= 0 ? Array.from(index.historyTimes(u)) : [];
  const notInterested = new Set(index.notInterested.get(u) ?? []);
  const interested = new Set(index.interested.get(u) ?? []);
  const requested = new Set(index.requested.get(u) ?? []);
  if (recent?.length) {
    const seen = new Set(history);
    const extra: Array<[number, number]> = [];
    for (const it of recent) {
      if (it.servantId !== id) continue;
      const i = index.courseIndex.get(it.courseId);
      if (i === undefined) continue;
      if (CONSUMED_KINDS.has(it.kind)) {
        if (!seen.has(i)) {
          seen.add(i);
          extra.push([i, toMs(it.at)]);
        }
      } else if (it.kind === 'FEEDBACK_NOT_INTERESTED') {
        notInterested.add(i);
        interested.delete(i);
      } else if (it.kind === 'FEEDBACK_INTERESTED') {
        interested.add(i);
        notInterested.delete(i);
      } else requested.add(i);
    }
    extra.sort((a, b) => a[1] - b[1]);
    for (const [i, t] of extra) {
      history.push(i);
      historyTimes.push(t);
    }
  }
  return { u, features, history, historyTimes, notInterested, interested, requested };
}

/**
 * Which courses may be answered: the candidates (or the whole catalogue), minus explicit
 * exclusions, courses already taken and courses the servant marked NOT_INTERESTED.
 */
export function allowedMask(index: InteractionIndex, state: UserState, options: Pick<RecommendOptions, 'candidates' | 'exclude'>): Uint8Array {
  const n = index.nItems;
  const mask = new Uint8Array(n);
  if (options.candidates) {
    for (const id of options.candidates) {
      const i = index.courseIndex.get(id);
      if (i !== undefined) mask[i] = 1;
    }
  } else mask.fill(1);
  for (const id of options.exclude ?? []) {
    const i = index.courseIndex.get(id);
    if (i !== undefined) mask[i] = 0;
  }
  for (const i of state.history) mask[i] = 0;
  for (const i of state.notInterested) mask[i] = 0;
  return mask;
}

/** Indices of the k best allowed scores, best first (ties broken by index for determinism). */
export function topK(scores: Float64Array, mask: Uint8Array, k: number): number[] {
  if (k <= 0) return [];
  // A bounded insertion list beats a full sort: k is 10–100, the catalogue up to thousands.
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (!mask[i]) continue;
    const s = scores[i];
    if (idx.length === k && s <= val[k - 1]) continue;
    let p = idx.length === k ? k - 1 : idx.length;
    while (p > 0 && val[p - 1] < s) p--;
    idx.splice(p, 0, i);
    val.splice(p, 0, s);
    if (idx.length > k) {
      idx.pop();
      val.pop();
    }
  }
  return idx;
}
