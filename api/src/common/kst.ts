/**
 * The business calendar is Asia/Seoul whatever the server's time zone: months of rounds,
 * registration windows and dates shown to people are computed here.
 */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function kstParts(d: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** `YYYY-MM` of an instant in Korea. */
export function kstMonth(d: Date): string {
  const p = kstParts(d);
  return `${p.year}-${p.month}`;
}

/** `YYYY-MM-DD HH:mm` (KST) for messages. */
export function kstDateTime(d: Date): string {
  const p = kstParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The instant a KST month starts, e.g. 2026-12 → 2026-11-30T15:00:00Z. */
export function kstMonthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+09:00`);
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of an instant in Korea. */
export function kstDate(d: Date): string {
  return dateFormat.format(d);
}

/** The calendar year of an instant in Korea. */
export function kstYear(d: Date): number {
  return Number(kstDate(d).slice(0, 4));
}
