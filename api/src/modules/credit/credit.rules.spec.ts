import { describe, expect, it } from 'vitest';
import { decideAttendance, decideOnline, fromHundredths, isPercent, minutesRequired, toHundredths } from './credit.rules.js';

describe('completion rules', () => {
  it('classroom: ⌈80 %⌉ of the lecture completes; 0 minutes is a no-show', () => {
    expect(minutesRequired(60)).toBe(48);
    expect(minutesRequired(90)).toBe(72);
    expect(minutesRequired(61)).toBe(49); // 48.8 → 49: never below 80 %
    expect(decideAttendance(48, 60).status).toBe('COMPLETED');
    expect(decideAttendance(47, 60).status).toBe('ATTENDED');
    expect(decideAttendance(0, 60).status).toBe('NO_SHOW');
  });

  it('online: progress ≥ 90 and score ≥ 60, compared exactly', () => {
    expect(decideOnline('90', '60').status).toBe('COMPLETED');
    expect(decideOnline('89.99', '100')).toMatchObject({ status: 'ATTENDED', noteKey: 'NOTE_ONLINE_SHORT_PROGRESS' });
    expect(decideOnline('100', '59.99')).toMatchObject({ status: 'ATTENDED', noteKey: 'NOTE_ONLINE_SHORT_SCORE' });
    expect(decideOnline('10', '10').noteKey).toBe('NOTE_ONLINE_SHORT_BOTH');
    expect(decideOnline('0', '100').status).toBe('NO_SHOW');
  });

  it('decimals travel as integer hundredths', () => {
    expect(toHundredths('1.5')).toBe(150n);
    expect(toHundredths('-0.05')).toBe(-5n);
    expect(toHundredths('0.001')).toBeNull();
    expect(toHundredths('1e3')).toBeNull();
    expect(fromHundredths(150n)).toBe('1.5');
    expect(fromHundredths(-200n)).toBe('-2');
    expect(isPercent('100')).toBe(true);
    expect(isPercent('100.01')).toBe(false);
  });
});
