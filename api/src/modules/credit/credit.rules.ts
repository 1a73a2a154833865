/**
 * The credit bank's pure rules: completion of a lecture and exact decimal handling. No
 * database, no GraphQL — unit-tested in credit.rules.spec.ts. Money-like values (credits,
 * hours, progress, scores) are handled as integer hundredths (BigInt), never binary floats;
 * sums are done in SQL.
 */

/** Classroom and live lectures: completed from this share of the lecture's minutes. */
export const ATTENDANCE_PERCENT_REQUIRED = 80;
/** Recorded lectures: completed from this progress and this score. */
export const PROGRESS_REQUIRED = '90';
export const SCORE_REQUIRED = '60';

const DECIMAL_2 = /^(-)?(\d{1,9})(?:\.(\d{1,2}))?$/;

/** Parses a decimal with at most two decimals into hundredths; null when it is not one. */
export function toHundredths(value: string): bigint | null {
  const m = DECIMAL_2.exec(value.trim());
  if (!m) return null;
  const units = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -units : units;
}

/** Formats hundredths as a plain decimal string ("1.5", "-2", "0.25"). */
export function fromHundredths(h: bigint): string {
  const neg = h < 0n;
  const abs = neg ? -h : h;
  const frac = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${abs / 100n}${frac ? `.${frac}` : ''}`;
}

/** Minimum whole minutes for completion: ⌈lecture × 80 %⌉ (48 of 60, 72 of 90). Integer arithmetic. */
export function minutesRequired(lectureMinutes: number): number {
  return Math.ceil((lectureMinutes * ATTENDANCE_PERCENT_REQUIRED) / 100);
}

export type CompletionStatus = 'COMPLETED' | 'ATTENDED' | 'NO_SHOW';

/** Why a registration is (not) completed: a message key of credit.messages.ts and its parameters. */
export interface CompletionDecision {
  status: CompletionStatus;
  noteKey:
    | 'NOTE_ATTENDED_COMPLETED'
    | 'NOTE_ATTENDED_SHORT'
    | 'NOTE_NO_SHOW'
    | 'NOTE_ONLINE_COMPLETED'
    | 'NOTE_ONLINE_SHORT_PROGRESS'
    | 'NOTE_ONLINE_SHORT_SCORE'
    | 'NOTE_ONLINE_SHORT_BOTH'
    | 'NOTE_ONLINE_NOT_STARTED';
  params: Record<string, string | number>;
}

/** Classroom or live lecture: completed at ≥ 80 % of the lecture's minutes; 0 minutes is a no-show. */
export function decideAttendance(minutesAttended: number, lectureMinutes: number): CompletionDecision {
  const required = minutesRequired(lectureMinutes);
  const params = { minutes: minutesAttended, required, lecture: lectureMinutes, percent: ATTENDANCE_PERCENT_REQUIRED };
  if (minutesAttended <= 0) return { status: 'NO_SHOW', noteKey: 'NOTE_NO_SHOW', params };
  if (minutesAttended >= required) return { status: 'COMPLETED', noteKey: 'NOTE_ATTENDED_COMPLETED', params };
  return { status: 'ATTENDED', noteKey: 'NOTE_ATTENDED_SHORT', params };
}

/** Recorded lecture: completed at progress ≥ 90 and score ≥ 60; no progress at all is a no-show. */
export function decideOnline(progressPercent: string, score: string): CompletionDecision {
  const progress = toHundredths(progressPercent)!;
  const s = toHundredths(score)!;
  const params = { progress: fromHundredths(progress), score: fromHundredths(s), progressRequired: PROGRESS_REQUIRED, scoreRequired: SCORE_REQUIRED };
  if (progress <= 0n) return { status: 'NO_SHOW', noteKey: 'NOTE_ONLINE_NOT_STARTED', params };
  const shortProgress = progress < toHundredths(PROGRESS_REQUIRED)!;
  const shortScore = s < toHundredths(SCORE_REQUIRED)!;
  if (!shortProgress && !shortScore) return { status: 'COMPLETED', noteKey: 'NOTE_ONLINE_COMPLETED', params };
  const noteKey = shortProgress && shortScore ? 'NOTE_ONLINE_SHORT_BOTH' : shortProgress ? 'NOTE_ONLINE_SHORT_PROGRESS' : 'NOTE_ONLINE_SHORT_SCORE';
  return { status: 'ATTENDED', noteKey, params };
}

/** Whether a percentage or score is a decimal between 0 and 100 with at most two decimals. */
export function isPercent(value: string): boolean {
  const h = toHundredths(value);
  return h !== null && h >= 0n && h <= 10_000n;
}
