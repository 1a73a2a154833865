import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditValueFor, isValidCreditsPerHour } from './catalog.credits.js';

describe('creditValueFor', () => {
  it('derives exact credits from the length at the default of 1 credit per hour', () => {
    expect(creditValueFor(60, '1')).toBe('1.00');
    expect(creditValueFor(90, '1')).toBe('1.50');
    expect(creditValueFor(120, '1')).toBe('2.00');
    expect(creditValueFor(75, '1')).toBe('1.25');
  });

  it('multiplies by other settings without float drift, rounding half up to 0.01', () => {
    expect(creditValueFor(90, '1.5')).toBe('2.25');
    expect(creditValueFor(90, '0.1')).toBe('0.15');
    expect(creditValueFor(90, '1.25')).toBe('1.88'); // 1.875 → 1.88
    expect(creditValueFor(61, '1')).toBe('1.02'); // 1.01666… → 1.02
    expect(creditValueFor(70, '0.3')).toBe('0.35');
  });

  it('agrees with exact rational arithmetic for every length and two-decimal setting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 120 }), fc.integer({ min: 1, max: 1000 }), (minutes, cents) => {
        const cph = (cents / 100).toFixed(2);
        // Exact: minutes × cents / 60 hundredths of a credit, rounded half up.
        const num = minutes * cents;
        const hundredths = Math.floor((2 * num + 60) / 120);
        expect(creditValueFor(minutes, cph)).toBe(`${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`);
      }),
    );
  });
});

describe('isValidCreditsPerHour', () => {
  it('accepts positive values up to 10 with two decimals', () => {
    for (const v of ['1', '0.5', '1.25', '10', '10.00']) expect(isValidCreditsPerHour(v)).toBe(true);
    for (const v of ['0', '0.00', '10.01', '11', '1.255', '-1', 'abc', '']) expect(isValidCreditsPerHour(v)).toBe(false);
  });
});
