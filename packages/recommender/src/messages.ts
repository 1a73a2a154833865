import type { Reason, ReasonCode } from './types.js';

/**
 * Korean reason messages, kept in one place (CONVENTIONS: user-facing text per package in
 * one file). `{name}` placeholders are filled from the reason's params.
 */
export const REASON_MESSAGES_KO: Record<ReasonCode, string> = {
  MANDATORY_DUE: "필수 교육 '{rule}'의 이수 기한({dueDate}){statusText}",
  SIMILAR_TO_COMPLETED: "이수하신 '{course}' 과정과 관련된 과정입니다",
  MATCHES_INTEREST: "관심 분야 '{interest}' 관련 과정입니다",
  MATCHES_HOBBY: "취미 '{hobby}' 관련 과정입니다",
  MATCHES_JOB: '직렬·담당 업무({job}) 관련 과정입니다',
  POPULAR_IN_COHORT: '같은 {cohort} 동료들이 많이 수강한 과정입니다',
  CAREER_STAGE: '{stage} 단계의 공무원이 특히 많이 찾는 과정입니다',
  ANSWERS_YOUR_REQUEST: "요청하신 '{request}' 교육에 해당하는 과정입니다",
  POPULAR: '최근 많은 공무원이 수강한 과정입니다',
  NEW_COURSE: '새로 개설된 과정입니다',
};

/** Long texts (duties, request descriptions) are cut in the message; params keep them whole. */
function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Builds a reason with its Korean message. */
export function reason(code: ReasonCode, params: Record<string, string | number>): Reason {
  const message = REASON_MESSAGES_KO[code].replace(/\{(\w+)\}/g, (_, key: string) => (params[key] === undefined ? '' : shorten(String(params[key]))));
  return { code, message, params };
}

/** Formats a date as YYYY-MM-DD in Asia/Seoul (due dates are KST business dates). */
export function formatKstDate(t: Date | number | string): string {
  const ms = typeof t === 'string' ? Date.parse(t) : typeof t === 'number' ? t : t.getTime();
  if (Number.isNaN(ms)) return String(t);
  const kst = new Date(ms + 9 * 3600_000);
  return kst.toISOString().slice(0, 10);
}
