/**
 * User-facing messages of the catalogue module (merged into i18n/messages.ts). Keys carry a
 * `CATALOG_` prefix because the module sets are merged into one object: a key shared with
 * another module would silently replace that module's text.
 */
export const catalogMessages = {
  CATALOG_TEXT_LENGTH: { ko: '{field}은(는) {min}~{max}자여야 합니다.', en: '{field} must be {min}–{max} characters long.' },
  CATALOG_LENGTH_RANGE: { ko: '강의 시간은 {min}분 이상 {max}분 이하의 정수여야 합니다.', en: 'The lecture length must be a whole number of minutes between {min} and {max}.' },
  CATALOG_TAGS_INVALID: {
    ko: '태그는 최대 {max}개까지, 각각 1~{maxLength}자로 입력하세요.',
    en: 'Use at most {max} tags of 1–{maxLength} characters each.',
  },
  CATALOG_COURSE_CODE_FORMAT: {
    ko: '과정 코드는 영문 대문자로 시작하는 영문 대문자·숫자·하이픈 2~20자여야 합니다.',
    en: 'A course code is 2–20 upper-case letters, digits and hyphens, starting with a letter.',
  },
  CATALOG_COURSE_CODE_TAKEN: { ko: '과정 코드 {code}은(는) 이미 사용 중입니다.', en: 'Course code {code} is already in use.' },
  CATALOG_DUPLICATE_TITLE: {
    ko: '같은 제목의 과정이 이미 있습니다: {code} {title}',
    en: 'A course with the same title already exists: {code} {title}',
  },
  CATALOG_CATEGORY_NOT_FOUND: { ko: '분류를 찾을 수 없습니다.', en: 'Category not found.' },
  CATALOG_COURSE_NOT_FOUND: { ko: '과정을 찾을 수 없습니다.', en: 'Course not found.' },
  CATALOG_ALREADY_RETIRED: { ko: '과정 {code}은(는) 이미 폐지되었습니다.', en: 'Course {code} is already retired.' },
  CATALOG_URL_INVALID: {
    ko: '링크는 http:// 또는 https://로 시작하는 올바른 주소여야 합니다(최대 {max}자).',
    en: 'The link must be a valid http:// or https:// address (at most {max} characters).',
  },
  CATALOG_TOO_MANY_RESOURCES: { ko: '과정 하나에 학습 자료는 {max}개까지 등록할 수 있습니다.', en: 'A course can have at most {max} learning resources.' },
  CATALOG_RESOURCE_NOT_FOUND: { ko: '학습 자료를 찾을 수 없습니다.', en: 'Learning resource not found.' },
  CATALOG_CATEGORY_CODE_FORMAT: {
    ko: '분류 코드는 영문 대문자로 시작하는 영문 대문자·숫자·밑줄 2~30자여야 합니다.',
    en: 'A category code is 2–30 upper-case letters, digits and underscores, starting with a letter.',
  },
  CATALOG_CATEGORY_CODE_TAKEN: { ko: '분류 코드 {code}은(는) 이미 사용 중입니다.', en: 'Category code {code} is already in use.' },
  CATALOG_CATEGORY_NAME_TAKEN: { ko: '같은 이름의 분류가 이미 있습니다: {name}', en: 'A category with the same name already exists: {name}' },
  CATALOG_CATEGORY_CYCLE: {
    ko: '분류를 자기 자신이나 그 하위 분류 아래로 옮길 수 없습니다.',
    en: 'A category cannot be moved under itself or one of its subcategories.',
  },
  CATALOG_SORT_ORDER_RANGE: { ko: '정렬 순서는 0 이상 {max} 이하여야 합니다.', en: 'The sort order must be between 0 and {max}.' },
  CATALOG_CREDITS_PER_HOUR_RANGE: {
    ko: '시간당 학점은 0보다 크고 {max} 이하인 수로, 소수점 둘째 자리까지 입력하세요.',
    en: 'Credits per hour must be above 0 and at most {max}, with at most two decimals.',
  },
} as const satisfies Record<string, { ko: string; en: string }>;

/** Korean and English names of the catalogue's input fields, for messages that mention a field. */
export const catalogFieldLabels: Record<string, { ko: string; en: string }> = {
  title: { ko: '제목', en: 'title' },
  description: { ko: '설명', en: 'description' },
  tags: { ko: '태그', en: 'tags' },
  lengthMinutes: { ko: '강의 시간', en: 'lecture length' },
  courseCode: { ko: '과정 코드', en: 'course code' },
  resourceTitle: { ko: '자료 제목', en: 'resource title' },
  url: { ko: '링크', en: 'link' },
  provider: { ko: '제공 기관', en: 'provider' },
  categoryCode: { ko: '분류 코드', en: 'category code' },
  categoryName: { ko: '분류 이름', en: 'category name' },
};
