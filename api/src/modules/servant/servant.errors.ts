import { UserErrorType } from '../../common/user-errors.js';

/** Error codes, one enum per mutation (the API contract for clients' error handling). */
export const ServantCreateErrorCode = {
  FORBIDDEN: 'FORBIDDEN',
  INVALID_ID: 'INVALID_ID',
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_GRADE: 'INVALID_GRADE',
  INVALID_ORGANIZATION: 'INVALID_ORGANIZATION',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  EMPLOYEE_NUMBER_TAKEN: 'EMPLOYEE_NUMBER_TAKEN',
} as const;
export const ServantCreateError = UserErrorType('ServantCreateError', ServantCreateErrorCode);

export const ServantUpdateErrorCode = { ...ServantCreateErrorCode, SERVANT_NOT_FOUND: 'SERVANT_NOT_FOUND' } as const;
export const ServantUpdateError = UserErrorType('ServantUpdateError', ServantUpdateErrorCode);

export const ServantProfileUpdateErrorCode = {
  NOT_A_SERVANT: 'NOT_A_SERVANT',
  INVALID_TAG: 'INVALID_TAG',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
} as const;
export const ServantProfileUpdateError = UserErrorType('ServantProfileUpdateError', ServantProfileUpdateErrorCode);

export const ServantImportErrorCode = {
  FORBIDDEN: 'FORBIDDEN',
  CSV_MALFORMED: 'CSV_MALFORMED',
  CSV_EMPTY: 'CSV_EMPTY',
  CSV_TOO_LARGE: 'CSV_TOO_LARGE',
  CSV_MISSING_COLUMNS: 'CSV_MISSING_COLUMNS',
} as const;
export const ServantImportError = UserErrorType('ServantImportError', ServantImportErrorCode);

/** Codes of a rejected CSV row (the row is skipped; the other rows are imported). */
export const ServantImportRowErrorCode = {
  REQUIRED: 'REQUIRED',
  TOO_LONG: 'TOO_LONG',
  INVALID_FORMAT: 'INVALID_FORMAT',
  INVALID_GRADE: 'INVALID_GRADE',
  INVALID_ORGANIZATION: 'INVALID_ORGANIZATION',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
} as const;
