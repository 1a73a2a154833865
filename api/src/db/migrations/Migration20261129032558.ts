import { Migration } from '@mikro-orm/migrations';

/**
 * The credit bank's ledger (generated), made append-only and self-balancing by hand:
 * a trigger refuses UPDATE/DELETE/TRUNCATE, another keeps credit_balance equal to the sum of
 * the entries in the same transaction, and at most one EARNED entry exists per enrollment.
 */
export class Migration20261129032558 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "credit_balance" ("servant_id" int not null, "balance" numeric(10,2) not null, constraint "credit_balance_pkey" primary key ("servant_id"));`);
    this.addSql(`create table "credit_policy" ("year" smallint not null, "credits_per_hour" numeric(6,2) not null default 1, "recognized_yearly_cap" numeric(6,2) not null default 42, "required_hours_by_grade" jsonb not null, constraint "credit_policy_pkey" primary key ("year"), constraint credit_policy_values check (credits_per_hour > 0 and recognized_yearly_cap >= 0));`);
    this.addSql(`create table "credit_transaction" ("id" bigserial primary key, "servant_id" int not null, "amount" numeric(8,2) not null, "kind" text check ("kind" in ('EARNED', 'RECOGNIZED', 'ADJUSTED', 'REVERSED')) not null, "reason" text not null, "enrollment_id" int null, "course_id" int null, "category_id" int null, "subject_title" text null, "subject_key" text null, "hours" numeric(8,2) not null default 0, "evidence" text null, "reverses_id" bigint null, "recorded_by_account_id" int null, "occurred_on" date not null, "year" smallint not null, "recorded_at" timestamptz not null default now(), "idempotency_key" text null, constraint credit_earned_has_enrollment check (kind <> 'EARNED' or enrollment_id is not null), constraint credit_reversal_shape check ((kind = 'REVERSED') = (reverses_id is not null)), constraint credit_amount_nonzero check (amount <> 0));`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_reversed_once" unique ("reverses_id");`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "credit_transaction_servant" on "credit_transaction" ("servant_id", "id");`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_enrollment_id_foreign" foreign key ("enrollment_id") references "enrollment" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_transaction" add constraint "credit_transaction_reverses_id_foreign" foreign key ("reverses_id") references "credit_transaction" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "enrollment" add column "minutes_attended" int null, add column "progress_percent" numeric(5,2) null, add column "score" numeric(5,2) null, add column "completion_note" text null, add column "attendance_recorded_at" timestamptz null;`);
    this.addSql(`create unique index credit_transaction_earned_once on credit_transaction (enrollment_id) where kind = 'EARNED';`);
    this.addSql(`create index credit_transaction_servant_year on credit_transaction (servant_id, year, kind);`);
    this.addSql(`create trigger credit_transaction_append_only before update or delete on credit_transaction
      for each row execute function kok_refuse_change();`);
    this.addSql(`create trigger credit_transaction_no_truncate before truncate on credit_transaction
      for each statement execute function kok_refuse_change();`);
    this.addSql(`create function kok_credit_balance() returns trigger language plpgsql as $$
      begin
        insert into credit_balance (servant_id, balance)
          select servant_id, sum(amount) from new_rows group by servant_id
        on conflict (servant_id) do update set balance = credit_balance.balance + excluded.balance;
        return null;
      end $$;`);
    this.addSql(`create trigger credit_transaction_balance after insert on credit_transaction
      referencing new table as new_rows for each statement execute function kok_credit_balance();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger credit_transaction_balance on credit_transaction;`);
    this.addSql(`drop function kok_credit_balance();`);
    this.addSql(`drop table if exists "credit_balance" cascade;`);
    this.addSql(`drop table if exists "credit_policy" cascade;`);
    this.addSql(`drop table if exists "credit_transaction" cascade;`);
    this.addSql(`alter table "enrollment" drop column "minutes_attended", drop column "progress_percent", drop column "score", drop column "completion_note", drop column "attendance_recorded_at";`);
  }
}
