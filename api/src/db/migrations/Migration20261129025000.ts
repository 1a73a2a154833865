import { Migration } from '@mikro-orm/migrations';

/**
 * Hand-written: invariants the ORM cannot express. The personal-data access log is
 * append-only in the database itself, so no code path (or compromised process) can rewrite
 * who read what.
 */
export class Migration20261129025000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function kok_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger personal_data_access_log_append_only before update or delete on personal_data_access_log
      for each row execute function kok_refuse_change();`);
    this.addSql(`create trigger personal_data_access_log_no_truncate before truncate on personal_data_access_log
      for each statement execute function kok_refuse_change();`);
    // Emails are compared case-insensitively at login; keep them unique that way too.
    this.addSql(`create unique index account_email_lower_unique on account (lower(email));`);
    this.addSql(`create index session_expires_at on session (expires_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger personal_data_access_log_no_truncate on personal_data_access_log;`);
    this.addSql(`drop trigger personal_data_access_log_append_only on personal_data_access_log;`);
    this.addSql(`drop function kok_refuse_change();`);
    this.addSql(`drop index account_email_lower_unique;`);
    this.addSql(`drop index session_expires_at;`);
  }
}
