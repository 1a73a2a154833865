import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Who read whose personal data (PIPA). Rows are written in bulk at the end of a request and
 * the database refuses UPDATE, DELETE and TRUNCATE on this table (see the migration).
 */
@Entity({ tableName: 'personal_data_access_log' })
@Index({ name: 'access_log_subject_at', properties: ['subjectServantId', 'at'] })
@Index({ name: 'access_log_actor_at', properties: ['actorAccountId', 'at'] })
export class PersonalDataAccessLog {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at: Date = new Date();

  @Property({ type: 'int' })
  actorAccountId!: number;

  @Property({ type: 'text' })
  actorRoles!: string;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  /** Whose data; null only for `EXPORT_ACCESS_LOG` (an export of many people's entries). */
  @Property({ type: 'int', nullable: true })
  subjectServantId!: number | null;

  /** What was read or done, e.g. `READ_PROFILE`, `READ_WORK_HISTORY`, `UPDATE`. */
  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text', nullable: true })
  operation?: string | null;

  /** Why the administrator did it (required for `EXPORT_ACCESS_LOG`). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
