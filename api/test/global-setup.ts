import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/admin.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/seed.js';
import { acquireTestPostgres } from './shared-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL server per test run (shared with the admin app's browser tests): the embedded
 * one by default, or the server named by KOK_TEST_DATABASE_URL (CI points it at an external
 * PostgreSQL 15). A template database is migrated and seeded once; each test file clones it, so
 * files run in parallel.
 */
export default async function setup(project: TestProject) {
  const pg = await acquireTestPostgres();
  const serverUrl = pg.url;
  const templateDb = `kok_template_${process.pid}`;
  await dropDatabase(serverUrl, templateDb);
  const url = withDatabase(serverUrl, templateDb);
  await ensureDatabase(url);
  const orm = await openOrm({ url });
  await migrate(orm);
  await seedDemoIfEmpty(orm);
  await orm.close();

  project.provide('pgServerUrl', serverUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    await dropDatabase(serverUrl, templateDb).catch(() => undefined);
    await pg.release();
  };
}
