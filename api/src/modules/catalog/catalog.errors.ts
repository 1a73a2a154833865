import { UserErrorType } from '../../common/user-errors.js';

/**
 * Error codes, one enum per mutation (the API contract for clients' error handling).
 * `CourseCreateErrorCode` is also what `CatalogService.createCourse` raises, so a mutation of
 * another module that creates a course (courseCreateFromDemand) spreads it into its own enum.
 */
export const CourseCreateErrorCode = {
  INVALID_ID: 'INVALID_ID',
  REQUIRED: 'REQUIRED',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  INVALID_CODE: 'INVALID_CODE',
  INVALID_TAG: 'INVALID_TAG',
  INVALID_LENGTH_MINUTES: 'INVALID_LENGTH_MINUTES',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  COURSE_CODE_TAKEN: 'COURSE_CODE_TAKEN',
  DUPLICATE_TITLE: 'DUPLICATE_TITLE',
} as const;
export const CourseCreateError = UserErrorType('CourseCreateError', CourseCreateErrorCode);

export const CourseUpdateErrorCode = { ...CourseCreateErrorCode, COURSE_NOT_FOUND: 'COURSE_NOT_FOUND' } as const;
export const CourseUpdateError = UserErrorType('CourseUpdateError', CourseUpdateErrorCode);

export const CourseRetireErrorCode = { INVALID_ID: 'INVALID_ID', COURSE_NOT_FOUND: 'COURSE_NOT_FOUND', ALREADY_RETIRED: 'ALREADY_RETIRED' } as const;
export const CourseRetireError = UserErrorType('CourseRetireError', CourseRetireErrorCode);

export const LearningResourceAddErrorCode = {
  INVALID_ID: 'INVALID_ID',
  COURSE_NOT_FOUND: 'COURSE_NOT_FOUND',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_URL: 'INVALID_URL',
  TOO_MANY_RESOURCES: 'TOO_MANY_RESOURCES',
} as const;
export const LearningResourceAddError = UserErrorType('LearningResourceAddError', LearningResourceAddErrorCode);

export const LearningResourceRemoveErrorCode = { INVALID_ID: 'INVALID_ID', RESOURCE_NOT_FOUND: 'RESOURCE_NOT_FOUND' } as const;
export const LearningResourceRemoveError = UserErrorType('LearningResourceRemoveError', LearningResourceRemoveErrorCode);

export const CategoryCreateErrorCode = {
  INVALID_ID: 'INVALID_ID',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_CODE: 'INVALID_CODE',
  INVALID_SORT_ORDER: 'INVALID_SORT_ORDER',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  CATEGORY_CODE_TAKEN: 'CATEGORY_CODE_TAKEN',
  CATEGORY_NAME_TAKEN: 'CATEGORY_NAME_TAKEN',
} as const;
export const CategoryCreateError = UserErrorType('CategoryCreateError', CategoryCreateErrorCode);

export const CategoryUpdateErrorCode = {
  INVALID_ID: 'INVALID_ID',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_SORT_ORDER: 'INVALID_SORT_ORDER',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  CATEGORY_NAME_TAKEN: 'CATEGORY_NAME_TAKEN',
  CATEGORY_CYCLE: 'CATEGORY_CYCLE',
} as const;
export const CategoryUpdateError = UserErrorType('CategoryUpdateError', CategoryUpdateErrorCode);

export const PlatformSettingsUpdateErrorCode = { INVALID_CREDITS_PER_HOUR: 'INVALID_CREDITS_PER_HOUR' } as const;
export const PlatformSettingsUpdateError = UserErrorType('PlatformSettingsUpdateError', PlatformSettingsUpdateErrorCode);
