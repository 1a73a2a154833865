import { UserErrorType } from '../../common/user-errors.js';

const ruleCodes = {
  INVALID_ID: 'INVALID_ID',
  INVALID_NAME: 'INVALID_NAME',
  NAME_TAKEN: 'NAME_TAKEN',
  INVALID_GRADES: 'INVALID_GRADES',
  INVALID_JOB_SERIES: 'INVALID_JOB_SERIES',
  ORGANIZATION_NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
  INVALID_TARGET: 'INVALID_TARGET',
  COURSE_NOT_FOUND: 'COURSE_NOT_FOUND',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  INVALID_HOURS: 'INVALID_HOURS',
  INVALID_FREQUENCY: 'INVALID_FREQUENCY',
  INVALID_LEGAL_BASIS: 'INVALID_LEGAL_BASIS',
} as const;
export const MandatoryTrainingRuleCreateErrorCode = ruleCodes;
export const MandatoryTrainingRuleCreateError = UserErrorType('MandatoryTrainingRuleCreateError', MandatoryTrainingRuleCreateErrorCode);
export const MandatoryTrainingRuleUpdateErrorCode = { ...ruleCodes, RULE_NOT_FOUND: 'RULE_NOT_FOUND' } as const;
export const MandatoryTrainingRuleUpdateError = UserErrorType('MandatoryTrainingRuleUpdateError', MandatoryTrainingRuleUpdateErrorCode);
export const MandatoryTrainingRuleDeactivateErrorCode = { INVALID_ID: 'INVALID_ID', RULE_NOT_FOUND: 'RULE_NOT_FOUND', ALREADY_INACTIVE: 'ALREADY_INACTIVE' } as const;
export const MandatoryTrainingRuleDeactivateError = UserErrorType('MandatoryTrainingRuleDeactivateError', MandatoryTrainingRuleDeactivateErrorCode);

const programCodes = {
  INVALID_ID: 'INVALID_ID',
  INVALID_CODE: 'INVALID_CODE',
  CODE_TAKEN: 'CODE_TAKEN',
  INVALID_NAME: 'INVALID_NAME',
  INVALID_DESCRIPTION: 'INVALID_DESCRIPTION',
  INVALID_TOTAL: 'INVALID_TOTAL',
  INVALID_MINIMUM: 'INVALID_MINIMUM',
  CATEGORY_NOT_FOUND: 'CATEGORY_NOT_FOUND',
  COURSE_NOT_FOUND: 'COURSE_NOT_FOUND',
  INVALID_MONTHS: 'INVALID_MONTHS',
} as const;
export const CertificationProgramCreateErrorCode = programCodes;
export const CertificationProgramCreateError = UserErrorType('CertificationProgramCreateError', CertificationProgramCreateErrorCode);
export const CertificationProgramUpdateErrorCode = { ...programCodes, PROGRAM_NOT_FOUND: 'PROGRAM_NOT_FOUND' } as const;
export const CertificationProgramUpdateError = UserErrorType('CertificationProgramUpdateError', CertificationProgramUpdateErrorCode);
export const CertificationProgramDeactivateErrorCode = { INVALID_ID: 'INVALID_ID', PROGRAM_NOT_FOUND: 'PROGRAM_NOT_FOUND', ALREADY_INACTIVE: 'ALREADY_INACTIVE' } as const;
export const CertificationProgramDeactivateError = UserErrorType('CertificationProgramDeactivateError', CertificationProgramDeactivateErrorCode);

export const CertificationEvaluateErrorCode = { INVALID_ID: 'INVALID_ID', SERVANT_NOT_FOUND: 'SERVANT_NOT_FOUND' } as const;
export const CertificationEvaluateError = UserErrorType('CertificationEvaluateError', CertificationEvaluateErrorCode);
