import type { EntityManager } from '@mikro-orm/postgresql';

/** Settings kept as data, editable by institute administrators, with their defaults. */
export const SETTING_DEFAULTS = {
  /**
   * Credits per hour when the year has no credit policy yet (a 90-minute lecture earns 1.5).
   * The value in force is the year's `credit_policy.credits_per_hour`.
   */
  creditsPerHour: '1',
  /** Cosine similarity above which a new request joins an existing demand. */
  demandGroupingThreshold: 0.3,
  /** Requesters a demand needs to be "in demand" (the rule of five, applied to demand). */
  demandMinimumRequesters: 5,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends string ? string : number;

/** Reads and writes platform settings (one row per key in `platform_setting`). */
export class PlatformSettingsService {
  constructor(private readonly em: EntityManager) {}

  async get<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
    const [row] = await this.em.getConnection().execute<{ value: unknown }[]>(`select value from platform_setting where key = ?`, [key], 'all', this.em.getTransactionContext());
    return (row ? row.value : SETTING_DEFAULTS[key]) as SettingValue<K>;
  }

  async set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
    await this.em
      .getConnection()
      .execute(
        `insert into platform_setting (key, value) values (?, ?::jsonb) on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [key, JSON.stringify(value)],
        'run',
        this.em.getTransactionContext(),
      );
  }
}
