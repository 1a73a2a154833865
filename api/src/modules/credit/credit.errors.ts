import { registerEnumType } from 'type-graphql';
import { UserErrorType } from '../../common/user-errors.js';

const completionCodes = {
  INVALID_ID: 'INVALID_ID',
  OFFERING_NOT_FOUND: 'OFFERING_NOT_FOUND',
  OFFERING_NOT_CONFIRMED: 'OFFERING_NOT_CONFIRMED',
  LECTURE_NOT_STARTED: 'LECTURE_NOT_STARTED',
  WRONG_FORMAT: 'WRONG_FORMAT',
} as const;
const entryCodes = {
  EMPTY: 'EMPTY',
  TOO_MANY: 'TOO_MANY',
  NOT_ENROLLED: 'NOT_ENROLLED',
  DUPLICATE_ENTRY: 'DUPLICATE_ENTRY',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  INVALID_VALUE: 'INVALID_VALUE',
} as const;

export const AttendanceRecordErrorCode = { ...completionCodes, ...entryCodes };
export const AttendanceRecordError = UserErrorType('AttendanceRecordError', AttendanceRecordErrorCode);

export const OnlineProgressRecordErrorCode = { ...completionCodes, ...entryCodes };
export const OnlineProgressRecordError = UserErrorType('OnlineProgressRecordError', OnlineProgressRecordErrorCode);

export const AttendanceImportErrorCode = {
  ...completionCodes,
  CSV_EMPTY: 'CSV_EMPTY',
  CSV_MALFORMED: 'CSV_MALFORMED',
  CSV_MISSING_COLUMNS: 'CSV_MISSING_COLUMNS',
  CSV_TOO_LARGE: 'CSV_TOO_LARGE',
} as const;
export const AttendanceImportError = UserErrorType('AttendanceImportError', AttendanceImportErrorCode);

/** Why a row of an attendance CSV was skipped. */
export const AttendanceImportRowErrorCode = {
  UNKNOWN_EMPLOYEE_NUMBER: 'UNKNOWN_EMPLOYEE_NUMBER',
  NOT_ENROLLED: 'NOT_ENROLLED',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  INVALID_VALUE: 'INVALID_VALUE',
} as const;
registerEnumType(AttendanceImportRowErrorCode, { name: 'AttendanceImportRowErrorCode', description: 'Why a row of an attendance CSV was skipped.' });

export const CreditTransactionRecordErrorCode = {
  INVALID_ID: 'INVALID_ID',
  SERVANT_NOT_FOUND: 'SERVANT_NOT_FOUND',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  INVALID_KIND: 'INVALID_KIND',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  INVALID_HOURS: 'INVALID_HOURS',
  INVALID_DATE: 'INVALID_DATE',
  REASON_REQUIRED: 'REASON_REQUIRED',
  TITLE_REQUIRED: 'TITLE_REQUIRED',
  EVIDENCE_REQUIRED: 'EVIDENCE_REQUIRED',
  INVALID_IDEMPOTENCY_KEY: 'INVALID_IDEMPOTENCY_KEY',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  YEARLY_CAP_EXCEEDED: 'YEARLY_CAP_EXCEEDED',
  DUPLICATE_SUBJECT: 'DUPLICATE_SUBJECT',
} as const;
export const CreditTransactionRecordError = UserErrorType('CreditTransactionRecordError', CreditTransactionRecordErrorCode);

export const CreditTransactionReverseErrorCode = {
  INVALID_ID: 'INVALID_ID',
  TRANSACTION_NOT_FOUND: 'TRANSACTION_NOT_FOUND',
  REASON_REQUIRED: 'REASON_REQUIRED',
  INVALID_IDEMPOTENCY_KEY: 'INVALID_IDEMPOTENCY_KEY',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ALREADY_REVERSED: 'ALREADY_REVERSED',
  REVERSAL_OF_REVERSAL: 'REVERSAL_OF_REVERSAL',
} as const;
export const CreditTransactionReverseError = UserErrorType('CreditTransactionReverseError', CreditTransactionReverseErrorCode);

export const CreditPolicyUpdateErrorCode = {
  INVALID_YEAR: 'INVALID_YEAR',
  INVALID_CREDITS_PER_HOUR: 'INVALID_CREDITS_PER_HOUR',
  INVALID_CAP: 'INVALID_CAP',
  INVALID_REQUIRED_HOURS: 'INVALID_REQUIRED_HOURS',
} as const;
export const CreditPolicyUpdateError = UserErrorType('CreditPolicyUpdateError', CreditPolicyUpdateErrorCode);
