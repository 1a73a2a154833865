import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { freePort } from '../src/db/embedded.js';

// The default a new user gets: no DATABASE_URL, an embedded PostgreSQL whose data lives in a
// folder and survives a restart. This file runs its own embedded server (not the shared one).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function start() {
  const config = loadConfig({ KOK_DATA_DIR: dataDir, KOK_EMBEDDED_PG_PORT: String(await freePort()), PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test' });
  return startApp(config, { log: { debug() {}, info() {}, warn() {}, error() {} } });
}

async function gql(port: number, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: any; errors?: unknown[] };
}

describe('starting on the embedded default', () => {
  it('creates, migrates and seeds the database, and a restart keeps the data (and the sessions)', async () => {
    const first = await start();
    let token: string;
    try {
      expect(first.seeded).toMatchObject({ servants: 300 });
      const login = await gql(first.port, `mutation { sessionCreate(input: { email: "admin@demo.kok.go.kr", password: "kok-demo-2026" }) { token } }`);
      token = login.data.sessionCreate.token;
      const created = await gql(
        first.port,
        `mutation($org: ID!) { servantCreate(input: { employeeNumber: "KEEP0001", name: "보존", organizationId: $org, jobSeries: "행정", grade: 9 }) { userErrors { code } } }`,
        { org: (await gql(first.port, `{ organizations(first: 1) { edges { node { id } } } }`, {}, token)).data.organizations.edges[0].node.id },
        token,
      );
      expect(created.data.servantCreate.userErrors).toEqual([]);
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      expect(second.seeded).toBeNull(); // not seeded twice
      const r = await gql(second.port, `{ servants(filter: { search: "KEEP0001" }) { totalCount } all: servants { totalCount } }`, {}, token);
      expect(r.data).toEqual({ servants: { totalCount: 1 }, all: { totalCount: 301 } });
    } finally {
      await second.stop();
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // stopped cleanly
  }, 120_000);
});
