import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = await t.login(DEMO.admin);
});
afterAll(() => t?.stop());

const NESTED = `query($n: Int!) {
  organizations(first: $n) {
    totalCount
    edges { node { name parent { name } servantCount
      servants(first: $n) { totalCount edges { cursor node { name organization { name } department { name }
        assignments { position organization { name } } educationRecords { title } } } }
    } }
  }
}`;

describe('statement count of nested lists', () => {
  it('organisation → servants → assignments costs the same number of statements for first: 10 and first: 100', async () => {
    let small: any;
    let large: any;
    const s10 = await t.countStatements(async () => {
      small = await t.gql(NESTED, { n: 10 }, { token });
    });
    const s100 = await t.countStatements(async () => {
      large = await t.gql(NESTED, { n: 100 }, { token });
    });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    // The larger page really is larger: 100 organisations and many servants in the province.
    const servants = (r: any) => r.data.organizations.edges.reduce((n: number, e: any) => n + e.node.servants.edges.length, 0);
    expect(large.data.organizations.edges).toHaveLength(100);
    expect(servants(large)).toBeGreaterThan(servants(small) * 3);
    expect(s100).toBe(s10);
    // And the count is small in absolute terms: a handful per level, not per row.
    expect(s10).toBeLessThanOrEqual(15);
  });

  it('the top-level servant list with nested relations is constant too', async () => {
    const q = `query($n: Int!) { servants(first: $n) { edges { node { name organization { name parent { name } } assignments { duties department { name } } } } } }`;
    const a = await t.countStatements(() => t.gql(q, { n: 5 }, { token }));
    const b = await t.countStatements(() => t.gql(q, { n: 100 }, { token }));
    // Never more for the larger page (it can be fewer: with 100 rows some parents are already
    // loaded by the first dataloader round).
    expect(b).toBeLessThanOrEqual(a);
    expect(a).toBeLessThanOrEqual(10);
  });
});

describe('keyset pagination', () => {
  it('walks all servants forwards and backwards without gaps or repeats, with stable cursors', async () => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      servants(first: $first, after: $after, last: $last, before: $before, orderBy: { field: GRADE, direction: DESC }) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id grade } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: any = await t.gql(q, { first: 37, after }, { token });
      total = r.data.servants.totalCount;
      seen.push(...r.data.servants.edges.map((e: any) => e.node.id));
      const grades = r.data.servants.edges.map((e: any) => e.node.grade);
      expect([...grades].sort((x, y) => y - x)).toEqual(grades);
      if (!r.data.servants.pageInfo.hasNextPage) break;
      after = r.data.servants.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const back: string[] = [];
    let before: string | null = null;
    for (;;) {
      const r: any = await t.gql(q, { last: 50, before }, { token });
      back.unshift(...r.data.servants.edges.map((e: any) => e.node.id));
      if (!r.data.servants.pageInfo.hasPreviousPage) break;
      before = r.data.servants.pageInfo.startCursor;
    }
    expect(back).toEqual(seen);
  });

  it('refuses a forged cursor with a clear error', async () => {
    const r = await t.gql(`{ servants(after: "garbage") { totalCount } }`, {}, { token });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toBe('잘못된 페이지 커서입니다.');
  });
});
