/** Topics published on the pub/sub, with their payloads (kept small: ids and scope keys). */
export const Topics = {
  SERVANT_CHANGED: 'SERVANT_CHANGED',
  SESSION_REVOKED: 'SESSION_REVOKED',
  RECOMMENDER_REFIT: 'RECOMMENDER_REFIT',
  NOTIFICATION_RECEIVED: 'NOTIFICATION_RECEIVED',
  ENROLLMENT_COUNT_CHANGED: 'ENROLLMENT_COUNT_CHANGED',
  ENROLLMENT_ROUND_STATUS_CHANGED: 'ENROLLMENT_ROUND_STATUS_CHANGED',
  TRAINING_REQUEST_SUBMITTED: 'TRAINING_REQUEST_SUBMITTED',
  DEMAND_THRESHOLD_REACHED: 'DEMAND_THRESHOLD_REACHED',
  CERTIFICATION_AWARDED: 'CERTIFICATION_AWARDED',
  CREDIT_TRANSACTION_RECORDED: 'CREDIT_TRANSACTION_RECORDED',
} as const;

export interface ServantChangedPayload {
  servantIds: number[];
  /** Materialised paths of the servants' organisations, for scope filtering without a query. */
  organizationPaths: string[];
  kind: 'CREATED' | 'UPDATED' | 'IMPORTED';
}

export interface SessionRevokedPayload {
  sessionId: string;
}

export interface NotificationReceivedPayload {
  servantIds: number[];
}

export interface EnrollmentCountChangedPayload {
  roundId: number;
  offeringIds: number[];
}

export interface EnrollmentRoundStatusChangedPayload {
  roundId: number;
  status: string;
}

export interface TrainingRequestSubmittedPayload {
  requestId: number;
  demandId: number | null;
  /** Path of the requester's organisation, for scope filtering. */
  organizationPath: string;
}

export interface DemandThresholdReachedPayload {
  demandId: number;
  requesterCount: number;
}

export interface CreditTransactionRecordedPayload {
  /** Ledger entries committed together (at most 100 per message), with their servant and the servant's organisation path for scope filtering. */
  entries: { id: number; servantId: number; path: string }[];
}

export interface CertificationAwardedPayload {
  /** Certifications awarded together (at most 100 per message), with the holder's organisation path for scope filtering. */
  awards: { certificationId: number; servantId: number; programId: number; path: string }[];
}
