import { Migration } from '@mikro-orm/migrations';

/**
 * A certification rests on the ledger entries it counted: when a reversal leaves its
 * requirements unmet, it is revoked (kept, with when and why) and its holder is told
 * (CERTIFICATION_REVOKED notification kind).
 */
export class Migration20261129080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "certification" add column "revoked_at" timestamptz null, add column "revoked_reason" text null;`);
    this.addSql(`alter table "certification" add constraint "certification_revoked_reason" check ((revoked_at is null) = (revoked_reason is null));`);
    this.addSql(`do $$ declare def text; begin
      select pg_get_constraintdef(oid) into def from pg_constraint where conrelid = 'notification'::regclass and conname = 'notification_kind_check';
      if def is not null and position('CERTIFICATION_REVOKED' in def) = 0 then
        execute 'alter table notification drop constraint notification_kind_check';
        execute 'alter table notification add constraint notification_kind_check ' || regexp_replace(def, '''::text\\]', '''::text, ''CERTIFICATION_REVOKED''::text]');
      end if;
    end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "certification" drop constraint "certification_revoked_reason";`);
    this.addSql(`alter table "certification" drop column "revoked_reason", drop column "revoked_at";`);
    this.addSql(`do $$ declare def text; begin
      select pg_get_constraintdef(oid) into def from pg_constraint where conrelid = 'notification'::regclass and conname = 'notification_kind_check';
      if def is not null and position('CERTIFICATION_REVOKED' in def) > 0 then
        execute 'alter table notification drop constraint notification_kind_check';
        execute 'alter table notification add constraint notification_kind_check ' || replace(def, ', ''CERTIFICATION_REVOKED''::text', '');
      end if;
    end $$;`);
  }
}
