import { describe, expect, it } from 'vitest';
import { formatDecimal, isDecimalInput } from './decimal';

describe('formatDecimal', () => {
  it('groups thousands and keeps the exact fraction', () => {
    expect(formatDecimal('1234567.25')).toBe('1,234,567.25');
    expect(formatDecimal('12345678901234567890.1')).toBe('12,345,678,901,234,567,890.1');
    expect(formatDecimal('0.30')).toBe('0.3');
    expect(formatDecimal('1.50')).toBe('1.5');
    expect(formatDecimal('42')).toBe('42');
  });
  it('shows signs, and never a negative zero', () => {
    expect(formatDecimal('-1500.5')).toBe('-1,500.5');
    expect(formatDecimal('-0.00')).toBe('0');
    expect(formatDecimal('007.10')).toBe('7.1');
  });
  it('leaves text that is not a decimal as it is', () => {
    expect(formatDecimal('abc')).toBe('abc');
    expect(formatDecimal(null)).toBe('');
  });
});

describe('isDecimalInput', () => {
  it('accepts up to two decimals, negative only when allowed', () => {
    expect(isDecimalInput('1.5', false)).toBe(true);
    expect(isDecimalInput('-1.5', false)).toBe(false);
    expect(isDecimalInput('-1.5', true)).toBe(true);
    expect(isDecimalInput('1.555', true)).toBe(false);
    expect(isDecimalInput('', true)).toBe(false);
  });
});
