import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

// Credits per hour has one source: the credit bank's policy of the year. The catalogue's
// credit values and the platform settings read it; changing either side changes both.
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin);
});
afterAll(() => t?.stop());

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric' }).format(new Date()));
const COURSE = `{ courses(first: 1, filter: { search: "생성형 AI 업무 활용" }) { edges { node { lengthMinutes creditValue } } } platformSettings { creditsPerHour } }`;

describe('credits per hour', () => {
  it('a change of this year\'s credit policy shows in the catalogue and the settings', async () => {
    const grades = Array.from({ length: 9 }, (_, i) => ({ grade: i + 1, hours: '60' }));
    const r = await t.gql(
      `mutation($input: CreditPolicyUpdateInput!) { creditPolicyUpdate(input: $input) { userErrors { code message } } }`,
      { input: { year, creditsPerHour: '2', recognizedYearlyCap: '42', requiredHoursByGrade: grades } },
      { token: admin },
    );
    expect(r.data.creditPolicyUpdate.userErrors).toEqual([]);
    const c = await t.gql(COURSE, {}, { token: admin });
    const course = c.data.courses.edges[0].node;
    expect(c.data.platformSettings.creditsPerHour).toBe('2');
    expect(Number(course.creditValue)).toBe((course.lengthMinutes / 60) * 2);
  });

  it('a change through platformSettingsUpdate is this year\'s policy', async () => {
    const r = await t.gql(`mutation { platformSettingsUpdate(input: { creditsPerHour: "1.5" }) { userErrors { code } } }`, {}, { token: admin });
    expect(r.data.platformSettingsUpdate.userErrors).toEqual([]);
    const policy = await t.gql(`query($y: Int!) { creditPolicy(year: $y) { creditsPerHour } }`, { y: year }, { token: admin });
    expect(policy.data.creditPolicy.creditsPerHour).toBe('1.5');
    expect(await t.sql(`select 1 from platform_setting where key = 'creditsPerHour'`)).toEqual([]);
  });
});
