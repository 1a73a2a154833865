/**
 * Credit arithmetic in exact decimals (scaled BigInt), never binary floats: 90 minutes at
 * 1 credit per hour is exactly "1.50", and 0.1 + 0.2 never becomes 0.30000000000000004.
 */

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,6}))?$/;

/** Credits-per-hour values an administrator may set: above 0, at most 10, two decimals. */
export const CREDITS_PER_HOUR = { max: '10', pattern: /^\d{1,2}(\.\d{1,2})?$/ } as const;

function parse(value: string): { units: bigint; scale: number } {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a non-negative decimal: ${value}`);
  const frac = m[2] ?? '';
  return { units: BigInt(m[1] + frac), scale: frac.length };
}

/** Whether `value` is an acceptable credits-per-hour setting. */
export function isValidCreditsPerHour(value: string): boolean {
  if (!CREDITS_PER_HOUR.pattern.test(value)) return false;
  const v = parse(value);
  const max = parse(CREDITS_PER_HOUR.max);
  // Compare v.units / 10^v.scale with max.units / 10^max.scale without dividing.
  return v.units > 0n && v.units * 10n ** BigInt(max.scale) <= max.units * 10n ** BigInt(v.scale);
}

/**
 * Credit value of a lecture: `lengthMinutes / 60 × creditsPerHour`, rounded half-up to two
 * decimals (the `numeric(6,2)` column). Lengths of whole quarter-hours at a credits-per-hour
 * with at most two decimals are exact; only odd lengths such as 61 minutes are rounded.
 *
 * @example creditValueFor(90, '1') === '1.50'
 * @example creditValueFor(120, '1.5') === '3.00'
 */
export function creditValueFor(lengthMinutes: number, creditsPerHour: string): string {
  if (!Number.isInteger(lengthMinutes) || lengthMinutes < 0) throw new Error(`not a length in minutes: ${lengthMinutes}`);
  const cph = parse(String(creditsPerHour));
  // hundredths = minutes × cph × 100 / 60, with cph = units / 10^scale
  const numerator = BigInt(lengthMinutes) * cph.units * 100n;
  const denominator = 60n * 10n ** BigInt(cph.scale);
  const hundredths = (numerator * 2n + denominator) / (denominator * 2n);
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${whole}.${frac}`;
}
