import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

// Requests → demand → course, through the API. The demo's own requests are checked first,
// then removed so that each test below builds exactly the demands it asserts on.
let t: TestApp;
let admin: string;
let suwonAdmin: string;
let reporter: string;
/** Servants with a login: index 0 is 김민준 (수원시), 1 is 박지훈 (성남시), then 40 more. */
let servants: { token: string; servantId: number }[] = [];

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const dbId = (g: string) => Number(Buffer.from(g, 'base64url').toString('utf8').split(':')[1]);

const SUBMIT = `mutation($input: TrainingRequestSubmitInput!) { trainingRequestSubmit(input: $input) {
  trainingRequest { id title status } demand { id label status requesterCount } userErrors { code message field } } }`;
const SUPPORT = `mutation($id: ID!) { demandSupport(input: { demandId: $id }) { demand { id requesterCount viewerIsRequester } userErrors { code message field } } }`;
const WITHDRAW = `mutation($id: ID!) { trainingRequestWithdraw(input: { id: $id }) { trainingRequest { id status withdrawnAt } userErrors { code message field } } }`;
const DEMAND = `query($id: ID!) { node(id: $id) { ... on Demand { id label status declineReason requesterCount mergedInto { id } category { name }
  requests(first: 100) { totalCount edges { node { id title servant { id name } } } } courses { id title } } } }`;

async function submit(token: string, title: string, description = '', extra: Record<string, unknown> = {}) {
  const r = await t.gql(SUBMIT, { input: { title, description, ...extra } }, { token });
  expect(r.errors).toBeUndefined();
  return r.data.trainingRequestSubmit;
}

async function demand(id: string, token = admin) {
  const r = await t.gql(DEMAND, { id }, { token });
  expect(r.errors).toBeUndefined();
  return r.data.node;
}

async function notifications(kind: string) {
  return t.sql<{ servant_id: number; params: Record<string, unknown> }>(`select servant_id, params from notification where kind = $1 order by id`, [kind]);
}

async function snapshot() {
  return t.sql(`select (select json_agg(d order by d.id) from demand d) as d, (select json_agg(r order by r.id) from training_request r) as r,
    (select json_agg(s order by s.id) from demand_support s) as s, (select count(*) from notification) as n, (select count(*) from course) as c`);
}

const SAME_WISH = [
  ['챗GPT로 보고서 초안 쓰는 법 배우고 싶어요', ''],
  ['생성형 AI 활용한 공문서 작성 교육', ''],
  ['AI로 업무 보고서 쓰기', '인공지능 도구로 보고서를 빨리 쓰고 싶습니다.'],
  ['챗지피티 문서 작성 실습', '기안문 초안을 챗지피티로 만드는 방법'],
  ['생성형 인공지능 보고서 작성법', ''],
  ['ChatGPT 행정 문서 작성', '보도자료와 보고서 초안 작성에 활용하고 싶어요'],
];

