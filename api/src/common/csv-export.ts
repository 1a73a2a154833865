/**
 * CSV for Excel users in Korea: UTF-8 with a byte-order mark (so Excel does not read it as
 * CP949), CRLF line ends, RFC 4180 quoting. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) are prefixed with an apostrophe (CSV injection).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined): string => {
    let s = v === null || v === undefined ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
