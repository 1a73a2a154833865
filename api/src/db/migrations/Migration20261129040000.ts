import { Migration } from '@mikro-orm/migrations';

/**
 * The ten catalogue categories, in every database (production too): other data refers to them
 * by code (requests, statutory-training rules, reports). Names stay editable by institute
 * administrators; codes are stable. Re-running leaves existing rows as they are.
 */
export const SEED_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'DIGITAL_AI', name: '디지털·AI' },
  { code: 'POLICY_LAW', name: '정책·법령' },
  { code: 'LEADERSHIP', name: '리더십·조직' },
  { code: 'COMMUNICATION', name: '소통·민원' },
  { code: 'FINANCE', name: '재무·회계' },
  { code: 'SAFETY', name: '안전·재난' },
  { code: 'HEALTH', name: '건강·웰빙' },
  { code: 'HUMANITIES', name: '인문·교양' },
  { code: 'LANGUAGE', name: '외국어' },
  { code: 'STATUTORY', name: '법정의무' },
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class Migration20261129040000 extends Migration {
  override async up(): Promise<void> {
    const rows = SEED_CATEGORIES.map((c, i) => `(${quote(c.code)}, ${quote(c.name)}, ${(i + 1) * 10})`).join(', ');
    this.addSql(`insert into category (code, name, sort_order) values ${rows} on conflict (code) do nothing;`);
  }

  override async down(): Promise<void> {
    // Only categories nothing refers to any more; the others are data now.
    this.addSql(
      `delete from category c where c.code in (${SEED_CATEGORIES.map((x) => quote(x.code)).join(', ')})
         and not exists (select 1 from course where category_id = c.id)
         and not exists (select 1 from category k where k.parent_id = c.id);`,
    );
  }
}
