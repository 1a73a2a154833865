import { Migration } from '@mikro-orm/migrations';
import { normalizeTitleKey } from '@kok/korean-text';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Statutory-training rules of DOMAIN.md, as production data. Each points at the 법정의무
 * category (STATUTORY, seeded by Migration20261129040000) narrowed by a topic keyword, so that
 * an anti-corruption lecture does not count toward security training. Hours the law leaves to
 * the institute are 1 hour. Institute administrators edit all of this through the API.
 */
const RULES: { name: string; keyword: string; hours: string; frequency: string; gradeMax?: number; trigger?: string; withinMonths?: number; legalBasis: string }[] = [
  { name: '4대 폭력예방 교육', keyword: '폭력예방', hours: '4', frequency: 'YEARLY', legalBasis: '「양성평등기본법」 제31조, 「성매매방지 및 피해자보호 등에 관한 법률」 제5조, 「성폭력방지 및 피해자보호 등에 관한 법률」 제5조, 「가정폭력방지 및 피해자보호 등에 관한 법률」 제4조의3 (각 1시간 이상, 연 4시간)' },
  { name: '4대 폭력예방 교육 (신규임용자)', keyword: '폭력예방', hours: '4', frequency: 'ONCE_WITHIN_MONTHS', trigger: 'NEW_APPOINTMENT', withinMonths: 2, legalBasis: '「양성평등기본법 시행령」 제20조: 신규 임용 후 2개월 이내 실시' },
  { name: '4대 폭력예방 교육 (관리자)', keyword: '폭력예방 관리자', hours: '1', frequency: 'YEARLY', gradeMax: 5, legalBasis: '「양성평등기본법 시행령」 제20조: 5급 이상 관리자 별도 교육' },
  { name: '부패방지 교육', keyword: '부패방지', hours: '2', frequency: 'YEARLY', legalBasis: '「부패방지 및 국민권익위원회의 설치와 운영에 관한 법률」 제81조의2 (연 2시간 이상)' },
  { name: '청탁금지법 교육', keyword: '청탁금지', hours: '1', frequency: 'YEARLY', legalBasis: '「부정청탁 및 금품등 수수의 금지에 관한 법률」 제19조 (연 1회 이상)' },
  { name: '공무원 행동강령 교육', keyword: '행동강령', hours: '1', frequency: 'YEARLY', legalBasis: '「공무원 행동강령」 제24조 (연 1회 이상)' },
  { name: '보안 교육', keyword: '보안', hours: '1', frequency: 'TWICE_A_YEAR', legalBasis: '「보안업무규정」 및 「국가정보보안 기본지침」 (반기 1회 이상)' },
  { name: '비상대비 교육', keyword: '비상대비', hours: '1', frequency: 'TWICE_A_YEAR', legalBasis: '「비상대비에 관한 법률」 제10조 (반기 1회 이상)' },
  { name: '자살예방 교육', keyword: '자살예방', hours: '1', frequency: 'YEARLY', legalBasis: '「자살예방 및 생명존중문화 조성을 위한 법률」 제17조의2 (연 1시간 이상)' },
  { name: '장애인식개선 교육', keyword: '장애인식', hours: '1', frequency: 'YEARLY', legalBasis: '「장애인고용촉진 및 직업재활법」 제5조의2, 「장애인복지법」 제25조 (시간은 인재개발원이 정함)' },
  { name: '개인정보보호 교육', keyword: '개인정보', hours: '1', frequency: 'YEARLY', legalBasis: '「개인정보 보호법」 제28조 (시간은 인재개발원이 정함)' },
];

