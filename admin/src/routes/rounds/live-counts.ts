/** The live part of an offering, as both the list query and the count event return it. */
export interface OfferingCounts {
  id: string;
  registrantCount: number;
  waitlistCount: number;
  seatsLeft: number;
  willOpen: boolean;
  status: string;
}

export type LiveCounts = ReadonlyMap<string, OfferingCounts>;

/**
 * Folds one `enrollmentCountChanged` event into the counts received since the list was last
 * loaded. Events arrive in order on one socket, so the latest one for an offering wins.
 */
export function applyCountEvent(live: LiveCounts, offerings: readonly OfferingCounts[]): LiveCounts {
  if (offerings.length === 0) return live;
  const next = new Map(live);
  for (const o of offerings) next.set(o.id, { ...o });
  return next;
}

/** The offering as loaded, with the newer live counts laid over it. */
export function withLiveCounts<T extends OfferingCounts>(offering: T, live: LiveCounts): T {
  const l = live.get(offering.id);
  return l ? { ...offering, ...l } : offering;
}
