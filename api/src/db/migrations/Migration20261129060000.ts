import { Migration } from '@mikro-orm/migrations';

/** Feedback on recommendations (one row per servant and course; the latest reaction wins). */
export class Migration20261129060000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "recommendation_feedback" ("id" serial primary key, "servant_id" int not null, "course_id" int not null,
      "kind" text check ("kind" in ('INTERESTED', 'NOT_INTERESTED')) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "recommendation_feedback" add constraint "recommendation_feedback_once" unique ("servant_id", "course_id");`);
    this.addSql(`alter table "recommendation_feedback" add constraint "recommendation_feedback_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "recommendation_feedback" add constraint "recommendation_feedback_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recommendation_feedback" cascade;`);
  }
}
