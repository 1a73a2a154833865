/**
 * Requesters a demand needs before the institute plans a course for it. The API keeps this as
 * the `demandMinimumRequesters` setting but does not expose it (platformSettings only carries
 * creditsPerHour), so the board uses the documented default; the server's `thresholdReachedAt`
 * still says when a demand really reached it.
 */
export const DEMAND_MINIMUM_REQUESTERS = 5;

export interface DemandProgress {
  /** 0–100, for the progress bar. */
  percent: number;
  reached: boolean;
  /** Requesters still missing (0 once reached). */
  remaining: number;
}

/** How far a demand is toward the minimum; `reachedAt` (from the server) wins over the count. */
export function demandProgress(requesterCount: number, minimum = DEMAND_MINIMUM_REQUESTERS, reachedAt?: string | null): DemandProgress {
  const min = Math.max(1, minimum);
  const reached = requesterCount >= min || Boolean(reachedAt);
  return { percent: Math.min(100, Math.round((requesterCount / min) * 100)), reached, remaining: Math.max(0, min - requesterCount) };
}
