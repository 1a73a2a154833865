import crypto from 'node:crypto';
import { inject } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { type RunningApp, startApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Logger } from '../src/common/logger.js';
import { cloneDatabase, dropDatabase } from '../src/db/admin.js';
import { DEMO_PASSWORD } from '../src/db/seed/seed.js';

export const DEMO = {
  admin: 'admin@demo.kok.go.kr',
  suwonAdmin: 'suwon.admin@demo.kok.go.kr',
  seongnamAdmin: 'seongnam.admin@demo.kok.go.kr',
  reporter: 'reporter@demo.kok.go.kr',
  /** 김민준, 전산 7급, 수원시 정보통신과 */
  servantSuwon: 'gg000001@demo.kok.go.kr',
  /** 박지훈, 세무 6급, 성남시 세정과 */
  servantSeongnam: 'gg000003@demo.kok.go.kr',
  password: DEMO_PASSWORD,
};

export interface GqlResult<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
  raw: any;
}

export interface TestApp {
  app: RunningApp;
  /** The test file's own database (cloned from the migrated, seeded template). */
  databaseUrl: string;
  httpUrl: string;
  wsUrl: string;
  logs: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: { token?: string | null; headers?: Record<string, string> }): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  /** Runs `fn` and returns how many SQL statements the API issued meanwhile. */
  countStatements(fn: () => Promise<unknown>): Promise<number>;
  ws(token: string | null): Client;
  sql<R = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  /** Reuse another TestApp's database (a second API process on the same data). */
  databaseUrl?: string;
  env?: Record<string, string>;
}

/**
 * Starts the real API (the same `startApp` as production) on its own cloned database and a
 * random port. Statements are counted through MikroORM's query hook.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('templateDb');
  const ownDb = options.databaseUrl ? null : `kok_t_${crypto.randomBytes(5).toString('hex')}`;
  const databaseUrl = options.databaseUrl ?? (await cloneDatabase(serverUrl, template, ownDb!));
  const logs: string[] = [];
  const log: Logger = {
    debug: () => undefined,
    info: (m, f) => logs.push(JSON.stringify({ level: 'info', msg: m, ...f })),
    warn: (m, f) => logs.push(JSON.stringify({ level: 'warn', msg: m, ...f })),
    error: (m, f) => logs.push(JSON.stringify({ level: 'error', msg: m, ...f })),
  };
  let statements = 0;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    KOK_JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    // Scheduled jobs are driven explicitly in tests (scheduler.tickNow); one test runs pg-boss.
    KOK_JOBS: '0',
    ...options.env,
  });
  const app = await startApp(config, { log, onQuery: () => void statements++ });
  const httpUrl = `http://127.0.0.1:${app.port}/graphql`;
  const wsUrl = `ws://127.0.0.1:${app.port}/graphql`;
  const clients: Client[] = [];

  const gql: TestApp['gql'] = async (query, variables, opts = {}) => {
    const res = await fetch(httpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    // Untyped on purpose: tests assert on the JSON the server really sent.
    const raw = (await res.json().catch(() => null)) as any;
    return { status: res.status, data: raw?.data, errors: raw?.errors, raw };
  };

  const login = async (email: string, password = DEMO.password) => {
    const r = await gql<{ sessionCreate: { token: string | null; userErrors: { code: string }[] } }>(
      `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { token userErrors { code message } } }`,
      { input: { email, password } },
    );
    const token = r.data?.sessionCreate?.token;
    if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(r.raw)}`);
    return token;
  };

  return {
    app,
    databaseUrl,
    httpUrl,
    wsUrl,
    logs,
    gql,
    login,
    async countStatements(fn) {
      const before = statements;
      await fn();
      return statements - before;
    },
    ws(token) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      return client;
    },
    async sql(text, params = []) {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        return (await c.query(text, params)).rows;
      } finally {
        await c.end();
      }
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      if (ownDb) await dropDatabase(serverUrl, ownDb).catch(() => undefined);
    },
  };
}

/** Collects the next `n` results of a subscription (or fails after `timeoutMs`). */
export function nextResults<T = any>(client: Client, query: string, variables: Record<string, unknown>, n: number, timeoutMs = 10_000) {
  const results: T[] = [];
  let unsubscribe = () => undefined as void;
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${results.length}/${n} results`)), timeoutMs);
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          results.push(r as T);
          if (results.length >= n) {
            clearTimeout(timer);
            resolve(results);
          }
        },
        error: (e) => {
          clearTimeout(timer);
          // graphql-ws reports a closed socket as a CloseEvent: keep its code.
          const code = (e as { code?: number } | null)?.code;
          reject(e instanceof Error ? e : Object.assign(new Error(code ? `socket closed with ${code}` : JSON.stringify(e)), { code }));
        },
        complete: () => undefined,
      },
    );
  });
  return { done, unsubscribe: () => unsubscribe() };
}
