import { Migration } from '@mikro-orm/migrations';

export class Migration20261129031044 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "category" ("id" serial primary key, "code" text not null, "name" text not null, "parent_id" int null, "sort_order" int not null default 0);`);
    this.addSql(`alter table "category" add constraint "category_code_unique" unique ("code");`);

    this.addSql(`create table "course" ("id" serial primary key, "code" text not null, "title" text not null, "title_key" text not null, "description" text not null default '', "category_id" int not null, "tags" text[] not null default '{}', "length_minutes" smallint not null, "credit_value" numeric(6,2) not null, "format" text check ("format" in ('IN_PERSON', 'LIVE_ONLINE', 'RECORDED')) not null, "status" text check ("status" in ('ACTIVE', 'RETIRED')) not null default 'ACTIVE', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint course_credit_nonnegative check (credit_value >= 0), constraint course_length_range check (length_minutes between 60 and 120));`);
    this.addSql(`alter table "course" add constraint "course_code_unique" unique ("code");`);
    this.addSql(`create index "course_category_id_index" on "course" ("category_id");`);
    this.addSql(`create index "course_title_key" on "course" ("title_key");`);

    this.addSql(`create table "demand" ("id" serial primary key, "label" text not null, "category_id" int null, "status" text check ("status" in ('OPEN', 'PLANNED', 'DECLINED')) not null default 'OPEN', "decline_reason" text null, "merged_into_id" int null, "threshold_reached_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);

    this.addSql(`create table "course_demand" ("course_id" int not null, "demand_id" int not null, constraint "course_demand_pkey" primary key ("course_id", "demand_id"));`);

    this.addSql(`create table "enrollment_round" ("id" serial primary key, "month" text not null, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "status" text check ("status" in ('DRAFT', 'OPEN', 'CLOSED')) not null default 'DRAFT', "minimum_registrants" smallint not null default 5, "opened_at" timestamptz null, "closed_at" timestamptz null, "created_at" timestamptz not null default now(), constraint enrollment_round_minimum check (minimum_registrants between 1 and 1000), constraint enrollment_round_window check (closes_at > opens_at), constraint enrollment_round_month check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])\$'));`);
    this.addSql(`alter table "enrollment_round" add constraint "enrollment_round_month_unique" unique ("month");`);

    this.addSql(`create table "course_offering" ("id" serial primary key, "round_id" int not null, "course_id" int not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "place" text null, "online_url" text null, "capacity" int not null, "minimum_registrants" smallint null, "instructor_name" text null, "eligible_organization_ids" int[] not null default '{}', "status" text check ("status" in ('SCHEDULED', 'CONFIRMED', 'CANCELLED', 'COMPLETED')) not null default 'SCHEDULED', "created_at" timestamptz not null default now(), constraint course_offering_minimum check (minimum_registrants is null or minimum_registrants between 1 and 1000), constraint course_offering_capacity check (capacity between 1 and 10000), constraint course_offering_slot check (ends_at > starts_at));`);
    this.addSql(`create index "course_offering_round_id_index" on "course_offering" ("round_id");`);
    this.addSql(`create index "course_offering_course_id_index" on "course_offering" ("course_id");`);

    this.addSql(`create table "learning_resource" ("id" serial primary key, "course_id" int not null, "title" text not null, "url" text not null, "provider" text not null default '', "kind" text check ("kind" in ('VIDEO', 'DOCUMENT', 'WEBSITE', 'BOOK', 'DATASET')) not null);`);
    this.addSql(`create index "learning_resource_course_id_index" on "learning_resource" ("course_id");`);

    this.addSql(`create table "platform_setting" ("key" text not null, "value" jsonb not null, "updated_at" timestamptz not null default now(), constraint "platform_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "notification" ("id" serial primary key, "servant_id" int not null, "kind" text check ("kind" in ('REQUEST_GROUPED', 'DEMAND_PLANNED', 'DEMAND_DECLINED', 'ENROLLMENT_CONFIRMED', 'COURSE_DISCONTINUED', 'WAITLIST_PROMOTED')) not null, "params" jsonb not null default '{}', "dedup_key" text not null, "created_at" timestamptz not null default now(), "read_at" timestamptz null);`);
    this.addSql(`alter table "notification" add constraint "notification_dedup_key_unique" unique ("dedup_key");`);
    this.addSql(`create index "notification_servant_unread" on "notification" ("servant_id", "read_at", "id");`);

    this.addSql(`create table "email_outbox" ("id" serial primary key, "notification_id" int not null, "to_address" text not null, "subject" text not null, "body" text not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" smallint not null default 0, "last_error" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null);`);
    this.addSql(`alter table "email_outbox" add constraint "email_outbox_notification_id_unique" unique ("notification_id");`);
    this.addSql(`create index "email_outbox_pending" on "email_outbox" ("status", "id");`);

    this.addSql(`create table "enrollment" ("id" serial primary key, "offering_id" int not null, "servant_id" int not null, "status" text check ("status" in ('REGISTERED', 'WAITLISTED', 'CONFIRMED', 'CANCELLED_BY_SERVANT', 'CANCELLED_COURSE_DISCONTINUED', 'ATTENDED', 'COMPLETED', 'NO_SHOW')) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now());`);
    this.addSql(`create index "enrollment_servant_id_index" on "enrollment" ("servant_id");`);
    this.addSql(`create index "enrollment_offering_status" on "enrollment" ("offering_id", "status");`);

    this.addSql(`create table "demand_support" ("id" serial primary key, "demand_id" int not null, "servant_id" int not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "demand_support_servant_id_index" on "demand_support" ("servant_id");`);
    this.addSql(`alter table "demand_support" add constraint "demand_support_once" unique ("demand_id", "servant_id");`);

    this.addSql(`create table "synonym_group" ("id" serial primary key, "terms" text[] not null, "updated_at" timestamptz not null default now());`);

    this.addSql(`create table "training_request" ("id" serial primary key, "servant_id" int not null, "title" text not null, "description" text not null default '', "category_id" int null, "preferred_format" text check ("preferred_format" in ('IN_PERSON', 'LIVE_ONLINE', 'RECORDED')) null, "preferred_month" text null, "status" text check ("status" in ('OPEN', 'WITHDRAWN')) not null default 'OPEN', "demand_id" int null, "created_at" timestamptz not null default now(), "withdrawn_at" timestamptz null, constraint training_request_month check (preferred_month is null or preferred_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])\$'));`);
    this.addSql(`create index "training_request_servant_id_index" on "training_request" ("servant_id");`);
    this.addSql(`create index "training_request_demand" on "training_request" ("demand_id", "status");`);

    this.addSql(`alter table "category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "course" add constraint "course_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "demand" add constraint "demand_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "demand" add constraint "demand_merged_into_id_foreign" foreign key ("merged_into_id") references "demand" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "course_demand" add constraint "course_demand_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_demand" add constraint "course_demand_demand_id_foreign" foreign key ("demand_id") references "demand" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "course_offering" add constraint "course_offering_round_id_foreign" foreign key ("round_id") references "enrollment_round" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "course_offering" add constraint "course_offering_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "learning_resource" add constraint "learning_resource_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification" add constraint "notification_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "email_outbox" add constraint "email_outbox_notification_id_foreign" foreign key ("notification_id") references "notification" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "enrollment" add constraint "enrollment_offering_id_foreign" foreign key ("offering_id") references "course_offering" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "enrollment" add constraint "enrollment_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "demand_support" add constraint "demand_support_demand_id_foreign" foreign key ("demand_id") references "demand" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "demand_support" add constraint "demand_support_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "training_request" add constraint "training_request_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_request" add constraint "training_request_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "training_request" add constraint "training_request_demand_id_foreign" foreign key ("demand_id") references "demand" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "servant" drop constraint servant_grade_range;`);

    this.addSql(`alter table "servant" add constraint servant_grade_range check(grade between 1 and 9);`);


  }

  override async down(): Promise<void> {
    this.addSql(`alter table "category" drop constraint "category_parent_id_foreign";`);

    this.addSql(`alter table "course" drop constraint "course_category_id_foreign";`);

    this.addSql(`alter table "demand" drop constraint "demand_category_id_foreign";`);

    this.addSql(`alter table "training_request" drop constraint "training_request_category_id_foreign";`);

    this.addSql(`alter table "course_demand" drop constraint "course_demand_course_id_foreign";`);

    this.addSql(`alter table "course_offering" drop constraint "course_offering_course_id_foreign";`);

    this.addSql(`alter table "learning_resource" drop constraint "learning_resource_course_id_foreign";`);

    this.addSql(`alter table "demand" drop constraint "demand_merged_into_id_foreign";`);

    this.addSql(`alter table "course_demand" drop constraint "course_demand_demand_id_foreign";`);

    this.addSql(`alter table "demand_support" drop constraint "demand_support_demand_id_foreign";`);

    this.addSql(`alter table "training_request" drop constraint "training_request_demand_id_foreign";`);

    this.addSql(`alter table "course_offering" drop constraint "course_offering_round_id_foreign";`);

    this.addSql(`alter table "enrollment" drop constraint "enrollment_offering_id_foreign";`);

    this.addSql(`alter table "email_outbox" drop constraint "email_outbox_notification_id_foreign";`);

    this.addSql(`drop table if exists "category" cascade;`);

    this.addSql(`drop table if exists "course" cascade;`);

    this.addSql(`drop table if exists "demand" cascade;`);

    this.addSql(`drop table if exists "course_demand" cascade;`);

    this.addSql(`drop table if exists "enrollment_round" cascade;`);

    this.addSql(`drop table if exists "course_offering" cascade;`);

    this.addSql(`drop table if exists "learning_resource" cascade;`);

    this.addSql(`drop table if exists "platform_setting" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop table if exists "email_outbox" cascade;`);

    this.addSql(`drop table if exists "enrollment" cascade;`);

    this.addSql(`drop table if exists "demand_support" cascade;`);

    this.addSql(`drop table if exists "synonym_group" cascade;`);

    this.addSql(`drop table if exists "training_request" cascade;`);


    this.addSql(`alter table "servant" drop constraint servant_grade_range;`);

    this.addSql(`alter table "servant" add constraint servant_grade_range check((grade >= 1) AND (grade <= 9));`);

  }

}
