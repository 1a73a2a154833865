import { UserErrorType } from '../../common/user-errors.js';
import { CourseCreateErrorCode } from '../catalog/catalog.errors.js';

/** Error codes, one enum per mutation (the API contract for clients' error handling). */
export const TrainingRequestSubmitErrorCode = {
  NOT_A_SERVANT: 'NOT_A_SERVANT',
  INVALID_ID: 'INVALID_ID',
  REQUIRED: 'REQUIRED',
  TOO_SHORT: 'TOO_SHORT',
  TOO_LONG: 'TOO_LONG',
  INVALID_MONTH: 'INVALID_MONTH',
  MONTH_IN_PAST: 'MONTH_IN_PAST',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
} as const;
export const TrainingRequestSubmitError = UserErrorType('TrainingRequestSubmitError', TrainingRequestSubmitErrorCode);

export const TrainingRequestWithdrawErrorCode = {
  INVALID_ID: 'INVALID_ID',
  REQUEST_NOT_FOUND: 'REQUEST_NOT_FOUND',
  ALREADY_WITHDRAWN: 'ALREADY_WITHDRAWN',
} as const;
export const TrainingRequestWithdrawError = UserErrorType('TrainingRequestWithdrawError', TrainingRequestWithdrawErrorCode);

export const DemandSupportErrorCode = {
  NOT_A_SERVANT: 'NOT_A_SERVANT',
  INVALID_ID: 'INVALID_ID',
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  DEMAND_MERGED: 'DEMAND_MERGED',
  DEMAND_DECLINED: 'DEMAND_DECLINED',
  ALREADY_SUPPORTED: 'ALREADY_SUPPORTED',
  ALREADY_REQUESTED: 'ALREADY_REQUESTED',
} as const;
export const DemandSupportError = UserErrorType('DemandSupportError', DemandSupportErrorCode);

export const DemandMergeErrorCode = {
  INVALID_ID: 'INVALID_ID',
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  DEMAND_MERGED: 'DEMAND_MERGED',
  DEMAND_PLANNED: 'DEMAND_PLANNED',
  DEMAND_DECLINED: 'DEMAND_DECLINED',
  SOURCES_REQUIRED: 'SOURCES_REQUIRED',
  MERGE_INTO_SELF: 'MERGE_INTO_SELF',
} as const;
export const DemandMergeError = UserErrorType('DemandMergeError', DemandMergeErrorCode);

export const DemandSplitErrorCode = {
  INVALID_ID: 'INVALID_ID',
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  DEMAND_MERGED: 'DEMAND_MERGED',
  DEMAND_PLANNED: 'DEMAND_PLANNED',
  DEMAND_DECLINED: 'DEMAND_DECLINED',
  REQUESTS_REQUIRED: 'REQUESTS_REQUIRED',
  REQUEST_NOT_IN_DEMAND: 'REQUEST_NOT_IN_DEMAND',
  NOTHING_LEFT: 'NOTHING_LEFT',
  INVALID_LABEL: 'INVALID_LABEL',
} as const;
export const DemandSplitError = UserErrorType('DemandSplitError', DemandSplitErrorCode);

export const DemandDeclineErrorCode = {
  INVALID_ID: 'INVALID_ID',
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  DEMAND_MERGED: 'DEMAND_MERGED',
  DEMAND_PLANNED: 'DEMAND_PLANNED',
  DEMAND_DECLINED: 'DEMAND_DECLINED',
  INVALID_REASON: 'INVALID_REASON',
} as const;
export const DemandDeclineError = UserErrorType('DemandDeclineError', DemandDeclineErrorCode);

export const SynonymGroupCreateErrorCode = { INVALID_TERMS: 'INVALID_TERMS' } as const;
export const SynonymGroupCreateError = UserErrorType('SynonymGroupCreateError', SynonymGroupCreateErrorCode);

export const SynonymGroupUpdateErrorCode = { INVALID_ID: 'INVALID_ID', SYNONYM_GROUP_NOT_FOUND: 'SYNONYM_GROUP_NOT_FOUND', INVALID_TERMS: 'INVALID_TERMS' } as const;
export const SynonymGroupUpdateError = UserErrorType('SynonymGroupUpdateError', SynonymGroupUpdateErrorCode);

export const SynonymGroupDeleteErrorCode = { INVALID_ID: 'INVALID_ID', SYNONYM_GROUP_NOT_FOUND: 'SYNONYM_GROUP_NOT_FOUND' } as const;
export const SynonymGroupDeleteError = UserErrorType('SynonymGroupDeleteError', SynonymGroupDeleteErrorCode);

export const CourseCreateFromDemandErrorCode = {
  ...CourseCreateErrorCode,
  DEMAND_NOT_FOUND: 'DEMAND_NOT_FOUND',
  DEMAND_MERGED: 'DEMAND_MERGED',
  DEMAND_DECLINED: 'DEMAND_DECLINED',
  CATEGORY_REQUIRED: 'CATEGORY_REQUIRED',
} as const;
export const CourseCreateFromDemandError = UserErrorType('CourseCreateFromDemandError', CourseCreateFromDemandErrorCode);