beforeAll(async () => {
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
  [admin, suwonAdmin, reporter] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.suwonAdmin), t.login(DEMO.reporter)]);
  await t.sql(
    `insert into account (email, display_name, password_hash, roles, servant_id)
     select 'rq-' || lower(s.employee_number) || '@test.kok', s.name, a.password_hash, '{SERVANT}', s.id
     from servant s cross join (select password_hash from account where email = 'admin@demo.kok.go.kr') a
     where not exists (select 1 from account x where x.servant_id = s.id)
     order by s.id limit 40`,
  );
  const rows = await t.sql(`select a.email, s.id from account a join servant s on s.id = a.servant_id where a.email like 'rq-%' order by s.id`);
  const persona = await t.sql(`select a.email, a.servant_id as id from account a where a.email in ($1, $2) order by a.email`, [DEMO.servantSuwon, DEMO.servantSeongnam]);
  const all = [persona.find((p) => p.email === DEMO.servantSuwon)!, persona.find((p) => p.email === DEMO.servantSeongnam)!, ...rows];
  servants = [];
  for (let i = 0; i < all.length; i += 10) {
    servants.push(...(await Promise.all(all.slice(i, i + 10).map(async (r) => ({ token: await t.login(r.email), servantId: Number(r.id) })))));
  }
  expect(servants.length).toBe(42);
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('demo data', () => {
  it('seeds open demands, several with five requesters or more and several below', async () => {
    const r = await t.gql(`{ demands(first: 50) { totalCount edges { node { label status requesterCount category { name } } } } }`, {}, { token: admin });
    expect(r.errors).toBeUndefined();
    const list = r.data.demands.edges.map((e: any) => e.node);
    expect(list.slice(0, 3).map((d: any) => d.label)).toEqual(['생성형 AI 보고서 작성', '엑셀 자동화', '민원 응대 스트레스 관리']);
    expect(list.slice(0, 3).map((d: any) => d.requesterCount)).toEqual([11, 8, 6]);
    expect(list.filter((d: any) => d.requesterCount < 5).length).toBeGreaterThanOrEqual(5);
    expect((await t.sql(`select count(*)::int as n from training_request`))[0].n).toBe(40);
    expect((await t.sql(`select count(*)::int as n from demand where threshold_reached_at is not null`))[0].n).toBe(3);
  });

  it('clears the demo requests and synonyms for the tests below', async () => {
    await t.sql(`delete from course_demand; delete from demand_support; delete from training_request; delete from demand; delete from synonym_group`);
    expect((await t.sql(`select count(*)::int as n from demand`))[0].n).toBe(0);
  });
});

