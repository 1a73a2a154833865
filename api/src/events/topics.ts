/** Topics published on the pub/sub, with their payloads (kept small: ids and scope keys). */
export const Topics = {
  SERVANT_CHANGED: 'SERVANT_CHANGED',
  SESSION_REVOKED: 'SESSION_REVOKED',
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