/** Certification programmes offered from the start. Categories by code; required courses by title (linked to the course when it exists). */
const PROGRAMS: { code: string; name: string; description: string; total: string; windowMonths: number | null; validityMonths: number | null; minimums: [string, string][]; courses: string[] }[] = [
  {
    code: 'DIGITAL_ADMIN_EXPERT',
    name: '디지털 행정 전문가',
    description: '디지털·AI 역량으로 행정을 혁신하는 공무원 인증. 총 12학점(디지털·AI 6학점 이상)과 「생성형 AI 업무 활용」 이수가 필요합니다.',
    total: '12',
    windowMonths: null,
    validityMonths: 36,
    minimums: [['DIGITAL_AI', '6']],
    courses: ['생성형 AI 업무 활용'],
  },
  {
    code: 'CIVIL_COMMUNICATION_EXPERT',
    name: '민원 소통 전문가',
    description: '최근 2년 동안 총 10학점(소통·민원 5학점 이상)을 이수한 공무원 인증.',
    total: '10',
    windowMonths: 24,
    validityMonths: 24,
    minimums: [['COMMUNICATION', '5']],
    courses: [],
  },
  {
    code: 'SAFETY_MANAGEMENT_EXPERT',
    name: '재난안전 관리 전문가',
    description: '총 8학점(안전·재난 4학점 이상)을 이수한 공무원 인증.',
    total: '8',
    windowMonths: null,
    validityMonths: 24,
    minimums: [['SAFETY', '4']],
    courses: [],
  },
];

/**
 * Mandatory training rules, certification programmes and awarded certifications (generated
 * tables), the CERTIFICATION_AWARDED notification kind, and the production seed above.
 */
