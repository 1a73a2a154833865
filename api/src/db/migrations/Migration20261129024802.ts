import { Migration } from '@mikro-orm/migrations';

export class Migration20261129024802 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" serial primary key, "code" text not null, "name" text not null, "kind" text check ("kind" in ('PROVINCE', 'CITY', 'COUNTY', 'DEPARTMENT', 'AGENCY')) not null, "parent_id" int null, "path" text not null, "created_at" timestamptz not null default now(), constraint organization_path_shape check (path ~ '^(/[0-9]+)+/\$'));`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);
    this.addSql(`create index "organization_path_prefix" on "organization" ("path" text_pattern_ops);`);

    this.addSql(`create table "personal_data_access_log" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor_account_id" int not null, "actor_roles" text not null, "ip" text null, "subject_servant_id" int not null, "action" text not null, "operation" text null);`);
    this.addSql(`create index "access_log_actor_at" on "personal_data_access_log" ("actor_account_id", "at");`);
    this.addSql(`create index "access_log_subject_at" on "personal_data_access_log" ("subject_servant_id", "at");`);

    this.addSql(`create table "servant" ("id" serial primary key, "employee_number" text not null, "name" text not null, "email" text null, "phone" text null, "organization_id" int not null, "department_id" int null, "job_series" text not null, "grade" smallint not null, "position" text not null default '', "hire_date" date null, "interests" text[] not null default '{}', "hobbies" text[] not null default '{}', "consent_given_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint servant_optional_data_needs_consent check (consent_given_at is not null or (cardinality(interests) = 0 and cardinality(hobbies) = 0)), constraint servant_grade_range check (grade between 1 and 9));`);
    this.addSql(`alter table "servant" add constraint "servant_employee_number_unique" unique ("employee_number");`);
    this.addSql(`create index "servant_organization_id_index" on "servant" ("organization_id");`);
    this.addSql(`create index "servant_department_id_index" on "servant" ("department_id");`);
    this.addSql(`create index "servant_name_id" on "servant" ("name", "id");`);

    this.addSql(`create table "education_record" ("id" serial primary key, "servant_id" int not null, "title" text not null, "provider" text not null default '', "hours" numeric(6,2) not null, "completed_on" date not null, "category" text not null default '', "source" text not null default 'EXTERNAL', constraint education_hours_positive check (hours > 0));`);
    this.addSql(`create index "education_record_servant_id_index" on "education_record" ("servant_id");`);

    this.addSql(`create table "assignment" ("id" serial primary key, "servant_id" int not null, "organization_id" int not null, "department_id" int null, "position" text not null, "duties" text not null default '', "started_on" date not null, "ended_on" date null, constraint assignment_dates check (ended_on is null or ended_on >= started_on));`);
    this.addSql(`create index "assignment_servant_id_index" on "assignment" ("servant_id");`);

    this.addSql(`create table "account" ("id" serial primary key, "email" text not null, "display_name" text not null, "password_hash" text null, "roles" text[] not null, "organization_id" int null, "servant_id" int null, "failed_login_count" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null default now(), constraint account_servant_link check (not ('SERVANT' = any(roles)) or servant_id is not null), constraint account_org_admin_scope check (not ('ORG_ADMIN' = any(roles)) or organization_id is not null), constraint account_roles_known check (roles <@ array['SERVANT','ORG_ADMIN','INSTITUTE_ADMIN','REPORTER']::text[] and cardinality(roles) > 0));`);
    this.addSql(`alter table "account" add constraint "account_email_unique" unique ("email");`);
    this.addSql(`alter table "account" add constraint "account_servant_id_unique" unique ("servant_id");`);

    this.addSql(`create table "session" ("id" uuid not null, "account_id" int not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" text null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);

    this.addSql(`create table "system_secret" ("name" text not null, "value" text not null, constraint "system_secret_pkey" primary key ("name"));`);

    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "servant" add constraint "servant_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "servant" add constraint "servant_department_id_foreign" foreign key ("department_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "education_record" add constraint "education_record_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "assignment" add constraint "assignment_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "assignment" add constraint "assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "assignment" add constraint "assignment_department_id_foreign" foreign key ("department_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "account" add constraint "account_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organization" drop constraint "organization_parent_id_foreign";`);

    this.addSql(`alter table "servant" drop constraint "servant_organization_id_foreign";`);

    this.addSql(`alter table "servant" drop constraint "servant_department_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_organization_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_department_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_organization_id_foreign";`);

    this.addSql(`alter table "education_record" drop constraint "education_record_servant_id_foreign";`);

    this.addSql(`alter table "assignment" drop constraint "assignment_servant_id_foreign";`);

    this.addSql(`alter table "account" drop constraint "account_servant_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_account_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "personal_data_access_log" cascade;`);

    this.addSql(`drop table if exists "servant" cascade;`);

    this.addSql(`drop table if exists "education_record" cascade;`);

    this.addSql(`drop table if exists "assignment" cascade;`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "system_secret" cascade;`);
  }

}
