import { describe, expect, it } from 'vitest';
import { demandProgress } from './demand-progress';

describe('demand progress toward the minimum', () => {
  it('counts toward five by default and caps the bar at 100', () => {
    expect(demandProgress(2)).toEqual({ percent: 40, reached: false, remaining: 3 });
    expect(demandProgress(5)).toEqual({ percent: 100, reached: true, remaining: 0 });
    expect(demandProgress(12)).toEqual({ percent: 100, reached: true, remaining: 0 });
  });

  it('stays reached once the server says so, even when a request was withdrawn since', () => {
    expect(demandProgress(4, 5, '2026-11-02T00:00:00Z')).toMatchObject({ reached: true, remaining: 1 });
  });
});
