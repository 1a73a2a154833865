import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startApp } from '../../api/src/app.js';
import { loadConfig } from '../../api/src/config/config.js';
import { dropDatabase, withDatabase } from '../../api/src/db/admin.js';
import { acquireTestPostgres } from '../../api/test/shared-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>: the real API, serving the built admin app at / */
    adminBaseUrl: string;
  }
}

const ADMIN_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = path.join(ADMIN_DIR, 'dist', 'index.html');

/** Newest modification time under the app's sources (what a build depends on). */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'index.html', 'vite.config.ts', 'package.json', 'public']) {
    const full = path.join(ADMIN_DIR, p);
    if (fs.existsSync(full)) visit(full);
  }
  return newest;
}

/** Builds the app unless admin/dist is newer than every source file (the tests run the build, as `pnpm start` serves it). */
function buildIfNeeded(): void {
  if (fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= newestSource()) return;
  const vite = path.join(ADMIN_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ADMIN_DIR, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * The admin browser tests run against the REAL API (`startApp`, the production start path, with
 * DATABASE_URL) on a database of its own on the test run's one PostgreSQL server (shared with
 * the API's tests), seeded with the demo data, on a free port; the API serves the built app at /.
 */
export default async function setup(project: TestProject) {
  buildIfNeeded();
  const pg = await acquireTestPostgres();
  const database = `kok_admin_e2e_${process.pid}`;
  const databaseUrl = withDatabase(pg.url, database);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-admin-e2e-'));
  const cleanUp = async () => {
    await dropDatabase(pg.url, database).catch(() => undefined);
    await pg.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  await dropDatabase(pg.url, database);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    KOK_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    KOK_DEMO: '1',
    // Rounds are opened by the tests; no scheduled job should race them.
    KOK_JOBS: '0',
    KOK_JWT_SECRET: 'admin-e2e-secret-that-is-long-enough-0123456789',
  });
  const quiet = () => undefined;
  const app = await startApp(config, {
    log: { debug: quiet, info: quiet, warn: quiet, error: (msg, fields) => console.error('[api]', msg, JSON.stringify(fields ?? {})) },
  }).catch(async (e: unknown) => {
    await cleanUp();
    throw e;
  });
  project.provide('adminBaseUrl', `http://127.0.0.1:${app.port}`);
  return async () => {
    await app.stop();
    await cleanUp();
  };
}
