/**
 * User-facing messages of the request and demand module (merged into i18n/messages.ts). Keys
 * carry a `REQUEST_` prefix: the module sets are merged into one object, and a shared key
 * would silently replace another module's text.
 */
export const requestMessages = {
  REQUEST_NOT_A_SERVANT: { ko: '공무원 계정만 교육을 요청하거나 지지할 수 있습니다.', en: 'Only a servant account can request or back training.' },
  REQUEST_TITLE_LENGTH: { ko: '요청 제목은 {min}~{max}자여야 합니다.', en: 'The request title must be {min}–{max} characters long.' },
  REQUEST_DESCRIPTION_LENGTH: { ko: '요청 내용은 {max}자 이하여야 합니다.', en: 'The request description must be at most {max} characters.' },
  REQUEST_LABEL_LENGTH: { ko: '수요 이름은 {min}~{max}자여야 합니다.', en: 'The demand label must be {min}–{max} characters long.' },
  REQUEST_REASON_LENGTH: { ko: '반려 사유는 {min}~{max}자여야 합니다.', en: 'The reason must be {min}–{max} characters long.' },
  REQUEST_MONTH_FORMAT: { ko: '희망 월은 YYYY-MM 형식이어야 합니다(예: 2027-03).', en: 'The preferred month must be in YYYY-MM form (e.g. 2027-03).' },
  REQUEST_MONTH_PAST: { ko: '희망 월 {month}은(는) 이미 지났습니다. 이번 달({current}) 이후를 선택하세요.', en: 'The preferred month {month} has passed. Choose {current} or later.' },
  REQUEST_CATEGORY_NOT_FOUND: { ko: '분류를 찾을 수 없습니다.', en: 'Category not found.' },
  REQUEST_NOT_FOUND: { ko: '교육 요청을 찾을 수 없거나 본인의 요청이 아닙니다.', en: 'Training request not found, or it is not yours.' },
  REQUEST_NOT_OPEN: { ko: '이미 철회된 요청입니다.', en: 'This request has already been withdrawn.' },
  REQUEST_DEMAND_NOT_FOUND: { ko: '수요를 찾을 수 없습니다.', en: 'Demand not found.' },
  REQUEST_DEMAND_PLANNED: { ko: '"{label}" 수요는 이미 과정 개설이 예정되어 이 작업을 할 수 없습니다.', en: 'A course is already planned for the demand "{label}"; this is not possible.' },
  REQUEST_DEMAND_DECLINED: { ko: '"{label}" 수요는 반려되어 이 작업을 할 수 없습니다.', en: 'The demand "{label}" was declined; this is not possible.' },
  REQUEST_DEMAND_MERGED: { ko: '"{label}" 수요는 다른 수요에 병합되었습니다.', en: 'The demand "{label}" was merged into another demand.' },
  REQUEST_ALREADY_SUPPORTED: { ko: '이미 "{label}" 수요를 지지했습니다.', en: 'You already back the demand "{label}".' },
  REQUEST_ALREADY_REQUESTED: { ko: '이미 "{label}" 수요에 본인의 요청이 있습니다.', en: 'Your own request is already part of the demand "{label}".' },
  REQUEST_MERGE_SOURCES_REQUIRED: { ko: '병합할 수요를 하나 이상 선택하세요(최대 {max}개).', en: 'Choose at least one demand to merge (at most {max}).' },
  REQUEST_MERGE_SELF: { ko: '수요를 자기 자신에 병합할 수 없습니다.', en: 'A demand cannot be merged into itself.' },
  REQUEST_SPLIT_REQUESTS_REQUIRED: { ko: '옮길 요청을 하나 이상 선택하세요(최대 {max}개).', en: 'Choose at least one request to move (at most {max}).' },
  REQUEST_SPLIT_NOT_IN_DEMAND: { ko: '선택한 요청 중 이 수요의 진행 중인 요청이 아닌 것이 있습니다.', en: 'Some of the chosen requests are not open requests of this demand.' },
  REQUEST_SPLIT_NOTHING_LEFT: { ko: '모든 요청을 옮길 수는 없습니다. 하나 이상은 남겨 두어야 합니다.', en: 'Not every request can be moved out; at least one must stay.' },
  REQUEST_SYNONYM_TERMS: {
    ko: '동의어 묶음은 서로 다른 용어 {min}~{max}개로, 각 용어는 1~{maxLength}자여야 합니다.',
    en: 'A synonym group needs {min}–{max} different terms of 1–{maxLength} characters each.',
  },
  REQUEST_SYNONYM_NOT_FOUND: { ko: '동의어 묶음을 찾을 수 없습니다.', en: 'Synonym group not found.' },
  REQUEST_COURSE_CATEGORY_REQUIRED: { ko: '수요에 분류가 없으므로 과정의 분류를 지정하세요.', en: 'The demand has no category: choose one for the course.' },
} as const satisfies Record<string, { ko: string; en: string }>;
