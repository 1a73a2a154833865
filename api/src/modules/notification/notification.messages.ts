/** Texts of notifications (title and body per kind), Korean first. Parameters in `{name}`. */
export const notificationTexts = {
  REQUEST_GROUPED: {
    ko: { title: '요청이 수요로 묶였습니다', body: '"{requestTitle}" 요청이 "{demandLabel}" 수요에 포함되었습니다. 현재 요청자 {requesterCount}명.' },
    en: { title: 'Your request joined a demand', body: 'Your request "{requestTitle}" is now part of the demand "{demandLabel}" ({requesterCount} requesters).' },
  },
  DEMAND_PLANNED: {
    ko: { title: '요청하신 교육이 개설 예정입니다', body: '"{demandLabel}" 수요에 따라 "{courseTitle}" 과정이 만들어졌습니다.' },
    en: { title: 'A course is planned for your request', body: 'The course "{courseTitle}" was created for the demand "{demandLabel}".' },
  },
  DEMAND_DECLINED: {
    ko: { title: '요청하신 교육이 반려되었습니다', body: '"{demandLabel}" 수요가 반려되었습니다. 사유: {reason}' },
    en: { title: 'Your training request was declined', body: 'The demand "{demandLabel}" was declined. Reason: {reason}' },
  },
  ENROLLMENT_CONFIRMED: {
    ko: { title: '수강이 확정되었습니다', body: '"{courseTitle}" ({startsAt}) 과정이 개설 확정되었습니다.' },
    en: { title: 'Your registration is confirmed', body: 'The course "{courseTitle}" ({startsAt}) will take place.' },
  },
  COURSE_DISCONTINUED: {
    ko: { title: '과정이 폐강되었습니다', body: '"{courseTitle}" ({startsAt}) 과정은 신청자가 {registrantCount}명으로 최소 인원 {minimum}명에 미달하여 폐강되었습니다.' },
    en: { title: 'A course was discontinued', body: 'The course "{courseTitle}" ({startsAt}) had {registrantCount} registrants, fewer than the minimum of {minimum}, and is discontinued.' },
  },
  WAITLIST_PROMOTED: {
    ko: { title: '대기에서 수강 신청으로 전환되었습니다', body: '자리가 나서 "{courseTitle}" ({startsAt}) 과정에 신청되었습니다.' },
    en: { title: 'You moved up from the waiting list', body: 'A seat became free: you are now registered for "{courseTitle}" ({startsAt}).' },
  },
  CERTIFICATION_AWARDED: {
    ko: { title: '인증을 취득했습니다', body: '"{programName}" 인증을 취득했습니다. 유효기간: {expiresOn}. 확인 코드: {verificationCode}' },
    en: { title: 'You earned a certification', body: 'You earned the "{programName}" certification. Valid until: {expiresOn}. Verification code: {verificationCode}' },
  },
  CERTIFICATION_REVOKED: {
    ko: { title: '인증이 취소되었습니다', body: '"{programName}" 인증(확인 코드 {verificationCode})이 취소되었습니다. 사유: {reason} 요건을 다시 채우면 새로 인증됩니다.' },
    en: { title: 'A certification was revoked', body: 'Your "{programName}" certification (verification code {verificationCode}) was revoked. Reason: {reason} Meet the requirements again to be certified anew.' },
  },
} as const;

export type NotificationTextKind = keyof typeof notificationTexts;

/** Renders a notification in a language. Unknown parameters stay visible as `{name}`. */
export function renderNotification(kind: NotificationTextKind, locale: 'ko' | 'en', params: Record<string, unknown>): { title: string; body: string } {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, n: string) => (n in params ? String(params[n]) : `{${n}}`));
  const t = notificationTexts[kind][locale];
  return { title: fill(t.title), body: fill(t.body) };
}
