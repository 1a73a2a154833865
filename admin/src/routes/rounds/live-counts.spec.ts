import { describe, expect, it } from 'vitest';
import { applyCountEvent, withLiveCounts } from './live-counts';

const base = { id: 'o1', registrantCount: 4, waitlistCount: 0, seatsLeft: 26, willOpen: false, status: 'SCHEDULED', capacity: 30 };

describe('live registrant counts', () => {
  it('lays the latest event for an offering over the loaded one and leaves the others alone', () => {
    let live = applyCountEvent(new Map(), [{ ...base, registrantCount: 5, seatsLeft: 25, willOpen: true }]);
    live = applyCountEvent(live, [{ ...base, id: 'o2', registrantCount: 1 }]);
    expect(withLiveCounts(base, live)).toEqual({ ...base, registrantCount: 5, seatsLeft: 25, willOpen: true });
    live = applyCountEvent(live, [{ ...base, registrantCount: 4, seatsLeft: 26, willOpen: false }]); // a cancellation
    expect(withLiveCounts(base, live).registrantCount).toBe(4);
    expect(withLiveCounts({ ...base, id: 'o3' }, live)).toEqual({ ...base, id: 'o3' });
  });

  it('keeps the same map for an empty event (no re-render)', () => {
    const live = new Map();
    expect(applyCountEvent(live, [])).toBe(live);
  });
});
