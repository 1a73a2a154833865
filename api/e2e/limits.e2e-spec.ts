import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

let t: TestApp;
let token: string;
let baseline: number;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.login(DEMO.admin);
  // What a trivial operation costs in statements (the session lookup): a refused operation
  // must cost no more, i.e. no resolver ran.
  baseline = await t.countStatements(() => t.gql(`{ __typename }`, {}, { token }));
});
afterAll(() => t?.stop());

async function refused(query: string, variables: Record<string, unknown> = {}) {
  let r: any;
  const statements = await t.countStatements(async () => {
    r = await t.gql(query, variables, { token });
  });
  expect(r.data ?? null).toBeNull();
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(statements).toBe(baseline);
  return r.errors[0] as { message: string; extensions: Record<string, unknown> };
}

describe('operation limits over HTTP', () => {
  it('refuses a query deeper than the limit before any resolver runs', async () => {
    const deep = `{ organizations { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    const e = await refused(deep);
    expect(e.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.message).toMatch(/depth/i);
  });

  it('refuses a query costlier than the limit, with the cost in the error', async () => {
    const servants = `edges { node { educationRecords { title } assignments { position organization { name } } } }`;
    const costly = `{ organizations(first: 100) { edges { node { a: servants(first: 100) { ${servants} } b: servants(last: 100) { ${servants} } c: servants(first: 100) { ${servants} } } } } }`;
    const e = await refused(costly);
    expect(e.extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(e.extensions.cost as number).toBeGreaterThan(e.extensions.maxCost as number);
    expect(e.message).toContain('쿼리 비용');
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: servants(first: 1) { totalCount }`).join(' ');
    const e = await refused(`{ ${aliases} }`);
    expect(e.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(e.message).toMatch(/alias/i);
  });

  it('refuses a too-large first or last, also through a variable', async () => {
    const e = await refused(`{ servants(first: 101) { totalCount } }`);
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    expect(e.message).toBe('first는 0 이상 100 이하여야 합니다.');
    const v = await refused(`query($n: Int) { organizations { edges { node { servants(last: $n) { totalCount } } } } }`, { n: 500 });
    expect(v.message).toContain('last');
  });

  it('refuses more than 100 ids in nodes()', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Servant:${i + 1}`).toString('base64url'));
    const e = await refused(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 2500 }, () => '__typename').join(' ');
    const e = await refused(`{ ${fields} }`);
    expect(e.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(e.message).toMatch(/tokens/);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await fetch(t.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batch/i);
  });

  it('blocks requests a browser could send cross-site (CSRF prevention)', async () => {
    const get = await fetch(`${t.httpUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const plain = await fetch(t.httpUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(plain.status).toBe(400);
  });
});

describe('operation limits over WebSocket', () => {
  it('applies the same depth and cost limits to subscriptions', async () => {
    const client = t.ws(token);
    const deep = nextResults(
      client,
      `subscription { servantChanged { servant { organization { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`,
      {},
      1,
    );
    await expect(deep.done).rejects.toThrow(/depth/i);
    const big = nextResults(client, `subscription { servantChanged { servant { organization { servants(first: 101) { totalCount } } } } }`, {}, 1);
    await expect(big.done).rejects.toThrow(/100/);
  });
});

describe('error masking', () => {
  it('hides SQL, stack traces and paths behind a fixed message and an error id that is in the log', async () => {
    // A fault the API cannot expect: a table has gone missing under it.
    await t.sql(`alter table assignment rename to assignment_broken`);
    try {
      const r = await t.gql(`{ servants(first: 5) { edges { node { name assignments { duties } } } } }`, {}, { token });
      const e = r.errors![0];
      expect(e.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(e.message).toMatch(/^내부 오류가 발생했습니다\. 오류 ID: [0-9a-f-]{36}$/);
      const body = JSON.stringify(r.raw);
      for (const leak of ['select ', 'assignment_broken', '"assignment"', 'relation', 'does not exist', 'stack', '/work', '.ts:', '.js:', 'node_modules']) expect(body).not.toContain(leak);
      const errorId = e.extensions?.errorId as string;
      const logged = t.logs.find((l) => l.includes(errorId));
      expect(logged).toBeDefined();
      expect(logged).toContain('does not exist');
      // The log keeps the database's reason but not the statement, whose values may be personal data.
      expect(logged).not.toMatch(/select .* from/i);
    } finally {
      await t.sql(`alter table assignment_broken rename to assignment`);
    }
  });
});

describe('production mode', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ databaseUrl: t.databaseUrl, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => prod?.stop());

  it('turns off introspection and field suggestions', async () => {
    const ptoken = await prod.login(DEMO.admin);
    const intro = await prod.gql(`{ __schema { types { name } } }`, {}, { token: ptoken });
    expect(intro.errors?.[0].message).toMatch(/introspection/i);
    const typo = await prod.gql(`{ servantz { totalCount } }`, {}, { token: ptoken });
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    const dev = await t.gql(`{ servantz { totalCount } }`, {}, { token });
    expect(dev.errors?.[0].message).toMatch(/Did you mean/);
  });
});
