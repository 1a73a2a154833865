/**
 * Exact decimals (credits, hours) as the API shows them: "2", "1.5" — trailing zeros of the
 * database's numeric(…, 2) dropped. Arithmetic on them happens in SQL or on integers.
 */
export function trimDecimal(v: string | number): string {
  const s = typeof v === 'number' ? v.toFixed(2) : String(v);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
