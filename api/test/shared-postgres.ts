import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded.js';

/**
 * The one PostgreSQL server of a test run. Every Vitest project's global setup (the API's, the
 * admin app's) runs in the same process; they share the server through `globalThis` (each
 * project loads its own copy of this module) and the last one to release it stops it. With
 * KOK_TEST_DATABASE_URL, that server is used and nothing is started.
 */
interface Shared {
  refs: number;
  server: Promise<{ url: string; stop(): Promise<void> }>;
}

const KEY = Symbol.for('kok.test.postgres');

async function start(): Promise<{ url: string; stop(): Promise<void> }> {
  const external = process.env.KOK_TEST_DATABASE_URL;
  if (external) return { url: external, stop: async () => undefined };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), fast: true });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's server URL (no database name) and a release function to call once at teardown. */
export async function acquireTestPostgres(): Promise<{ url: string; release(): Promise<void> }> {
  const g = globalThis as unknown as Record<symbol, Shared | undefined>;
  const shared = (g[KEY] ??= { refs: 0, server: start() });
  shared.refs++;
  let server: Awaited<Shared['server']>;
  try {
    server = await shared.server;
  } catch (e) {
    if (--shared.refs === 0) g[KEY] = undefined;
    throw e;
  }
  let released = false;
  return {
    url: server.url,
    release: async () => {
      if (released) return;
      released = true;
      if (--shared.refs > 0) return;
      g[KEY] = undefined;
      await server.stop();
    },
  };
}
