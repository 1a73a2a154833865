import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.stop());

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  it('passes every MUST audit', async () => {
    const results = await Promise.all(serverAudits({ url: () => t.httpUrl, fetchFn: fetch }).map((audit) => audit.fn().then((r) => ({ ...r, name: audit.name }))));
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
    const failedMust = results.filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'));
    expect(failedMust.map((r) => `${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
  });
});
