import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../i18n/messages.js';
import type { Role } from '../modules/account/account.entity.js';
import { DomainError } from './errors.js';

/** Who is calling. ORG_ADMIN accounts carry the organisation subtree they manage. */
export interface Viewer {
  accountId: number;
  email: string;
  displayName: string;
  roles: Role[];
  servantId: number | null;
  /** For ORG_ADMIN: the organisation and its materialised path (`/1/5/`). */
  scope: { organizationId: number; path: string } | null;
  sessionId: string | null;
}

export interface AccessLogEntry {
  subjectServantId: number;
  action: string;
}

/**
 * Everything a service needs about the current operation: one EntityManager fork, the
 * viewer, the caller's language and address, the personal-data reads to log, and the events
 * to publish once the transaction has committed.
 */
export class RequestScope {
  private readonly accessReads = new Map<string, AccessLogEntry>();
  private readonly pending: Array<() => Promise<void> | void> = [];
  /** Per-operation memo for DataLoaders and other caches (cleared with the scope). */
  readonly memo = new Map<string, unknown>();

  constructor(
    readonly em: EntityManager,
    readonly viewer: Viewer | null,
    readonly locale: Locale,
    readonly ip: string | null,
    readonly operationName: string | null = null,
  ) {}

  /** The viewer, or an UNAUTHENTICATED error. */
  requireViewer(): Viewer {
    if (!this.viewer) throw DomainError.unauthenticated();
    return this.viewer;
  }

  hasRole(...roles: Role[]): boolean {
    return !!this.viewer && this.viewer.roles.some((r) => roles.includes(r));
  }

  /** Memoises a value (typically a DataLoader) for the rest of this operation. */
  memoize<T>(key: string, create: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, create());
    return this.memo.get(key) as T;
  }

  /** Notes that the viewer read `action` data of these servants; written in one statement at the end. */
  logAccess(servantIds: Iterable<number>, action: string): void {
    for (const id of servantIds) this.accessReads.set(`${id}:${action}`, { subjectServantId: id, action });
  }

  /** Takes the pending access-log entries (the caller writes them). */
  drainAccessLog(): AccessLogEntry[] {
    const entries = [...this.accessReads.values()];
    this.accessReads.clear();
    return entries;
  }

  /** Queues work (event publication) for after the current transaction commits. */
  afterCommit(fn: () => Promise<void> | void): void {
    this.pending.push(fn);
  }

  /** Runs queued after-commit work; failures are reported but never undo the committed change. */
  async runAfterCommit(onError: (e: unknown) => void): Promise<void> {
    const work = this.pending.splice(0);
    for (const fn of work) {
      try {
        await fn();
      } catch (e) {
        onError(e);
      }
    }
  }

  discardAfterCommit(): void {
    this.pending.length = 0;
  }
}
