/**
 * Developer tool: `pnpm --filter @kok/api migration:create` — diffs the entities against a
 * scratch database migrated to the latest committed migration and writes a new migration
 * file for review. Register the new class in migrations/index.ts.
 */
import path from 'node:path';
import { REPO_ROOT } from '../config/config.js';
import { startEmbeddedPostgres, freePort } from './embedded.js';
import { dropDatabase, ensureDatabase, withDatabase } from './admin.js';
import { openOrm } from './orm.js';

const port = await freePort();
const server = await startEmbeddedPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'migration-scratch'), port, fast: true });
const url = withDatabase(server.url, 'kok_migration_scratch');
try {
  await dropDatabase(server.url, 'kok_migration_scratch');
  await ensureDatabase(url);
  const orm = await openOrm({ url });
  await orm.getMigrator().up();
  const result = await orm.getMigrator().createMigration(path.join(REPO_ROOT, 'api/src/db/migrations'), false, false, process.argv[2]);
  console.log(result.fileName ? `wrote ${result.fileName}` : 'no changes');
  await orm.close();
} finally {
  await server.stop();
}
