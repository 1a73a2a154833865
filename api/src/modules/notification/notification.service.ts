import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { keysetPage } from '../../common/keyset.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type NotificationReceivedPayload, Topics } from '../../events/topics.js';
import { Notification, NotificationKind } from './notification.entity.js';
import { renderNotification } from './notification.messages.js';

export interface NotificationDraft {
  servantId: number;
  kind: NotificationKind;
  params: Record<string, unknown>;
  /** Idempotency: a draft whose key exists already is skipped (retries notify once). */
  dedupKey: string;
}

/** NOTIFY payloads stay under 8 kB: servant ids travel in chunks. */
const PUBLISH_CHUNK = 500;

/**
 * Writes notifications for many servants in one statement, with their e-mails in the outbox
 * (same transaction), and returns who was notified so the caller can publish after commit.
 * Pass the transaction's EntityManager.
 */
export async function createNotifications(em: EntityManager, drafts: NotificationDraft[]): Promise<{ id: number; servantId: number }[]> {
  if (drafts.length === 0) return [];
  const mails = drafts.map((d) => renderNotification(d.kind, 'ko', d.params));
  const rows = await em.getConnection().execute<{ id: number; servant_id: number }[]>(
    `with input as (
       select * from unnest(?::int[], ?::text[], ?::jsonb[], ?::text[], ?::text[], ?::text[]) as t(servant_id, kind, params, dedup_key, subject, body)
     ), ins as (
       insert into notification (servant_id, kind, params, dedup_key)
       select servant_id, kind, params, dedup_key from input on conflict (dedup_key) do nothing
       returning id, servant_id, dedup_key
     ), mail as (
       insert into email_outbox (notification_id, to_address, subject, body)
       select ins.id, s.email, i.subject, i.body from ins join input i using (dedup_key) join servant s on s.id = ins.servant_id
       where s.email is not null
     )
     select id, servant_id from ins`,
    [
      pgArray(drafts.map((d) => d.servantId)),
      pgArray(drafts.map((d) => d.kind)),
      pgArray(drafts.map((d) => JSON.stringify(d.params))),
      pgArray(drafts.map((d) => d.dedupKey)),
      pgArray(mails.map((m) => m.title)),
      pgArray(mails.map((m) => m.body)),
    ],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => ({ id: Number(r.id), servantId: Number(r.servant_id) }));
}

/** Publishes `notificationReceived` for the servants notified (call after commit). */
export async function publishNotified(events: EventPublisher, notified: { servantId: number }[]): Promise<void> {
  const ids = [...new Set(notified.map((n) => n.servantId))];
  for (let i = 0; i < ids.length; i += PUBLISH_CHUNK) {
    await events.publishAsync(Topics.NOTIFICATION_RECEIVED, { servantIds: ids.slice(i, i + PUBLISH_CHUNK) } satisfies NotificationReceivedPayload);
  }
}

/** A servant's in-app notifications. */
export class NotificationService {
  constructor(
    private readonly scope: RequestScope,
    private readonly events: EventPublisher,
  ) {}

  /** Notifies inside the caller's transaction and publishes after it commits. */
  async notify(tx: EntityManager, drafts: NotificationDraft[]): Promise<number> {
    const notified = await createNotifications(tx, drafts);
    this.scope.afterCommit(() => publishNotified(this.events, notified));
    return notified.length;
  }

  /** The viewer's own notifications, newest first. */
  list(servantId: number, args: ConnectionArgs, unreadOnly: boolean): Promise<Connection<Notification>> {
    return keysetPage<Notification>(
      this.scope.em,
      {
        entity: Notification,
        alias: 'n',
        from: 'notification n',
        where: `n.servant_id = ?${unreadOnly ? ' and n.read_at is null' : ''}`,
        params: [servantId],
        sortExpr: 'n.id',
        direction: 'desc',
      },
      pageRequest(args),
    );
  }

  /** Unread count per servant, batched. */
  unreadCount(servantId: number): Promise<number> {
    const loader = this.scope.memoize(
      'notification.unread',
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows = await this.scope.em
            .getConnection()
            .execute<{ sid: number; n: string }[]>(`select servant_id as sid, count(*) as n from notification where servant_id = any(?::int[]) and read_at is null group by servant_id`, [pgArray([...ids])]);
          const m = new Map(rows.map((r) => [Number(r.sid), Number(r.n)]));
          return ids.map((id) => m.get(id) ?? 0);
        }),
    );
    return loader.load(servantId);
  }

  /** Marks the viewer's notifications read (the given ones, or all); others' are untouched. */
  async markRead(servantId: number, ids: number[] | null): Promise<number> {
    const rows = await this.scope.em.getConnection().execute<{ id: number }[]>(
      `update notification set read_at = now() where servant_id = ? and read_at is null ${ids ? 'and id = any(?::int[])' : ''} returning id`,
      ids ? [servantId, pgArray(ids)] : [servantId],
    );
    return rows.length;
  }
}
