import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
});
afterAll(() => t?.stop());
afterEach(() => setClock());

const RECS = `{ viewer { servant { recommendations(first: 10) { score course { id title category { code name } } reasons { code message params } } } } }`;

describe('recommendations in the API', () => {
  it('a 전산 servant interested in 생성형 AI and 엑셀 gets digital courses first, with MATCHES_INTEREST naming those interests', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const r = await t.gql(RECS, {}, { token });
    expect(r.errors).toBeUndefined();
    const recs = r.data.viewer.servant.recommendations as any[];
    expect(recs).toHaveLength(10);
    const chosen = recs.filter((x) => !x.reasons.some((y: any) => y.code === 'MANDATORY_DUE'));
    // Mandatory duties are pinned (at most three), then the ranking: digital first.
    expect(recs.length - chosen.length).toBeLessThanOrEqual(3);
    expect(chosen.slice(0, 2).every((x) => x.course.category.code === 'DIGITAL_AI')).toBe(true);
    expect(chosen.filter((x) => x.course.category.code === 'DIGITAL_AI').length).toBeGreaterThanOrEqual(Math.ceil(chosen.length / 2));
    const interests = chosen
      .slice(0, 5)
      .flatMap((x) => x.reasons)
      .filter((y: any) => y.code === 'MATCHES_INTEREST')
      .map((y: any) => JSON.parse(y.params).interest);
    expect(new Set(interests)).toEqual(new Set(['생성형 AI', '엑셀']));
    const reason = chosen[0].reasons.find((y: any) => y.code === 'MATCHES_INTEREST');
    expect(reason.message).toMatch(/^관심 분야 '(생성형 AI|엑셀)' 관련 과정입니다$/);
  });

  it('a servant with an overdue mandatory course sees it first, with the rule and due date', async () => {
    // 이서연 was appointed on 2026-10-01: new appointees owe 4대 폭력예방 within two months.
    setClock(() => new Date('2026-12-15T01:00:00Z'));
    const token = await t.login(DEMO.servantSuwon.replace('gg000001', 'gg000002'));
    const r = await t.gql(RECS, {}, { token });
    const first = r.data.viewer.servant.recommendations[0];
    const reason = first.reasons.find((y: any) => y.code === 'MANDATORY_DUE');
    expect(reason).toBeDefined();
    const params = JSON.parse(reason.params);
    expect(params).toMatchObject({ status: 'OVERDUE' });
    expect(reason.message).toBe(`필수 교육 '${params.rule}'의 이수 기한(${params.dueDate})이 지났습니다`);
    // It is one of the servant's overdue rules.
    const status = await t.gql(`{ viewer { servant { mandatoryTraining(year: 2026) { status dueDate rule { name } } } } }`, {}, { token });
    const overdue = status.data.viewer.servant.mandatoryTraining.filter((m: any) => m.status === 'OVERDUE');
    expect(overdue.map((m: any) => m.rule.name)).toContain(params.rule);
  });

  it('a course the servant marked NOT_INTERESTED is not recommended again', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const before = (await t.gql(RECS, {}, { token })).data.viewer.servant.recommendations as any[];
    const target = before.find((x) => !x.reasons.some((y: any) => y.code === 'MANDATORY_DUE'));
    const fb = await t.gql(
      `mutation($id: ID!) { recommendationFeedback(input: { courseId: $id, kind: NOT_INTERESTED }) { course { id } userErrors { code } } }`,
      { id: target.course.id },
      { token },
    );
    expect(fb.data.recommendationFeedback).toEqual({ course: { id: target.course.id }, userErrors: [] });
    const after = (await t.gql(RECS, {}, { token })).data.viewer.servant.recommendations as any[];
    expect(after.map((x) => x.course.id)).not.toContain(target.course.id);
  });

  it('administrators in scope see a servant\'s recommendations; other servants and other scopes do not', async () => {
    const admin = await t.login(DEMO.suwonAdmin);
    const id = (await t.gql(`{ servants(filter: { search: "GG000001" }) { edges { node { id } } } }`, {}, { token: admin })).data.servants.edges[0].node.id;
    const q = `query($id: ID!) { node(id: $id) { ... on Servant { recommendations(first: 3) { course { title } } } } }`;
    expect((await t.gql(q, { id }, { token: admin })).data.node.recommendations).toHaveLength(3);
    const seongnam = await t.login(DEMO.seongnamAdmin);
    expect((await t.gql(q, { id }, { token: seongnam })).data.node).toBeNull();
    const logged = await t.sql(`select count(*)::int as n from personal_data_access_log where action = 'READ_RECOMMENDATIONS'`);
    expect(logged[0].n).toBeGreaterThan(0);
  });

  it('subjects worth exploring come with reasons', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const r = await t.gql(`{ viewer { servant { recommendedSubjects(first: 3) { kind subject courses { title } reasons { code message } } } } }`, {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer.servant.recommendedSubjects.length).toBeGreaterThan(0);
    expect(r.data.viewer.servant.recommendedSubjects[0].reasons.length).toBeGreaterThan(0);
  });

  it('refits on demand for institute administrators only', async () => {
    const admin = await t.login(DEMO.admin);
    const r = await t.gql(`mutation { recommenderRefit { status { strategy fittedAt } userErrors { code } } }`, {}, { token: admin });
    expect(r.data.recommenderRefit.status.strategy).toBe('hybrid');
    const servant = await t.login(DEMO.servantSuwon);
    expect((await t.gql(`mutation { recommenderRefit { userErrors { code } } }`, {}, { token: servant })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('swapping the strategy by setting', () => {
  it('changes the answers without code changes: a registered name, or a module path', async () => {
    const token = await t.login(DEMO.servantSuwon);
    const hybrid = (await t.gql(RECS, {}, { token })).data.viewer.servant.recommendations.map((x: any) => x.course.id);

    const popular = await createTestApp({ databaseUrl: t.databaseUrl, env: { KOK_RECOMMENDER: 'popularity' } });
    try {
      const p = (await popular.gql(RECS, {}, { token: await popular.login(DEMO.servantSuwon) })).data.viewer.servant.recommendations.map((x: any) => x.course.id);
      expect(p).not.toEqual(hybrid);
    } finally {
      await popular.stop();
    }

    // A third party's strategy: a module exporting a factory (see the README).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-strategy-'));
    const file = path.join(dir, 'alphabetical.mjs');
    fs.writeFileSync(
      file,
      `export default function createStrategy() {
        let courses = [];
        return {
          name: 'alphabetical',
          fit(snapshot) { courses = [...snapshot.courses].sort((a, b) => a.title.localeCompare(b.title, 'ko')); },
          recommend(_servant, { k }) { return courses.slice(0, k).map((c, i) => ({ courseId: c.id, score: k - i, reasons: [] })); },
          recommendSubjects() { return []; },
        };
      }`,
    );
    const custom = await createTestApp({ databaseUrl: t.databaseUrl, env: { KOK_RECOMMENDER: file } });
    try {
      const r = await custom.gql(`{ viewer { servant { recommendations(first: 3) { course { title } } } } }`, {}, { token: await custom.login(DEMO.servantSuwon) });
      const titles = r.data.viewer.servant.recommendations.map((x: any) => x.course.title);
      const all = (await t.sql(`select title from course where status = 'ACTIVE'`)).map((x) => x.title as string).sort((a, b) => a.localeCompare(b, 'ko'));
      expect(titles).toEqual(all.slice(0, 3));
    } finally {
      await custom.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
