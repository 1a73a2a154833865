import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, withDatabase } from '../src/db/admin.js';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate, openOrm } from '../src/db/orm.js';
import { seedDemoIfEmpty } from '../src/db/seed/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}

/**
 * One PostgreSQL server per test run: the embedded one by default, or the server named by
 * KOK_TEST_DATABASE_URL (CI points it at an external PostgreSQL 15). A template database is
 * migrated and seeded once; each test file clones it, so files run in parallel.
 */
export default async function setup(project: TestProject) {
  const external = process.env.KOK_TEST_DATABASE_URL;
  let stopServer: (() => Promise<void>) | null = null;
  let serverUrl: string;
  let dataDir: string | null = null;
  if (external) {
    serverUrl = external;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-test-pg-'));
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), fast: true });
    serverUrl = server.url;
    stopServer = server.stop;
  }
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
    if (stopServer) await stopServer();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
