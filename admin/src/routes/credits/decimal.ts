/**
 * Exact decimals (the API's `Decimal` scalar, a string such as "-1234.50") in Korean number
 * format: digits grouped by thousands, the fraction kept as sent minus trailing zeros. Done on
 * the string, never through a binary float, so 0.1 + 0.2 never shows as 0.30000000000000004
 * and large balances keep every digit.
 */
export function formatDecimal(value: string | null | undefined): string {
  if (value == null) return '';
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m) return value;
  const [, sign, intRaw, fracRaw = ''] = m;
  const int = (intRaw.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = fracRaw.replace(/0+$/, '');
  const zero = /^0*$/.test(intRaw) && frac === '';
  return `${sign === '-' && !zero ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** Whether a typed amount is a decimal the API accepts (at most two decimals), e.g. "1.5" or "-2". */
export function isDecimalInput(text: string, allowNegative: boolean): boolean {
  return (allowNegative ? /^-?\d+(\.\d{1,2})?$/ : /^\d+(\.\d{1,2})?$/).test(text.trim());
}
