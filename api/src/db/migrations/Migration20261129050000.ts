import { Migration } from '@mikro-orm/migrations';

/**
 * Credit bank, second step (hand-written):
 * - indexes for the duplicate-subject rule (live entries of a servant by subject key) and for
 *   the credits of an enrollment (EARNED and its re-credits after a corrected upload);
 * - the credit policy of 2025–2027 as data: 1 credit per hour, a cap of 42 recognised
 *   outside credits a year (the Academic Credit Bank's figure), and yearly learning hours by
 *   grade — 40 h for grades 1–4, 60 h for grades 5–6, 80 h for grades 7–9 (junior grades
 *   owe more: they are the ones reviewed for promotion on training hours). Institute
 *   administrators change them with `creditPolicyUpdate`; existing rows are left alone.
 */
export class Migration20261129050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index credit_transaction_subject on credit_transaction (servant_id, subject_key) where subject_key is not null;`);
    this.addSql(`create index credit_transaction_enrollment on credit_transaction (enrollment_id) where enrollment_id is not null;`);
    this.addSql(`insert into credit_policy (year, credits_per_hour, recognized_yearly_cap, required_hours_by_grade)
      select y, 1, 42, '{"1": 40, "2": 40, "3": 40, "4": 40, "5": 60, "6": 60, "7": 80, "8": 80, "9": 80}'::jsonb
      from generate_series(2025, 2027) as y
      on conflict (year) do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from credit_policy where year between 2025 and 2027;`);
    this.addSql(`drop index credit_transaction_enrollment;`);
    this.addSql(`drop index credit_transaction_subject;`);
  }
}
