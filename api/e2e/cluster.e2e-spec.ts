import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

// Two API processes on one database, as in a scaled deployment: subscriptions are fed by
// PostgreSQL LISTEN/NOTIFY, so an event raised through one process reaches subscribers of
// the other, and sessions work on both.
let a: TestApp;
let b: TestApp;
beforeAll(async () => {
  a = await createTestApp();
  b = await createTestApp({ databaseUrl: a.databaseUrl });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

describe('several API processes', () => {
  it('deliver a subscription event raised through another process', async () => {
    const tokenA = await a.login(DEMO.admin);
    const sub = nextResults(a.ws(tokenA), `subscription { servantChanged { kind servant { employeeNumber organization { name } } } }`, {}, 1);
    await new Promise((r) => setTimeout(r, 200));

    const tokenB = await b.login(DEMO.admin); // a session created on B …
    const orgs = await a.gql(`{ organizations(filter: { search: "가평군" }) { edges { node { id } } } }`, {}, { token: tokenB }); // … works on A
    const r = await b.gql(
      `mutation($input: ServantCreateInput!) { servantCreate(input: $input) { servant { id } userErrors { code } } }`,
      { input: { employeeNumber: 'CLUSTER01', name: '이음', organizationId: orgs.data.organizations.edges[0].node.id, jobSeries: '행정', grade: 9 } },
      { token: tokenB },
    );
    expect(r.data.servantCreate.userErrors).toEqual([]);
    const [event] = await sub.done;
    expect(event.data.servantChanged).toEqual({ kind: 'CREATED', servant: { employeeNumber: 'CLUSTER01', organization: { name: '가평군' } } });
  });

  it('refuse on every process a session revoked on one', async () => {
    const token = await a.login(DEMO.reporter);
    expect((await b.gql(`{ viewer { email } }`, {}, { token })).data.viewer.email).toBe(DEMO.reporter);
    await a.gql(`mutation { sessionRevoke(input: {}) { revoked } }`, {}, { token });
    const after = await b.gql(`{ viewer { email } }`, {}, { token });
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
