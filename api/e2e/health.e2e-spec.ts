import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.stop());

describe('health and demo data', () => {
  it('answers /healthz and /readyz', async () => {
    const base = t.httpUrl.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves the seeded province, its 31 cities and counties and about 300 servants', async () => {
    const token = await t.login(DEMO.admin);
    const r = await t.gql(
      `{ organizations(first: 100, filter: { kind: CITY }) { totalCount edges { node { name code } } }
         counties: organizations(filter: { kind: COUNTY }) { totalCount }
         servants(first: 1) { totalCount } }`,
      {},
      { token },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.organizations.totalCount).toBe(28);
    expect(r.data.counties.totalCount).toBe(3);
    expect(r.data.organizations.edges.map((e: any) => e.node.name)).toContain('수원시');
    expect(r.data.servants.totalCount).toBe(300);
  });
});