export class Migration20261129051000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "certification_program" ("id" serial primary key, "code" text not null, "name" text not null, "description" text not null default '', "total_credits" numeric(8,2) not null, "window_months" smallint null, "validity_months" smallint null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint certification_program_values check (total_credits > 0 and (window_months is null or window_months between 1 and 240) and (validity_months is null or validity_months between 1 and 240)));`);
    this.addSql(`alter table "certification_program" add constraint "certification_program_code_unique" unique ("code");`);
    this.addSql(`create table "certification_program_category_minimum" ("program_id" int not null, "category_id" int not null, "credits" numeric(8,2) not null, constraint "certification_program_category_minimum_pkey" primary key ("program_id", "category_id"), constraint certification_minimum_positive check (credits > 0));`);
    this.addSql(`create table "certification_program_required_course" ("id" serial primary key, "program_id" int not null, "course_id" int null, "title" text not null, "title_key" text not null);`);
    this.addSql(`alter table "certification_program_required_course" add constraint "certification_required_course_once" unique ("program_id", "title_key");`);
    this.addSql(`create table "mandatory_training_rule" ("id" serial primary key, "name" text not null, "grade_min" smallint null, "grade_max" smallint null, "job_series" text[] not null default '{}', "organization_ids" int[] not null default '{}', "trigger" text check ("trigger" in ('NONE', 'NEW_APPOINTMENT', 'PROMOTION')) not null default 'NONE', "course_id" int null, "category_id" int null, "topic_keyword" text null, "hours" numeric(6,2) not null, "frequency" text check ("frequency" in ('YEARLY', 'TWICE_A_YEAR', 'ONCE_WITHIN_MONTHS')) not null, "within_months" smallint null, "legal_basis" text not null default '', "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint mandatory_rule_once_needs_trigger check (frequency <> 'ONCE_WITHIN_MONTHS' or trigger <> 'NONE'), constraint mandatory_rule_months check ((frequency = 'ONCE_WITHIN_MONTHS') = (within_months is not null) and (within_months is null or within_months between 1 and 60)), constraint mandatory_rule_hours check (hours > 0), constraint mandatory_rule_grades check ((grade_min is null or grade_min between 1 and 9) and (grade_max is null or grade_max between 1 and 9) and (grade_min is null or grade_max is null or grade_min <= grade_max)), constraint mandatory_rule_target check ((course_id is null) <> (category_id is null)));`);
    this.addSql(`alter table "mandatory_training_rule" add constraint "mandatory_training_rule_name_unique" unique ("name");`);
    this.addSql(`create table "certification" ("id" serial primary key, "program_id" int not null, "servant_id" int not null, "cycle" smallint not null, "awarded_at" timestamptz not null, "expires_at" timestamptz null, "verification_code" text not null, "credits_counted" numeric(8,2) not null, "ledger_watermark" bigint not null);`);
    this.addSql(`alter table "certification" add constraint "certification_verification_code_unique" unique ("verification_code");`);
    this.addSql(`create index "certification_servant" on "certification" ("servant_id", "id");`);
    this.addSql(`alter table "certification" add constraint "certification_once_per_cycle" unique ("program_id", "servant_id", "cycle");`);
    this.addSql(`alter table "certification_program_category_minimum" add constraint "certification_program_category_minimum_program_id_foreign" foreign key ("program_id") references "certification_program" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certification_program_category_minimum" add constraint "certification_program_category_minimum_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certification_program_required_course" add constraint "certification_program_required_course_program_id_foreign" foreign key ("program_id") references "certification_program" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "certification_program_required_course" add constraint "certification_program_required_course_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "mandatory_training_rule" add constraint "mandatory_training_rule_course_id_foreign" foreign key ("course_id") references "course" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mandatory_training_rule" add constraint "mandatory_training_rule_category_id_foreign" foreign key ("category_id") references "category" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certification" add constraint "certification_program_id_foreign" foreign key ("program_id") references "certification_program" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "certification" add constraint "certification_servant_id_foreign" foreign key ("servant_id") references "servant" ("id") on update cascade on delete restrict;`);
    // Adds the notification kind to whatever list the check holds now (other modules add theirs too).
    this.addSql(`do $$ declare def text; begin
      select pg_get_constraintdef(oid) into def from pg_constraint where conrelid = 'notification'::regclass and conname = 'notification_kind_check';
      if def is not null and position('CERTIFICATION_AWARDED' in def) = 0 then
        execute 'alter table notification drop constraint notification_kind_check';
        execute 'alter table notification add constraint notification_kind_check ' || regexp_replace(def, '''::text\\]', '''::text, ''CERTIFICATION_AWARDED''::text]');
      end if;
    end $$;`);

    for (const r of RULES) {
      this.addSql(
        `insert into mandatory_training_rule (name, grade_max, trigger, category_id, topic_keyword, hours, frequency, within_months, legal_basis)
         select ${q(r.name)}, ${r.gradeMax ?? 'null'}, ${q(r.trigger ?? 'NONE')}, c.id, ${q(r.keyword)}, ${r.hours}, ${q(r.frequency)}, ${r.withinMonths ?? 'null'}, ${q(r.legalBasis)}
         from category c where c.code = 'STATUTORY' on conflict (name) do nothing;`,
      );
    }
    for (const p of PROGRAMS) {
      this.addSql(
        `insert into certification_program (code, name, description, total_credits, window_months, validity_months)
         values (${q(p.code)}, ${q(p.name)}, ${q(p.description)}, ${p.total}, ${p.windowMonths ?? 'null'}, ${p.validityMonths ?? 'null'}) on conflict (code) do nothing;`,
      );
      for (const [category, credits] of p.minimums) {
        this.addSql(
          `insert into certification_program_category_minimum (program_id, category_id, credits)
           select p.id, c.id, ${credits} from certification_program p, category c where p.code = ${q(p.code)} and c.code = ${q(category)} on conflict do nothing;`,
        );
      }
      for (const title of p.courses) {
        const key = normalizeTitleKey(title);
        this.addSql(
          `insert into certification_program_required_course (program_id, course_id, title, title_key)
           select p.id, (select id from course where title_key = ${q(key)} order by status, id limit 1), ${q(title)}, ${q(key)}
           from certification_program p where p.code = ${q(p.code)} on conflict do nothing;`,
        );
      }
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certification" cascade;`);
    this.addSql(`drop table if exists "certification_program_required_course" cascade;`);
    this.addSql(`drop table if exists "certification_program_category_minimum" cascade;`);
    this.addSql(`drop table if exists "certification_program" cascade;`);
    this.addSql(`drop table if exists "mandatory_training_rule" cascade;`);
    this.addSql(`do $$ declare def text; begin
      select pg_get_constraintdef(oid) into def from pg_constraint where conrelid = 'notification'::regclass and conname = 'notification_kind_check';
      if def is not null and position('CERTIFICATION_AWARDED' in def) > 0 then
        execute 'alter table notification drop constraint notification_kind_check';
        execute 'alter table notification add constraint notification_kind_check ' || replace(def, ', ''CERTIFICATION_AWARDED''::text', '');
      end if;
    end $$;`);
  }
}
