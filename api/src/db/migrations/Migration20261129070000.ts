import { Migration } from '@mikro-orm/migrations';

/**
 * Exports of the personal-data access log are themselves recorded (one row per export, with
 * the reason the institute administrator gave). Such a row has no single subject, so the
 * subject becomes optional for that action only; the database holds both rules.
 */
export class Migration20261129070000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "personal_data_access_log" add column "reason" text null;`);
    this.addSql(`alter table "personal_data_access_log" alter column "subject_servant_id" drop not null;`);
    this.addSql(`alter table "personal_data_access_log" add constraint "access_log_subject_required"
      check (subject_servant_id is not null or action = 'EXPORT_ACCESS_LOG');`);
    this.addSql(`alter table "personal_data_access_log" add constraint "access_log_export_reason"
      check (action <> 'EXPORT_ACCESS_LOG' or (reason is not null and length(btrim(reason)) > 0));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "personal_data_access_log" drop constraint "access_log_export_reason";`);
    this.addSql(`alter table "personal_data_access_log" drop constraint "access_log_subject_required";`);
    this.addSql(`alter table "personal_data_access_log" alter column "subject_servant_id" set not null;`);
    this.addSql(`alter table "personal_data_access_log" drop column "reason";`);
  }
}
