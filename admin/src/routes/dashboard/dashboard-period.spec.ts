import { describe, expect, it } from 'vitest';
import { daysUntil, dashboardPeriod, registrationTotals } from './dashboard-period';

describe('dashboard periods (Korea time)', () => {
  it('takes the month and year of Korea, not of the browser', () => {
    // 2026-11-30T16:00Z is already 1 December in Korea.
    expect(dashboardPeriod(new Date('2026-11-30T16:00:00Z'))).toEqual({ month: '2026-12', year: 2026, from: '2026-12-01', to: '2026-12-31' });
    expect(dashboardPeriod(new Date('2028-02-10T00:00:00Z'))).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('counts days left on the Korean calendar', () => {
    const now = new Date('2026-12-01T14:00:00Z'); // 23:00 KST on 1 December
    expect(daysUntil(now, new Date('2026-12-01T14:30:00Z'))).toBe(0);
    expect(daysUntil(now, new Date('2026-12-01T15:30:00Z'))).toBe(1); // 00:30 KST on the 2nd
    expect(daysUntil(now, new Date('2026-12-20T09:00:00Z'))).toBe(19);
    expect(daysUntil(now, new Date('2026-12-01T13:00:00Z'))).toBeNull();
  });

  it('adds up registrations and seats', () => {
    expect(registrationTotals([{ registrantCount: 3, capacity: 20 }, { registrantCount: 7, capacity: 10 }])).toEqual({ registrants: 10, capacity: 30 });
    expect(registrationTotals([])).toEqual({ registrants: 0, capacity: 0 });
  });
});
