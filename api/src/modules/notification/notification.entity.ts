import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Servant } from '../servant/servant.entity.js';

export enum NotificationKind {
  REQUEST_GROUPED = 'REQUEST_GROUPED',
  DEMAND_PLANNED = 'DEMAND_PLANNED',
  DEMAND_DECLINED = 'DEMAND_DECLINED',
  ENROLLMENT_CONFIRMED = 'ENROLLMENT_CONFIRMED',
  COURSE_DISCONTINUED = 'COURSE_DISCONTINUED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  CERTIFICATION_AWARDED = 'CERTIFICATION_AWARDED',
  CERTIFICATION_REVOKED = 'CERTIFICATION_REVOKED',
}

/**
 * An in-app message to a servant. Stored as a kind plus parameters and rendered in the
 * reader's language. `dedupKey` makes creation idempotent (a retried job notifies once).
 */
@Entity({ tableName: 'notification' })
@Index({ name: 'notification_servant_unread', properties: ['servant', 'readAt', 'id'] })
export class Notification {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Servant, { deleteRule: 'cascade' })
  servant!: Rel<Servant>;

  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  @Property({ type: 'jsonb', default: '{}' })
  params: Opt<Record<string, unknown>> = {};

  @Property({ type: 'text', unique: true })
  dedupKey!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}

export enum OutboxStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}

/** E-mail waiting to be delivered by the configured transport (written in the same transaction). */
@Entity({ tableName: 'email_outbox' })
@Index({ name: 'email_outbox_pending', properties: ['status', 'id'] })
export class EmailOutbox {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Notification, { deleteRule: 'cascade', unique: true })
  notification!: Rel<Notification>;

  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Enum({ items: () => OutboxStatus, default: OutboxStatus.PENDING })
  status: Opt<OutboxStatus> = OutboxStatus.PENDING;

  @Property({ type: 'smallint', default: 0 })
  attempts: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;
}
