/** What the access-log screen filters by, as the user set it. */
export interface AccessLogFilterState {
  action: string;
  /** YYYY-MM-DD (Korea time), inclusive. */
  from: string;
  to: string;
  actor: { id: string; label: string } | null;
  subject: { id: string; label: string } | null;
}

export const EMPTY_FILTER: AccessLogFilterState = { action: '', from: '', to: '', actor: null, subject: null };

/** Actions the API writes (the filter also accepts any other text the log holds). */
export const ACCESS_LOG_ACTIONS = [
  'READ_PROFILE',
  'READ_CONTACT',
  'READ_WORK_HISTORY',
  'READ_EDUCATION',
  'READ_INTERESTS',
  'READ_CREDITS',
  'READ_RECOMMENDATIONS',
  'CREATE',
  'UPDATE',
  'EXPORT_ACCESS_LOG',
] as const;

/**
 * The API filter: dates are days of the Korean calendar, so "to" includes the whole day
 * (the API's `to` is exclusive).
 */
export function toApiFilter(f: AccessLogFilterState): { actorId?: string; subjectServantId?: string; action?: string; from?: string; to?: string } {
  const out: { actorId?: string; subjectServantId?: string; action?: string; from?: string; to?: string } = {};
  if (f.actor) out.actorId = f.actor.id;
  if (f.subject) out.subjectServantId = f.subject.id;
  if (f.action) out.action = f.action;
  if (f.from) out.from = new Date(`${f.from}T00:00:00+09:00`).toISOString();
  if (f.to) out.to = new Date(new Date(`${f.to}T00:00:00+09:00`).getTime() + 86_400_000).toISOString();
  return out;
}
