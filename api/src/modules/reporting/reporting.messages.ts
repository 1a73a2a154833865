/** User-facing messages of the reporting module (merged into i18n/messages.ts). */
export const reportingMessages = {
  REPORT_MONTH_FORMAT: { ko: '월은 YYYY-MM 형식이어야 합니다.', en: 'The month must be in YYYY-MM form.' },
  REPORT_YEAR_RANGE: { ko: '연도는 2000년부터 2100년 사이여야 합니다.', en: 'The year must be between 2000 and 2100.' },
  REPORT_PERIOD_ORDER: { ko: '기간의 끝은 시작보다 같거나 뒤여야 합니다.', en: 'The end of the period must not be before its start.' },
  REPORT_PERIOD_TOO_LONG: { ko: '기간은 최대 {max}일까지 조회할 수 있습니다.', en: 'The period can span at most {max} days.' },
  REPORT_ROUND_NOT_FOUND: { ko: '차수를 찾을 수 없습니다.', en: 'Round not found.' },
  ACCESS_LOG_REASON_REQUIRED: { ko: '내려받는 사유를 입력해야 합니다.', en: 'A reason for the export is required.' },
  ACCESS_LOG_REASON_TOO_LONG: { ko: '사유는 {max}자 이하여야 합니다.', en: 'The reason must be at most {max} characters.' },
  ACCESS_LOG_EXPORT_TOO_LARGE: { ko: '한 번에 {max}건까지 내려받을 수 있습니다. 조건을 좁혀 주세요.', en: 'At most {max} entries can be exported at once. Narrow the filter.' },
  ACCESS_LOG_PERIOD_ORDER: { ko: '조회 기간의 끝은 시작보다 뒤여야 합니다.', en: 'The end of the period must be after its start.' },
} as const satisfies Record<string, { ko: string; en: string }>;

/** Korean CSV headers of each report (the files are for Excel users at the institute). */
export const reportingCsvHeaders = {
  demandFunnel: ['월', '교육 요청', '수요', '계획된 과정', '개설 과정', '확정 과정', '폐강 과정', '신청 중 과정'],
  roundOutcome: ['차수', '과정', '시작', '상태', '정원', '신청 인원(전체)', '신청 인원(관할)', '충원율(%)'],
  participation: ['연도', '기관', '기관 코드', '공무원 수', '이수자 수', '참여율(%)'],
  credits: ['시작일', '종료일', '기관', '분야', '학점', '취득자 수'],
  overdue: ['연도', '기관', '기관 코드', '공무원 수', '미이수자 수', '미이수 의무교육 건수'],
  accessLog: ['일시', '조회자', '조회자 이메일', '조회자 역할', 'IP', '대상 사번', '대상 성명', '행위', '요청', '사유'],
} as const;
