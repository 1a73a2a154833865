import { catalogFieldLabels, catalogMessages } from '../modules/catalog/catalog.messages.js';
import { requestMessages } from '../modules/request/request.messages.js';
import { roundMessages } from '../modules/round/round.messages.js';
import { creditMessages } from '../modules/credit/credit.messages.js';
import { certificationMessages } from '../modules/certification/certification.messages.js';
import { reportingMessages } from '../modules/reporting/reporting.messages.js';

const coreMessages = {
  // authentication and authorisation
  UNAUTHENTICATED: { ko: '로그인이 필요합니다.', en: 'You must sign in.' },
  SESSION_INVALID: { ko: '세션이 만료되었거나 로그아웃되었습니다. 다시 로그인하세요.', en: 'Your session has expired or was revoked. Please sign in again.' },
  FORBIDDEN: { ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  NOT_FOUND_OR_FORBIDDEN: { ko: '대상을 찾을 수 없거나 볼 권한이 없습니다.', en: 'Not found, or you may not see it.' },
  INVALID_ID: { ko: '잘못된 ID입니다: {id}', en: 'Invalid id: {id}' },
  WRONG_ID_TYPE: { ko: '{expected} ID가 필요하지만 {actual} ID가 주어졌습니다.', en: 'Expected an id of a {expected} but got one of a {actual}.' },
  INVALID_CURSOR: { ko: '잘못된 페이지 커서입니다.', en: 'Invalid page cursor.' },
  FIRST_AND_LAST: { ko: 'first와 last는 함께 쓸 수 없습니다.', en: 'first and last cannot be used together.' },
  PAGE_SIZE_LIMIT: { ko: '{arg}는 0 이상 {max} 이하여야 합니다.', en: '{arg} must be between 0 and {max}.' },
  QUERY_TOO_COSTLY: { ko: '쿼리 비용 {actual}이(가) 한도 {max}를 넘습니다. first/last를 줄이거나 필드를 줄이세요.', en: 'Query cost {actual} exceeds the limit of {max}. Request fewer items or fields.' },
  INTERNAL: { ko: '내부 오류가 발생했습니다. 오류 ID: {errorId}', en: 'An internal error occurred. Error id: {errorId}' },
  // sessionCreate
  INVALID_CREDENTIALS: { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'Wrong e-mail or password.' },
  ACCOUNT_LOCKED: { ko: '로그인 실패가 반복되어 계정이 잠겼습니다. {minutes}분 후에 다시 시도하세요.', en: 'Too many failed sign-ins: the account is locked. Try again in {minutes} minutes.' },
  // servant mutations
  REQUIRED: { ko: '{field}은(는) 필수입니다.', en: '{field} is required.' },
  TOO_LONG: { ko: '{field}은(는) {max}자 이하여야 합니다.', en: '{field} must be at most {max} characters.' },
  EMPLOYEE_NUMBER_FORMAT: { ko: '사번은 영문 대문자와 숫자 3~20자여야 합니다.', en: 'An employee number is 3 to 20 upper-case letters and digits.' },
  EMPLOYEE_NUMBER_TAKEN: { ko: '사번 {employeeNumber}은(는) 이미 등록되어 있습니다.', en: 'Employee number {employeeNumber} is already registered.' },
  EMAIL_FORMAT: { ko: '이메일 형식이 올바르지 않습니다.', en: 'The e-mail address is not valid.' },
  GRADE_RANGE: { ko: '급수는 1부터 9 사이여야 합니다.', en: 'The grade must be between 1 and 9.' },
  DATE_FORMAT: { ko: '{field}은(는) YYYY-MM-DD 형식의 날짜여야 합니다.', en: '{field} must be a date in YYYY-MM-DD form.' },
  ORGANIZATION_NOT_FOUND: { ko: '기관을 찾을 수 없습니다: {code}', en: 'Organisation not found: {code}' },
  ORGANIZATION_NOT_TOP_LEVEL: { ko: '소속 기관은 경기도 또는 시·군이어야 합니다.', en: 'The organisation must be the province, a city or a county.' },
  DEPARTMENT_NOT_IN_ORGANIZATION: { ko: '부서 {department}은(는) {organization} 소속이 아닙니다.', en: 'Department {department} does not belong to {organization}.' },
  OUT_OF_SCOPE: { ko: '관리 범위 밖의 기관입니다: {organization}', en: 'That organisation is outside your scope: {organization}' },
  SERVANT_NOT_FOUND: { ko: '공무원을 찾을 수 없거나 관리 범위 밖입니다.', en: 'Servant not found or outside your scope.' },
  TAG_INVALID: { ko: '{field}의 각 항목은 1~30자여야 하며 최대 {max}개까지 입력할 수 있습니다.', en: 'Each {field} entry must be 1–30 characters, at most {max} entries.' },
  CONSENT_REQUIRED: { ko: '관심사와 취미를 저장하려면 개인정보 수집·이용에 동의해야 합니다.', en: 'Consent is required to store interests and hobbies.' },
  NOT_A_SERVANT: { ko: '공무원 계정만 자신의 프로필을 수정할 수 있습니다.', en: 'Only a servant account can edit its own profile.' },
  // servantImport
  SERVANT_OUT_OF_SCOPE: { ko: '사번 {employeeNumber}의 공무원은 관리 범위 밖의 기관 소속입니다.', en: 'The servant with employee number {employeeNumber} belongs to an organisation outside your scope.' },
  CSV_EMPTY: { ko: 'CSV에 데이터 행이 없습니다.', en: 'The CSV has no data rows.' },
  CSV_MALFORMED: { ko: 'CSV를 읽을 수 없습니다: {detail}', en: 'The CSV could not be read: {detail}' },
  CSV_MISSING_COLUMNS: { ko: '필수 열이 없습니다: {columns}', en: 'Required columns are missing: {columns}' },
  CSV_TOO_LARGE: { ko: 'CSV는 한 번에 {max}행까지 가져올 수 있습니다.', en: 'At most {max} rows can be imported at once.' },
  CSV_DUPLICATE_ROW: { ko: '사번 {employeeNumber}이(가) {line}행에도 있습니다.', en: 'Employee number {employeeNumber} also appears on line {line}.' },
  JOB_SERIES_INVALID: { ko: '직렬은 1~20자의 한글/영문이어야 합니다.', en: 'The job series must be 1–20 letters.' },
} as const satisfies Record<string, { ko: string; en: string }>;

/**
 * Every user-facing message of the API, Korean first with English: the core ones above and
 * each module's own set (kept next to the module, merged here).
 */
export const messages = { ...coreMessages, ...catalogMessages, ...requestMessages, ...roundMessages, ...creditMessages, ...certificationMessages, ...reportingMessages } as const;

/** Names of input fields as a user reads them, for messages that mention a field. */
export const fieldLabels: Record<string, { ko: string; en: string }> = {
  employeeNumber: { ko: '사번', en: 'employee number' },
  name: { ko: '성명', en: 'name' },
  email: { ko: '이메일', en: 'e-mail' },
  phone: { ko: '전화번호', en: 'phone' },
  jobSeries: { ko: '직렬', en: 'job series' },
  grade: { ko: '급수', en: 'grade' },
  position: { ko: '직위', en: 'position' },
  hireDate: { ko: '임용일', en: 'hire date' },
  interests: { ko: '관심사', en: 'interests' },
  hobbies: { ko: '취미', en: 'hobbies' },
  ...catalogFieldLabels,
};

export type MessageKey = keyof typeof messages;
export type Locale = 'ko' | 'en';

/** Renders a message in the locale, filling `{name}` placeholders. */
export function t(key: MessageKey, locale: Locale, params: Record<string, unknown> = {}): string {
  const template: string = messages[key][locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) return `{${name}}`;
    const value = String(params[name]);
    return name === 'field' && fieldLabels[value] ? fieldLabels[value][locale] : value;
  });
}

/** Picks Korean unless the client prefers English (`Accept-Language`, honouring q-values). */
export function localeFrom(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'ko';
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag, ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    const locale: Locale | null = tag.startsWith('ko') ? 'ko' : tag.startsWith('en') ? 'en' : null;
    if (locale && Number.isFinite(q) && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? 'ko';
}
