import { UserErrorType } from '../../common/user-errors.js';

export const EnrollmentRoundCreateErrorCode = { INVALID_MONTH: 'INVALID_MONTH', INVALID_WINDOW: 'INVALID_WINDOW', INVALID_MINIMUM: 'INVALID_MINIMUM', ROUND_EXISTS: 'ROUND_EXISTS' } as const;
export const EnrollmentRoundCreateError = UserErrorType('EnrollmentRoundCreateError', EnrollmentRoundCreateErrorCode);

export const EnrollmentRoundOpenErrorCode = { INVALID_ID: 'INVALID_ID', ROUND_NOT_FOUND: 'ROUND_NOT_FOUND', ROUND_NOT_DRAFT: 'ROUND_NOT_DRAFT', NO_OFFERINGS: 'NO_OFFERINGS' } as const;
export const EnrollmentRoundOpenError = UserErrorType('EnrollmentRoundOpenError', EnrollmentRoundOpenErrorCode);

export const EnrollmentRoundCloseErrorCode = { INVALID_ID: 'INVALID_ID', ROUND_NOT_FOUND: 'ROUND_NOT_FOUND', ROUND_NOT_OPEN: 'ROUND_NOT_OPEN', ALREADY_CLOSED: 'ALREADY_CLOSED' } as const;
export const EnrollmentRoundCloseError = UserErrorType('EnrollmentRoundCloseError', EnrollmentRoundCloseErrorCode);

const offeringCodes = {
  INVALID_ID: 'INVALID_ID',
  ROUND_NOT_FOUND: 'ROUND_NOT_FOUND',
  ROUND_NOT_DRAFT: 'ROUND_NOT_DRAFT',
  OFFERING_NOT_FOUND: 'OFFERING_NOT_FOUND',
  COURSE_NOT_FOUND: 'COURSE_NOT_FOUND',
  INVALID_SLOT: 'INVALID_SLOT',
  INVALID_CAPACITY: 'INVALID_CAPACITY',
  INVALID_MINIMUM: 'INVALID_MINIMUM',
  LOCATION_REQUIRED: 'LOCATION_REQUIRED',
} as const;
export const CourseOfferingCreateErrorCode = offeringCodes;
export const CourseOfferingCreateError = UserErrorType('CourseOfferingCreateError', CourseOfferingCreateErrorCode);
export const CourseOfferingUpdateErrorCode = { ...offeringCodes };
export const CourseOfferingUpdateError = UserErrorType('CourseOfferingUpdateError', CourseOfferingUpdateErrorCode);
export const CourseOfferingRemoveErrorCode = { INVALID_ID: 'INVALID_ID', OFFERING_NOT_FOUND: 'OFFERING_NOT_FOUND', ROUND_NOT_DRAFT: 'ROUND_NOT_DRAFT' } as const;
export const CourseOfferingRemoveError = UserErrorType('CourseOfferingRemoveError', CourseOfferingRemoveErrorCode);

export const EnrollmentCreateErrorCode = {
  INVALID_ID: 'INVALID_ID',
  NOT_A_SERVANT: 'NOT_A_SERVANT',
  OFFERING_NOT_FOUND: 'OFFERING_NOT_FOUND',
  OUTSIDE_WINDOW: 'OUTSIDE_WINDOW',
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  TIME_CONFLICT: 'TIME_CONFLICT',
} as const;
export const EnrollmentCreateError = UserErrorType('EnrollmentCreateError', EnrollmentCreateErrorCode);

export const EnrollmentCancelErrorCode = { INVALID_ID: 'INVALID_ID', ENROLLMENT_NOT_FOUND: 'ENROLLMENT_NOT_FOUND', OUTSIDE_WINDOW: 'OUTSIDE_WINDOW', NOT_CANCELLABLE: 'NOT_CANCELLABLE' } as const;
export const EnrollmentCancelError = UserErrorType('EnrollmentCancelError', EnrollmentCancelErrorCode);
