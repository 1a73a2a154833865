/**
 * `pnpm migrate` — applies pending migrations to DATABASE_URL (deployments run this before
 * starting new API processes; `pnpm start` also applies them under an advisory lock).
 */
import { ConfigError, loadConfig } from '../config/config.js';
import { ensureDatabase } from './admin.js';
import { migrate, openOrm } from './orm.js';

try {
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('DATABASE_URL is required for `pnpm migrate` (the embedded database is migrated by `pnpm start`).');
    process.exit(1);
  }
  await ensureDatabase(config.databaseUrl);
  const orm = await openOrm({ url: config.databaseUrl });
  const pending = await orm.getMigrator().getPendingMigrations();
  await migrate(orm);
  console.log(pending.length ? `applied ${pending.length} migration(s): ${pending.map((m) => m.name).join(', ')}` : 'database is up to date');
  await orm.close();
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
