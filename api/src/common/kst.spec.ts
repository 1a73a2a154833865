import { describe, expect, it } from 'vitest';
import { kstDateTime, kstMonth, kstMonthStart } from './kst.js';

describe('Asia/Seoul business calendar', () => {
  it('puts an instant in its Korean month, not the server\'s', () => {
    // 2026-11-30T15:30Z is 2026-12-01 00:30 in Seoul.
    expect(kstMonth(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12');
    expect(kstMonth(new Date('2026-11-30T14:59:00Z'))).toBe('2026-11');
    expect(kstDateTime(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12-01 00:30');
    expect(kstMonthStart('2026-12').toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });
});