describe('grouping', () => {
  let aiDemand: string;

  it('puts six servants who write the same wish in different words into one demand, with the synonym table empty', async () => {
    const results = [];
    for (let i = 0; i < SAME_WISH.length; i++) results.push(await submit(servants[2 + i].token, SAME_WISH[i][0], SAME_WISH[i][1]));
    results.forEach((r) => expect(r.userErrors).toEqual([]));
    aiDemand = results[0].demand.id;
    expect(new Set(results.map((r) => r.demand.id))).toEqual(new Set([aiDemand]));
    expect(results[0].demand.label).toBe(SAME_WISH[0][0]);
    expect(results[5].demand.requesterCount).toBe(6);

    const unrelated = await submit(servants[8].token, '부동산 취득세 실무', '취득세 과세표준과 감면 요건');
    expect(unrelated.demand.id).not.toBe(aiDemand);
    expect(unrelated.demand.requesterCount).toBe(1);
    expect((await demand(aiDemand)).requesterCount).toBe(6);

    // Each author was told which demand the request joined (in-app, with its e-mail in the outbox).
    const grouped = await notifications('REQUEST_GROUPED');
    expect(grouped.map((n) => n.servant_id)).toEqual(servants.slice(2, 9).map((s) => s.servantId));
    expect(grouped[5].params).toMatchObject({ demandLabel: SAME_WISH[0][0], requesterCount: 6 });
    expect((await t.sql(`select count(*)::int as n from email_outbox o join notification n on n.id = o.notification_id where n.kind = 'REQUEST_GROUPED'`))[0].n).toBeGreaterThan(0);
  });

  it('counts "me too" once per servant, and not on top of the servant\'s own request', async () => {
    const backer = servants[20];
    const first = await t.gql(SUPPORT, { id: aiDemand }, { token: backer.token });
    expect(first.data.demandSupport.userErrors).toEqual([]);
    expect(first.data.demandSupport.demand).toMatchObject({ requesterCount: 7, viewerIsRequester: true });
    const again = await t.gql(SUPPORT, { id: aiDemand }, { token: backer.token });
    expect(again.data.demandSupport).toMatchObject({ demand: null, userErrors: [{ code: 'ALREADY_SUPPORTED', field: ['input', 'demandId'] }] });
    expect(again.data.demandSupport.userErrors[0].message).toContain('이미');
    const author = await t.gql(SUPPORT, { id: aiDemand }, { token: servants[2].token });
    expect(author.data.demandSupport.userErrors[0].code).toBe('ALREADY_REQUESTED');
    // Concurrent double-click: one backing.
    const twice = await Promise.all([0, 1, 2].map(() => t.gql(SUPPORT, { id: aiDemand }, { token: servants[21].token })));
    expect(twice.filter((r) => r.data.demandSupport.userErrors.length === 0)).toHaveLength(1);
    expect((await demand(aiDemand)).requesterCount).toBe(8);
  });

  it('lowers the count when the author withdraws, only for the author and only once', async () => {
    const mine = (await demand(aiDemand)).requests.edges.find((e: any) => e.node.servant.id === gid('Servant', servants[7].servantId)).node.id;
    const other = await t.gql(WITHDRAW, { id: mine }, { token: servants[3].token });
    expect(other.data.trainingRequestWithdraw.userErrors[0].code).toBe('REQUEST_NOT_FOUND');
    const ok = await t.gql(WITHDRAW, { id: mine }, { token: servants[7].token });
    expect(ok.data.trainingRequestWithdraw.userErrors).toEqual([]);
    expect(ok.data.trainingRequestWithdraw.trainingRequest.status).toBe('WITHDRAWN');
    const again = await t.gql(WITHDRAW, { id: mine }, { token: servants[7].token });
    expect(again.data.trainingRequestWithdraw.userErrors[0].code).toBe('ALREADY_WITHDRAWN');
    const d = await demand(aiDemand);
    expect(d.requesterCount).toBe(7);
    expect(d.requests.totalCount).toBe(5);
  });

  it('creates one demand when similar requests are submitted at the same moment', async () => {
    const wishes = ['엑셀 매크로 자동화', '엑셀 자동화 매크로 기초', '스프레드시트 자동화 매크로', '엑셀 반복작업 자동화', '엑셀 매크로로 업무 자동화', '엑셀 자동화 실습', '매크로 엑셀 자동화 교육', '엑셀 업무 자동화하기'];
    const results = await Promise.all(wishes.map((w, i) => submit(servants[22 + i].token, w)));
    results.forEach((r) => expect(r.userErrors).toEqual([]));
    expect(new Set(results.map((r) => r.demand.id)).size).toBe(1);
    const [row] = await t.sql(`select count(distinct demand_id)::int as demands, count(*)::int as requests from training_request where title = any($1)`, [wishes]);
    expect(row).toEqual({ demands: 1, requests: 8 });
    expect((await demand(results[0].demand.id)).requesterCount).toBe(8);
  });

  it('applies administrator synonyms to later requests', async () => {
    const a = await submit(servants[30].token, '드론 조종 기초', '산불 감시에 쓰는 드론');
    const before = await submit(servants[31].token, '무인비행장치 운용', '');
    expect(before.demand.id).not.toBe(a.demand.id);
    const create = await t.gql(`mutation { synonymGroupCreate(input: { terms: ["드론", " 무인비행장치 ", "드론"] }) { synonymGroup { id terms } userErrors { code } } }`, {}, { token: admin });
    expect(create.data.synonymGroupCreate.synonymGroup.terms).toEqual(['드론', '무인비행장치']);
    const after = await submit(servants[32].token, '무인비행장치 조종', '');
    expect(after.demand.id).toBe(a.demand.id);
    const bad = await t.gql(`mutation { synonymGroupCreate(input: { terms: ["드론"] }) { synonymGroup { id } userErrors { code message field } } }`, {}, { token: admin });
    expect(bad.data.synonymGroupCreate.userErrors).toEqual([{ code: 'INVALID_TERMS', message: '동의어 묶음은 서로 다른 용어 2~20개로, 각 용어는 1~30자여야 합니다.', field: ['input', 'terms'] }]);
    const id = create.data.synonymGroupCreate.synonymGroup.id;
    const upd = await t.gql(`mutation($id: ID!) { synonymGroupUpdate(input: { id: $id, terms: ["드론", "무인기"] }) { synonymGroup { terms } userErrors { code } } }`, { id }, { token: admin });
    expect(upd.data.synonymGroupUpdate.synonymGroup.terms).toEqual(['드론', '무인기']);
    const del = await t.gql(`mutation($id: ID!) { synonymGroupDelete(input: { id: $id }) { deletedSynonymGroupId userErrors { code } } }`, { id }, { token: admin });
    expect(del.data.synonymGroupDelete.deletedSynonymGroupId).toBe(id);
    const del2 = await t.gql(`mutation($id: ID!) { synonymGroupDelete(input: { id: $id }) { deletedSynonymGroupId userErrors { code } } }`, { id }, { token: admin });
    expect(del2.data.synonymGroupDelete.userErrors[0].code).toBe('SYNONYM_GROUP_NOT_FOUND');
    const servantTry = await t.gql(`mutation { synonymGroupCreate(input: { terms: ["a", "b"] }) { userErrors { code } } }`, {}, { token: servants[0].token });
    expect(servantTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('validation', () => {
  it('reports every problem at once, in Korean by default and in English on request, and changes nothing', async () => {
    setClock(() => new Date('2026-12-10T01:00:00Z'));
    const before = await snapshot();
    const input = { title: '가', description: '나'.repeat(2001), preferredMonth: '2026-11', categoryId: gid('Servant', 1) };
    const r = await t.gql(SUBMIT, { input }, { token: servants[0].token });
    expect(r.data.trainingRequestSubmit.trainingRequest).toBeNull();
    expect(r.data.trainingRequestSubmit.userErrors).toEqual([
      { code: 'TOO_SHORT', message: '요청 제목은 2~100자여야 합니다.', field: ['input', 'title'] },
      { code: 'TOO_LONG', message: '요청 내용은 2000자 이하여야 합니다.', field: ['input', 'description'] },
      { code: 'MONTH_IN_PAST', message: '희망 월 2026-11은(는) 이미 지났습니다. 이번 달(2026-12) 이후를 선택하세요.', field: ['input', 'preferredMonth'] },
      { code: 'INVALID_ID', message: 'Category ID가 필요하지만 Servant ID가 주어졌습니다.', field: ['input', 'categoryId'] },
    ]);
    const en = await t.gql(SUBMIT, { input: { title: '엑셀', preferredMonth: '2027-13' } }, { token: servants[0].token, headers: { 'accept-language': 'en' } });
    expect(en.data.trainingRequestSubmit.userErrors).toEqual([{ code: 'INVALID_MONTH', message: 'The preferred month must be in YYYY-MM form (e.g. 2027-03).', field: ['input', 'preferredMonth'] }]);
    const missing = await t.gql(SUBMIT, { input: { title: '엑셀 기초', categoryId: gid('Category', 999999) } }, { token: servants[0].token });
    expect(missing.data.trainingRequestSubmit.userErrors[0].code).toBe('CATEGORY_NOT_FOUND');
    // The current month in Korea is fine (2026-12-01 00:30 KST is still 2026-11-30 in UTC).
    setClock(() => new Date('2026-11-30T15:30:00Z'));
    const now = await t.gql(SUBMIT, { input: { title: '가', preferredMonth: '2026-11' } }, { token: servants[0].token });
    expect(now.data.trainingRequestSubmit.userErrors.map((e: any) => e.code)).toEqual(['TOO_SHORT', 'MONTH_IN_PAST']);
    expect(await snapshot()).toEqual(before);
    const notServant = await t.gql(SUBMIT, { input: { title: '엑셀 기초' } }, { token: admin });
    expect(notServant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('administrators reshape demand', () => {
  it('merges demands: requests and backings move, moved authors are notified, sources point at the target and leave the list', async () => {
    const a = await submit(servants[10].token, '지방재정 회계 결산 실무', '');
    const b = await submit(servants[11].token, '세출 예산 집행 절차', '');
    expect(b.demand.id).not.toBe(a.demand.id);
    await t.gql(SUPPORT, { id: b.demand.id }, { token: servants[12].token });
    await t.gql(SUPPORT, { id: a.demand.id }, { token: servants[12].token });
    const before = (await notifications('REQUEST_GROUPED')).length;
    const self = await t.gql(`mutation($t: ID!) { demandMerge(input: { targetId: $t, sourceIds: [$t] }) { demand { id } userErrors { code } } }`, { t: a.demand.id }, { token: admin });
    expect(self.data.demandMerge.userErrors[0].code).toBe('MERGE_INTO_SELF');
    const m = await t.gql(`mutation($t: ID!, $s: [ID!]!) { demandMerge(input: { targetId: $t, sourceIds: $s }) { demand { id requesterCount } userErrors { code } } }`, { t: a.demand.id, s: [b.demand.id] }, { token: admin });
    expect(m.data.demandMerge.userErrors).toEqual([]);
    // 10 and 11 requested, 12 backed both: three people.
    expect(m.data.demandMerge.demand.requesterCount).toBe(3);
    const source = await demand(b.demand.id);
    expect(source.mergedInto.id).toBe(a.demand.id);
    expect(source.requests.totalCount).toBe(0);
    const grouped = await notifications('REQUEST_GROUPED');
    expect(grouped.slice(before)).toEqual([{ servant_id: servants[11].servantId, params: expect.objectContaining({ demandLabel: '지방재정 회계 결산 실무', requesterCount: 3 }) }]);
    const list = await t.gql(`{ demands(first: 100) { edges { node { id } } } }`, {}, { token: admin });
    expect(list.data.demands.edges.map((e: any) => e.node.id)).not.toContain(b.demand.id);
    const again = await t.gql(`mutation($t: ID!, $s: [ID!]!) { demandMerge(input: { targetId: $t, sourceIds: $s }) { userErrors { code } } }`, { t: a.demand.id, s: [b.demand.id] }, { token: admin });
    expect(again.data.demandMerge.userErrors[0].code).toBe('DEMAND_MERGED');
  });

  it('splits requests out into a new demand and notifies their authors', async () => {
    const base = await submit(servants[13].token, '민원 응대 스트레스 관리', '악성 민원 응대 후 마음 관리');
    const two = await submit(servants[14].token, '악성 민원 대응과 스트레스', '');
    const three = await submit(servants[15].token, '특이 민원 응대 스트레스 해소', '');
    expect(new Set([base.demand.id, two.demand.id, three.demand.id]).size).toBe(1);
    const input = { demandId: base.demand.id, requestIds: [two.trainingRequest.id, three.trainingRequest.id], label: '악성 민원 대응 요령' };
    const all = await t.gql(`mutation($input: DemandSplitInput!) { demandSplit(input: $input) { userErrors { code } } }`, { input: { ...input, requestIds: [base.trainingRequest.id, ...input.requestIds] } }, { token: admin });
    expect(all.data.demandSplit.userErrors[0].code).toBe('NOTHING_LEFT');
    const foreign = await t.gql(`mutation($input: DemandSplitInput!) { demandSplit(input: $input) { userErrors { code } } }`, { input: { ...input, requestIds: [SAME_WISH.length ? (await submit(servants[16].token, '부동산 등기 실무')).trainingRequest.id : ''] } }, { token: admin });
    expect(foreign.data.demandSplit.userErrors[0].code).toBe('REQUEST_NOT_IN_DEMAND');
    const r = await t.gql(`mutation($input: DemandSplitInput!) { demandSplit(input: $input) { demand { requesterCount } newDemand { id label requesterCount category { name } } userErrors { code } } }`, { input }, { token: admin });
    expect(r.data.demandSplit.userErrors).toEqual([]);
    expect(r.data.demandSplit.demand.requesterCount).toBe(1);
    expect(r.data.demandSplit.newDemand).toMatchObject({ label: '악성 민원 대응 요령', requesterCount: 2 });
    const grouped = await notifications('REQUEST_GROUPED');
    expect(grouped.slice(-2).map((n) => [n.servant_id, n.params.demandLabel])).toEqual([
      [servants[14].servantId, '악성 민원 대응 요령'],
      [servants[15].servantId, '악성 민원 대응 요령'],
    ]);
  });

  it('declines a demand with a reason its requesters see; it takes no more backing or requests', async () => {
    const d = await submit(servants[17].token, '골프 동호회 운영', '주말 골프 모임 운영 노하우');
    await t.gql(SUPPORT, { id: d.demand.id }, { token: servants[18].token });
    const bad = await t.gql(`mutation($id: ID!) { demandDecline(input: { demandId: $id, reason: " " }) { userErrors { code field } } }`, { id: d.demand.id }, { token: admin });
    expect(bad.data.demandDecline.userErrors).toEqual([{ code: 'INVALID_REASON', field: ['input', 'reason'] }]);
    const reason = '직무 관련성이 낮아 교육 과정으로 개설하기 어렵습니다.';
    const r = await t.gql(`mutation($id: ID!, $reason: String!) { demandDecline(input: { demandId: $id, reason: $reason }) { demand { status declineReason } userErrors { code } } }`, { id: d.demand.id, reason }, { token: admin });
    expect(r.data.demandDecline).toEqual({ demand: { status: 'DECLINED', declineReason: reason }, userErrors: [] });
    const declined = await notifications('DEMAND_DECLINED');
    expect(declined.map((n) => n.servant_id).sort()).toEqual([servants[17].servantId, servants[18].servantId].sort());
    expect(declined[0].params).toEqual({ demandLabel: '골프 동호회 운영', reason });
    // The requester sees the reason on the demand, through their own request.
    const mine = await t.gql(`{ me: node(id: "${d.trainingRequest.id}") { ... on TrainingRequest { demand { status declineReason } } } }`, {}, { token: servants[17].token });
    expect(mine.data.me.demand).toEqual({ status: 'DECLINED', declineReason: reason });
    const support = await t.gql(SUPPORT, { id: d.demand.id }, { token: servants[19].token });
    expect(support.data.demandSupport.userErrors[0].code).toBe('DEMAND_DECLINED');
    const similar = await submit(servants[19].token, '골프 동호회 운영', '');
    expect(similar.demand.id).not.toBe(d.demand.id);
  });

  it('creates a course from a demand: pre-filled, linked, demand PLANNED and requesters notified, in one transaction', async () => {
    const d = await submit(servants[33].token, '공공 데이터 시각화 입문', '태블로로 공공데이터를 시각화', { categoryId: null });
    const two = await submit(servants[34].token, '공공데이터 시각화 실습', '');
    expect(two.demand.id).toBe(d.demand.id);
    await t.gql(SUPPORT, { id: d.demand.id }, { token: servants[35].token });
    const CREATE = `mutation($input: CourseCreateFromDemandInput!) { courseCreateFromDemand(input: $input) {
      course { id title description lengthMinutes format } demand { id status courses { id title } } userErrors { code message field } } }`;
    const before = await snapshot();
    const noCategory = await t.gql(CREATE, { input: { demandId: d.demand.id, lengthMinutes: 90, format: 'IN_PERSON' } }, { token: admin });
    expect(noCategory.data.courseCreateFromDemand.userErrors).toEqual([{ code: 'CATEGORY_REQUIRED', message: '수요에 분류가 없으므로 과정의 분류를 지정하세요.', field: ['input', 'categoryId'] }]);
    const [cat] = await t.sql(`select id from category order by id limit 1`);
    const badLength = await t.gql(CREATE, { input: { demandId: d.demand.id, categoryId: gid('Category', cat.id), lengthMinutes: 30, format: 'IN_PERSON' } }, { token: admin });
    expect(badLength.data.courseCreateFromDemand.userErrors[0].code).toBe('INVALID_LENGTH_MINUTES');
    expect(await snapshot()).toEqual(before);
    const servantTry = await t.gql(CREATE, { input: { demandId: d.demand.id, categoryId: gid('Category', cat.id), lengthMinutes: 90, format: 'IN_PERSON' } }, { token: servants[0].token });
    expect(servantTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const r = await t.gql(CREATE, { input: { demandId: d.demand.id, categoryId: gid('Category', cat.id), lengthMinutes: 90, format: 'LIVE_ONLINE' } }, { token: admin });
    expect(r.data.courseCreateFromDemand.userErrors).toEqual([]);
    const course = r.data.courseCreateFromDemand.course;
    expect(course).toMatchObject({ title: '공공 데이터 시각화 입문', lengthMinutes: 90, format: 'LIVE_ONLINE' });
    expect(course.description).toContain('공공데이터 시각화 실습');
    expect(r.data.courseCreateFromDemand.demand).toMatchObject({ status: 'PLANNED', courses: [{ id: course.id, title: course.title }] });
    const planned = await notifications('DEMAND_PLANNED');
    expect(planned.map((n) => n.servant_id).sort()).toEqual([servants[33], servants[34], servants[35]].map((s) => s.servantId).sort());
    expect(planned[0].params).toEqual({ demandLabel: '공공 데이터 시각화 입문', courseTitle: '공공 데이터 시각화 입문' });
    // A planned demand takes no new requests (they start a new demand).
    expect((await submit(servants[36].token, '공공데이터 시각화 입문', '')).demand.id).not.toBe(d.demand.id);
  });
});

describe('privacy and performance', () => {
  it('never shows a servant other servants\' identities or requests through a demand', async () => {
    const list = await t.gql(`{ demands(first: 100, filter: { search: "보고서" }) { edges { node { id label requesterCount requests(first: 100) { totalCount edges { node { id title servant { name } } } } } } } }`, {}, { token: servants[2].token });
    expect(list.errors).toBeUndefined();
    const ai = list.data.demands.edges.find((e: any) => e.node.requesterCount === 7)!.node;
    expect(ai.requests.totalCount).toBe(1);
    expect(ai.requests.edges[0].node.servant).not.toBeNull();
    const adminView = await demand(ai.id);
    const someoneElse = adminView.requests.edges.find((e: any) => e.node.servant.id !== gid('Servant', servants[2].servantId)).node;
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: someoneElse.id }, { token: servants[2].token });
    expect(node.data.node).toBeNull();
    const servantNode = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: someoneElse.servant.id }, { token: servants[2].token });
    expect(servantNode.data.node).toBeNull();
    // Reporters read labels and counts only.
    const rep = await t.gql(`query($id: ID!) { node(id: $id) { ... on Demand { requesterCount requests(first: 10) { totalCount } } } }`, { id: ai.id }, { token: reporter });
    expect(rep.data.node).toEqual({ requesterCount: 7, requests: { totalCount: 0 } });
  });

  it('shows an organisation administrator every request but authors only within their scope', async () => {
    const mine = await submit(servants[0].token, '생성형 AI 보고서 작성 실습', '');
    const seongnam = await submit(servants[1].token, '생성형 AI로 보고서 쓰기', '');
    const d = await demand(mine.demand.id, suwonAdmin);
    const byId = new Map(d.requests.edges.map((e: any) => [e.node.id, e.node]));
    expect((byId.get(mine.trainingRequest.id) as any).servant.name).toBe('김민준');
    expect((byId.get(seongnam.trainingRequest.id) as any).servant).toBeNull();
  });

  it('lists a servant\'s own requests on Servant, for the servant and administrators in scope', async () => {
    const Q = `query($id: ID!) { node(id: $id) { ... on Servant { trainingRequests(first: 10) { totalCount edges { node { title status demand { label } } } } } } }`;
    const own = await t.gql(Q, { id: gid('Servant', servants[0].servantId) }, { token: servants[0].token });
    expect(own.data.node.trainingRequests.totalCount).toBe(1);
    expect(own.data.node.trainingRequests.edges[0].node.title).toBe('생성형 AI 보고서 작성 실습');
    const scoped = await t.gql(Q, { id: gid('Servant', servants[0].servantId) }, { token: suwonAdmin });
    expect(scoped.data.node.trainingRequests.totalCount).toBe(1);
    const viaWithdrawn = await t.gql(Q, { id: gid('Servant', servants[7].servantId) }, { token: admin });
    expect(viaWithdrawn.data.node.trainingRequests.edges[0].node.status).toBe('WITHDRAWN');
  });

  it('loads demands with requester counts and requests in the same number of statements for 10 or 100', async () => {
    // Enough demands that a page of 100 is really larger than a page of 10.
    await t.sql(`insert into demand (label) select '통계용 수요 ' || g from generate_series(1, 60) g`);
    const Q = `query($n: Int!) { demands(first: $n) { edges { node { id label requesterCount category { name } viewerIsRequester
      requests(first: 5) { totalCount edges { node { title servant { name } } } } } } } }`;
    let sizes: number[] = [];
    const small = await t.countStatements(async () => {
      const r = await t.gql(Q, { n: 10 }, { token: admin });
      sizes.push(r.data.demands.edges.length);
    });
    const large = await t.countStatements(async () => {
      const r = await t.gql(Q, { n: 100 }, { token: admin });
      sizes.push(r.data.demands.edges.length);
    });
    expect(sizes).toEqual([10, expect.any(Number)]);
    expect(sizes[1]).toBeGreaterThan(60);
    expect(large).toBe(small);
    console.log(`statements for demands(first: 10): ${small}, (first: ${sizes[1]}): ${large}`);
    sizes = [];
    const ordered = await t.gql(`{ a: demands(first: 3, orderBy: { field: CREATED_AT, direction: ASC }) { edges { cursor node { label } } } }`, {}, { token: admin });
    const after = ordered.data.a.edges[1].cursor;
    const next = await t.gql(`query($after: String) { demands(first: 1, after: $after, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { label } } } }`, { after }, { token: admin });
    expect(next.data.demands.edges[0].node.label).toBe(ordered.data.a.edges[2].node.label);
  });
});

describe('subscriptions', () => {
  const SUBMITTED = `subscription { trainingRequestSubmitted { request { title servant { name } } demand { label } } }`;

  it('delivers trainingRequestSubmitted to administrators, scoped to an organisation administrator\'s subtree', async () => {
    const all = nextResults(t.ws(admin), SUBMITTED, {}, 2);
    const suwon = nextResults(t.ws(suwonAdmin), SUBMITTED, {}, 1);
    const servantSub = nextResults(t.ws(servants[0].token), SUBMITTED, {}, 1, 5_000);
    await new Promise((r) => setTimeout(r, 300));
    await submit(servants[1].token, '성남시 세정 실무 교육', ''); // 성남시: not for the Suwon administrator
    await submit(servants[0].token, '수원 화성 역사 문화 해설', ''); // 수원시
    const [first, second] = await all.done;
    expect(first.data.trainingRequestSubmitted.request.title).toBe('성남시 세정 실무 교육');
    expect(second.data.trainingRequestSubmitted).toMatchObject({ request: { title: '수원 화성 역사 문화 해설', servant: { name: '김민준' } }, demand: { label: '수원 화성 역사 문화 해설' } });
    const [onlySuwon] = await suwon.done;
    expect(onlySuwon.data.trainingRequestSubmitted.request.title).toBe('수원 화성 역사 문화 해설');
    // A servant may not subscribe: refused like a query, before any event.
    const [refused] = await servantSub.done;
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('delivers demandThresholdReached once, when the fifth requester arrives', async () => {
    const sub = nextResults(t.ws(reporter), `subscription { demandThresholdReached { requesterCount demand { label requesterCount } } }`, {}, 1);
    await new Promise((r) => setTimeout(r, 300));
    const wishes = ['수어 기초 회화', '기초 수어 회화 입문', '수어 회화 기초 실습', '수어 회화 배우기', '수어 기초 회화 연습'];
    let d = '';
    for (let i = 0; i < 4; i++) d = (await submit(servants[37 + i].token, wishes[i])).demand.id;
    const fifth = await t.gql(SUPPORT, { id: d }, { token: servants[41].token });
    expect(fifth.data.demandSupport.demand.requesterCount).toBe(5);
    const [event] = await sub.done;
    expect(event.data.demandThresholdReached).toEqual({ requesterCount: 5, demand: { label: wishes[0], requesterCount: 5 } });
    // Dropping below and reaching it again sends nothing more: the demand keeps its first time.
    const [row] = await t.sql(`select threshold_reached_at from demand where id = $1`, [dbId(d)]);
    expect(row.threshold_reached_at).not.toBeNull();
    const more = await submit(servants[36].token, wishes[4]);
    expect(more.demand.id).toBe(d);
    expect((await t.sql(`select threshold_reached_at from demand where id = $1`, [dbId(d)]))[0]).toEqual(row);
  });
});
