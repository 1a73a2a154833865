import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

// Reporting: figures computed in SQL match hand-written SQL over the seeded data plus a month
// run through the API (one offering confirmed, one discontinued, credits from attendance).
let t: TestApp;
let admin: string;
let reporter: string;
let suwonAdmin: string;
const servants: { token: string; id: string; email: string; servantId: number; suwon: boolean }[] = [];
let roundId = '';

const MONTH = '2027-03';
const M0 = '2027-03-01T00:00:00+09:00';
const M1 = '2027-04-01T00:00:00+09:00';

async function at(iso: string) {
  setClock(() => new Date(iso));
  admin = await t.login(DEMO.admin);
  reporter = await t.login(DEMO.reporter);
  suwonAdmin = await t.login(DEMO.suwonAdmin);
  for (const s of servants) s.token = await t.login(s.email);
}

const FUNNEL = `query($m: String!) { demandFunnel(month: $m) { month requests demands plannedDemands plannedCourses offerings confirmedOfferings discontinuedOfferings scheduledOfferings csv } }`;
const OUTCOME = `query($id: ID!) { roundOutcome(roundId: $id) { month status offerings confirmedOfferings cancelledOfferings capacity seatsTaken registrants fillRate csv round { id }
  rows { courseTitle status capacity seatsTaken registrants fillRate offering { id } } } }`;
const PARTICIPATION = `query($y: Int!) { participationByOrganization(year: $y) { year csv total { servants participants rate }
  rows { organizationName organizationCode servants participants rate organization { id name } } } }`;
const CREDITS = `query($from: LocalDate!, $to: LocalDate!) { creditsByCategoryAndOrganization(from: $from, to: $to) { from to csv
  total { credits servants } cells { organizationName organizationCode categoryName credits servants organization { name } }
  byOrganization { organizationCode credits servants } byCategory { categoryName credits servants } } }`;
const OVERDUE = `query($y: Int!) { mandatoryOverdueByOrganization(year: $y) { year csv total { servants overdueServants overdueItems }
  rows { organizationName organizationCode servants overdueServants overdueItems organization { id } } } }`;

/** Top-level organisation counts the way a person would compute them, by organisation code. */
function byCode<T extends { code: string }>(rows: T[]): Record<string, T> {
  return Object.fromEntries(rows.map((r) => [r.code, r]));
}

beforeAll(async () => {
  t = await createTestApp();
  // Eight servants without accounts: four of 수원시 (41110) and four from elsewhere.
  await t.sql(
    `insert into account (email, display_name, password_hash, roles, servant_id)
     select 'rep-' || x.id || '@test.kok', x.name, a.password_hash, '{SERVANT}', x.id
     from (
       (select s.id, s.name from servant s join organization o on o.id = s.organization_id
         where o.code = '41110' and not exists (select 1 from account x where x.servant_id = s.id) order by s.id limit 4)
       union all
       (select s.id, s.name from servant s join organization o on o.id = s.organization_id
         where o.code <> '41110' and not exists (select 1 from account x where x.servant_id = s.id) order by s.id limit 4)
     ) x cross join (select password_hash from account where email = 'admin@demo.kok.go.kr') a`,
  );
  for (const r of await t.sql(
    `select a.email, a.servant_id, o.code from account a join servant s on s.id = a.servant_id join organization o on o.id = s.organization_id
     where a.email like 'rep-%' order by (o.code = '41110') desc, a.servant_id`,
  )) {
    servants.push({ token: '', email: r.email, servantId: r.servant_id, suwon: r.code === '41110', id: Buffer.from(`Servant:${r.servant_id}`).toString('base64url') });
  }
  expect(servants.filter((s) => s.suwon)).toHaveLength(4);

  // A month through the API: requests, a course from a demand, a round of two offerings.
  await at('2027-03-02T01:00:00Z');
  const topics = ['엑셀 피벗 테이블 실무', '공공데이터 시각화 입문', '민원 응대 화법', '보고서 글쓰기', '드론 촬영 기초', '회계 감사 실무', '탄소중립 정책 이해', '생성형 AI 업무 활용'];
  let demandId = '';
  const [{ last }] = await t.sql(`select coalesce(max(id), 0) as last from training_request`);
  for (const [i, s] of servants.entries()) {
    const r = await t.gql(
      `mutation($input: TrainingRequestSubmitInput!) { trainingRequestSubmit(input: $input) { demand { id } userErrors { code message } } }`,
      { input: { title: topics[i] } },
      { token: s.token },
    );
    expect(r.data.trainingRequestSubmit.userErrors).toEqual([]);
    if (i === 0) demandId = r.data.trainingRequestSubmit.demand.id;
  }
  // Requests are stamped with the application's clock (pinned here), as are their demands.
  const stamped = await t.sql(
    `select r.created_at as request_at, d.created_at as demand_at from training_request r join demand d on d.id = r.demand_id where r.id > $1`,
    [last],
  );
  expect(stamped).toHaveLength(servants.length);
  for (const row of stamped) expect([new Date(row.request_at).toISOString(), new Date(row.demand_at).toISOString() <= '2027-03-02T01:00:00.000Z']).toEqual(['2027-03-02T01:00:00.000Z', true]);
  const course = await t.gql(
    `mutation($input: CourseCreateFromDemandInput!) { courseCreateFromDemand(input: $input) { course { id } userErrors { code message } } }`,
    { input: { demandId, title: '엑셀 피벗 테이블로 하는 보고 자료 정리', lengthMinutes: 60, format: 'IN_PERSON' } },
    { token: admin },
  );
  expect(course.data.courseCreateFromDemand.userErrors).toEqual([]);
  const [other] = await t.sql(`select id from course where status = 'ACTIVE' and format = 'IN_PERSON' and length_minutes = 60 order by id limit 1`);
  const otherCourseId = Buffer.from(`Course:${other.id}`).toString('base64url');

  const round = await t.gql(
    `mutation { enrollmentRoundCreate(input: { month: "${MONTH}", opensAt: "2027-03-02T09:00:00+09:00", closesAt: "2027-03-10T18:00:00+09:00" }) { round { id } userErrors { code } } }`,
    {},
    { token: admin },
  );
  roundId = round.data.enrollmentRoundCreate.round.id;
  const offer = async (courseId: string, day: string, capacity: number) => {
    const r = await t.gql(
      `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id } userErrors { code message } } }`,
      { input: { roundId, courseId, startsAt: `2027-03-${day}T10:00:00+09:00`, endsAt: `2027-03-${day}T11:00:00+09:00`, capacity, place: '경기도인재개발원 101호' } },
      { token: admin },
    );
    expect(r.data.courseOfferingCreate.userErrors).toEqual([]);
    return r.data.courseOfferingCreate.offering.id as string;
  };
  const confirmedId = await offer(course.data.courseCreateFromDemand.course.id, '20', 20);
  const discontinuedId = await offer(otherCourseId, '22', 10);
  await at('2027-03-03T01:00:00Z');
  const opened = await t.gql(`mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { round { status } } }`, { id: roundId }, { token: admin });
  expect(opened.data.enrollmentRoundOpen.round.status).toBe('OPEN');
  // Six register for the first (≥ 5: opens), two for the second (< 5: discontinued).
  for (const [i, s] of servants.entries()) {
    const r = await t.gql(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code } } }`, { id: i < 6 ? confirmedId : discontinuedId }, { token: s.token });
    expect(r.data.enrollmentCreate.userErrors).toEqual([]);
  }
  await at('2027-03-10T09:30:00Z');
  const closed = await t.gql(`mutation($id: ID!) { enrollmentRoundClose(input: { roundId: $id }) { outcome { confirmedOfferings cancelledOfferings } userErrors { code } } }`, { id: roundId }, { token: admin });
  expect(closed.data.enrollmentRoundClose.outcome).toEqual({ confirmedOfferings: 1, cancelledOfferings: 1 });
  // The lecture: five complete (three of 수원시), the sixth leaves early.
  await at('2027-03-20T03:00:00Z');
  const attendance = await t.gql(
    `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { userErrors { code message } } }`,
    { input: { offeringId: confirmedId, entries: servants.slice(0, 6).map((s, i) => ({ servantId: s.id, minutesAttended: i === 3 ? 20 : 58 })) } },
    { token: admin },
  );
  expect(attendance.data.attendanceRecord.userErrors).toEqual([]);
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('reporting API', () => {
  it('demand funnel of the month matches the rows', async () => {
    const r = await t.gql(FUNNEL, { m: MONTH }, { token: reporter });
    expect(r.errors).toBeUndefined();
    const [hand] = await t.sql(
      `select count(*)::int as requests, count(distinct coalesce(d.merged_into_id, d.id))::int as demands
       from training_request r left join demand d on d.id = r.demand_id where r.created_at >= $1 and r.created_at < $2`,
      [M0, M1],
    );
    const f = r.data.demandFunnel;
    expect(hand.requests).toBe(8);
    expect(f).toMatchObject({ month: MONTH, requests: hand.requests, demands: hand.demands, offerings: 2, confirmedOfferings: 1, discontinuedOfferings: 1, scheduledOfferings: 0 });
    expect(f.plannedDemands).toBeGreaterThanOrEqual(1);
    expect(f.plannedCourses).toBeGreaterThanOrEqual(1);
    // The CSV: BOM, Korean header, one data line with the same figures.
    expect(f.csv.startsWith('\uFEFF월,교육 요청,수요,계획된 과정,개설 과정,확정 과정,폐강 과정,신청 중 과정\r\n')).toBe(true);
    expect(f.csv).toContain(`\r\n${MONTH},${f.requests},${f.demands},${f.plannedCourses},2,1,1,0\r\n`);

    // The 수원시 administrator counts only the requests of 수원시 servants (4); offerings are public.
    const s = await t.gql(FUNNEL, { m: MONTH }, { token: suwonAdmin });
    const [suwon] = await t.sql(
      `select count(*)::int as n from training_request r join servant sv on sv.id = r.servant_id join organization o on o.id = sv.organization_id
       where o.code = '41110' and r.created_at >= $1 and r.created_at < $2`,
      [M0, M1],
    );
    expect(suwon.n).toBe(4);
    expect(s.data.demandFunnel).toMatchObject({ requests: 4, offerings: 2, confirmedOfferings: 1, discontinuedOfferings: 1 });
  });

  it('round outcome: confirmed / discontinued, registrants, fill rate', async () => {
    const r = await t.gql(OUTCOME, { id: roundId }, { token: reporter });
    expect(r.errors).toBeUndefined();
    const o = r.data.roundOutcome;
    expect(o).toMatchObject({ month: MONTH, status: 'CLOSED', offerings: 2, confirmedOfferings: 1, cancelledOfferings: 1, capacity: 30, seatsTaken: 6, registrants: 8 });
    expect(o.fillRate).toBeCloseTo(6 / 30, 4);
    expect(o.round.id).toBe(roundId);
    expect(o.rows.map((x: any) => [x.status, x.capacity, x.seatsTaken, x.registrants])).toEqual([
      ['COMPLETED', 20, 6, 6],
      ['CANCELLED', 10, 0, 2],
    ]);
    expect(o.csv).toContain('\r\n2027-03,합계,,,30,6,8,20.0\r\n');
    // 수원시 sees its own registrants (four in the first offering, none in the second).
    const s = await t.gql(OUTCOME, { id: roundId }, { token: suwonAdmin });
    expect(s.data.roundOutcome).toMatchObject({ seatsTaken: 6, registrants: 4 });
  });

  it('participation by city and county matches hand-computed SQL, and 수원시 sees only 수원시', async () => {
    const r = await t.gql(PARTICIPATION, { y: 2027 }, { token: reporter });
    expect(r.errors).toBeUndefined();
    const p = r.data.participationByOrganization;
    const hand = await t.sql<{ code: string; servants: number; participants: number }>(
      `select o.code, count(*)::int as servants,
              count(*) filter (where exists (select 1 from enrollment e join course_offering co on co.id = e.offering_id
                where e.servant_id = s.id and e.status = 'COMPLETED' and co.starts_at >= '2027-01-01T00:00:00+09:00' and co.starts_at < '2028-01-01T00:00:00+09:00'))::int as participants
       from servant s join organization o on o.id = s.organization_id group by o.code`,
    );
    const h = byCode(hand);
    expect(p.rows).toHaveLength(hand.length);
    expect(p.rows[0].organizationName).toBe('경기도');
    for (const row of p.rows) {
      expect([row.organizationCode, row.servants, row.participants]).toEqual([row.organizationCode, h[row.organizationCode].servants, h[row.organizationCode].participants]);
      expect(row.organization.name).toBe(row.organizationName);
    }
    expect(p.total.participants).toBe(5);
    expect(p.total.servants).toBe(hand.reduce((a, x) => a + x.servants, 0));
    expect(p.rows.find((x: any) => x.organizationCode === '41110').participants).toBe(3);
    expect(p.csv.split('\r\n')[0]).toBe('\uFEFF연도,기관,기관 코드,공무원 수,이수자 수,참여율(%)');

    const s = await t.gql(PARTICIPATION, { y: 2027 }, { token: suwonAdmin });
    expect(s.data.participationByOrganization.rows.map((x: any) => x.organizationCode)).toEqual(['41110']);
    expect(s.data.participationByOrganization.total).toMatchObject({ servants: h['41110'].servants, participants: 3 });
  });

  it('credits by category and organisation match the ledger net of reversals', async () => {
    // Reverse one servant's credit: the report must no longer count it.
    const [entry] = await t.sql(`select id from credit_transaction where servant_id = $1 and kind = 'EARNED'`, [servants[4].servantId]);
    const rev = await t.gql(
      `mutation($input: CreditTransactionReverseInput!) { creditTransactionReverse(input: $input) { userErrors { code message } } }`,
      { input: { transactionId: Buffer.from(`CreditTransaction:${entry.id}`).toString('base64url'), reason: '출석 기록 정정', idempotencyKey: 'rep-rev-1' } },
      { token: admin },
    );
    expect(rev.data.creditTransactionReverse.userErrors).toEqual([]);

    const r = await t.gql(CREDITS, { from: '2027-03-01', to: '2027-03-31' }, { token: reporter });
    expect(r.errors).toBeUndefined();
    const c = r.data.creditsByCategoryAndOrganization;
    const hand = await t.sql<{ code: string; category: string; credits: string; servants: number }>(
      `select o.code, coalesce(cat.name, '미분류') as category, trim_scale(sum(t.amount))::text as credits, count(distinct t.servant_id)::int as servants
       from credit_transaction t join servant s on s.id = t.servant_id join organization o on o.id = s.organization_id
       left join course co on co.id = t.course_id left join category cat on cat.id = coalesce(t.category_id, co.category_id)
       where t.occurred_on between '2027-03-01' and '2027-03-31' and t.kind in ('EARNED', 'RECOGNIZED')
         and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
       group by o.code, cat.name order by o.code, cat.name`,
    );
    expect(c.cells.map((x: any) => [x.organizationCode, x.categoryName, x.credits, x.servants])).toEqual(hand.map((x) => [x.code, x.category, x.credits, x.servants]));
    expect(c.total).toEqual({ credits: '4', servants: 4 });
    expect(c.byOrganization.find((x: any) => x.organizationCode === '41110')).toEqual({ organizationCode: '41110', credits: '3', servants: 3 });
    expect(c.csv.split('\r\n')[0]).toBe('\uFEFF시작일,종료일,기관,분야,학점,취득자 수');
    expect(c.csv).toContain('\r\n2027-03-01,2027-03-31,합계,합계,4,4\r\n');

    const s = await t.gql(CREDITS, { from: '2027-03-01', to: '2027-03-31' }, { token: suwonAdmin });
    expect(s.data.creditsByCategoryAndOrganization.total).toEqual({ credits: '3', servants: 3 });
    expect(new Set(s.data.creditsByCategoryAndOrganization.cells.map((x: any) => x.organizationCode))).toEqual(new Set(['41110']));

    // A period without credits: zeros, not nulls.
    const empty = await t.gql(CREDITS, { from: '2020-01-01', to: '2020-01-31' }, { token: reporter });
    expect(empty.errors).toBeUndefined();
    expect(empty.data.creditsByCategoryAndOrganization).toMatchObject({ cells: [], byOrganization: [], byCategory: [], total: { credits: '0', servants: 0 } });

    const bad = await t.gql(CREDITS, { from: '2027-03-31', to: '2027-03-01' }, { token: reporter });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('overdue mandatory training per organisation agrees with the certification module', async () => {
    await at('2027-01-05T00:00:00Z');
    const r = await t.gql(OVERDUE, { y: 2026 }, { token: reporter });
    expect(r.errors).toBeUndefined();
    const o = r.data.mandatoryOverdueByOrganization;
    // The per-servant list of the certification module (institute administrator) counts the same servants.
    const list = await t.gql(`{ mandatoryTrainingOverdue(year: 2026, first: 1) { totalCount } }`, {}, { token: admin });
    expect(o.total.overdueServants).toBe(list.data.mandatoryTrainingOverdue.totalCount);
    expect(o.total.overdueServants).toBeGreaterThan(0);
    expect(o.rows.reduce((a: number, x: any) => a + x.overdueServants, 0)).toBe(o.total.overdueServants);
    const [{ n }] = await t.sql(`select count(*)::int as n from servant`);
    expect(o.total.servants).toBe(n);
    expect(o.csv.split('\r\n')[0]).toBe('\uFEFF연도,기관,기관 코드,공무원 수,미이수자 수,미이수 의무교육 건수');

    const s = await t.gql(OVERDUE, { y: 2026 }, { token: suwonAdmin });
    const suwonList = await t.gql(`{ mandatoryTrainingOverdue(year: 2026, first: 1) { totalCount } }`, {}, { token: suwonAdmin });
    expect(s.data.mandatoryOverdueByOrganization.rows.map((x: any) => x.organizationCode)).toEqual(['41110']);
    expect(s.data.mandatoryOverdueByOrganization.total.overdueServants).toBe(suwonList.data.mandatoryTrainingOverdue.totalCount);
  });

  it('refuses servants, and reporters/organisation administrators the access log', async () => {
    const servant = servants[0].token;
    for (const [q, v] of [
      [FUNNEL, { m: MONTH }],
      [OUTCOME, { id: roundId }],
      [PARTICIPATION, { y: 2027 }],
      [CREDITS, { from: '2027-03-01', to: '2027-03-31' }],
      [OVERDUE, { y: 2027 }],
    ] as const) {
      const r = await t.gql(q, v, { token: servant });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.data).toBeNull();
    }
    for (const token of [reporter, suwonAdmin, servant]) {
      const r = await t.gql(`{ personalDataAccessLog(first: 1) { totalCount } }`, {}, { token });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const e = await t.gql(`{ personalDataAccessLogExport(reason: "감사") }`, {}, { token });
      expect(e.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anon = await t.gql(FUNNEL, { m: MONTH });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('statement counts do not grow with the number of organisations', async () => {
    // Each report alone, so that batching does not depend on how parallel resolvers interleave.
    const reports = [
      [`query($m: String!) { demandFunnel(month: $m) { requests csv } }`, { m: MONTH }],
      [`query($id: ID!) { roundOutcome(roundId: $id) { registrants rows { offering { id } } } }`, { id: roundId }],
      [`query($y: Int!) { participationByOrganization(year: $y) { rows { participants organization { name } } } }`, { y: 2027 }],
      [`{ creditsByCategoryAndOrganization(from: "2027-01-01", to: "2027-12-31") { cells { credits organization { name } } } }`, {}],
      [`query($y: Int!) { mandatoryOverdueByOrganization(year: $y) { rows { overdueServants organization { name } } } }`, { y: 2027 }],
    ] as const;
    const count = async () => {
      const n: number[] = [];
      for (const [q, v] of reports) n.push(await t.countStatements(() => t.gql(q, v, { token: reporter })));
      return n;
    };
    const participationRows = async () => (await t.gql(PARTICIPATION, { y: 2027 }, { token: reporter })).data.participationByOrganization.rows.length;
    const before = await count();
    const rowsBefore = await participationRows();
    // Ten more cities, each with two servants.
    await t.sql(
      `with root as (select id, path from organization where kind = 'PROVINCE'),
       o as (insert into organization (code, name, kind, parent_id, path)
             select '9' || lpad(g::text, 4, '0'), '시험시' || g, 'CITY', root.id, root.path from root, generate_series(1, 10) g returning id, path)
       select 1`,
    );
    await t.sql(`update organization set path = path || id || '/' where code like '9____' and name like '시험시%'`);
    await t.sql(
      `insert into servant (employee_number, name, organization_id, job_series, grade)
       select 'TST' || o.code || g, '시험' || g, o.id, '행정', 7 from organization o, generate_series(1, 2) g where o.code like '9____' and o.name like '시험시%'`,
    );
    expect(await participationRows()).toBe(rowsBefore + 10);
    expect(await count()).toEqual(before);
  });
});

describe('personal-data access log', () => {
  it('lists entries with actor and subject, filters, and records each export with its reason', async () => {
    // The institute administrator reads a servant's profile: that read is logged.
    const subject = servants[0];
    await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { name } } }`, { id: subject.id }, { token: admin });
    const list = await t.gql(
      `query($f: PersonalDataAccessLogFilter) { personalDataAccessLog(first: 5, filter: $f) { totalCount
         edges { node { id at action reason actorRoles actor { accountId displayName email } subject { id name } } } } }`,
      { f: { subjectServantId: subject.id, action: 'READ_PROFILE' } },
      { token: admin },
    );
    expect(list.errors).toBeUndefined();
    const entries = list.data.personalDataAccessLog.edges.map((e: any) => e.node);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({ action: 'READ_PROFILE', actor: { email: DEMO.admin }, subject: { id: subject.id } });
    // The entry is a node, visible to the institute administrator only.
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: entries[0].id }, { token: admin })).data.node).toEqual({ id: entries[0].id });
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: entries[0].id }, { token: suwonAdmin })).data.node).toBeNull();
    // Filtering by actor.
    const byActor = await t.gql(`query($f: PersonalDataAccessLogFilter) { personalDataAccessLog(first: 100, filter: $f) { edges { node { actor { email } } } } }`, { f: { actorId: entries[0].actor.accountId } }, { token: admin });
    expect(new Set(byActor.data.personalDataAccessLog.edges.map((e: any) => e.node.actor.email))).toEqual(new Set([DEMO.admin]));

    // A reason is required.
    const noReason = await t.gql(`{ personalDataAccessLogExport(reason: "   ") }`, {}, { token: admin });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0].message).toBe('내려받는 사유를 입력해야 합니다.');

    const exportsBefore = (await t.sql(`select count(*)::int as n from personal_data_access_log where action = 'EXPORT_ACCESS_LOG'`))[0].n;
    const reason = '=HYPERLINK("http://x") 개인정보 점검';
    const csv1 = await t.gql(`query($f: PersonalDataAccessLogFilter, $r: String!) { personalDataAccessLogExport(filter: $f, reason: $r) }`, { f: { subjectServantId: subject.id }, r: reason }, { token: admin });
    expect(csv1.errors).toBeUndefined();
    const text: string = csv1.data.personalDataAccessLogExport;
    expect(text.startsWith('\uFEFF일시,조회자,조회자 이메일,조회자 역할,IP,대상 사번,대상 성명,행위,요청,사유\r\n')).toBe(true);
    const [emp] = await t.sql(`select employee_number, name from servant where id = $1`, [subject.servantId]);
    expect(text).toContain(`${emp.employee_number},${emp.name},READ_PROFILE`);
    // Exactly one new row: the export, with the reason and the filtered subject.
    const rows = await t.sql(`select actor_account_id, subject_servant_id, reason from personal_data_access_log where action = 'EXPORT_ACCESS_LOG' order by id`);
    expect(rows.length).toBe(exportsBefore + 1);
    expect(rows.at(-1)).toMatchObject({ subject_servant_id: subject.servantId, reason });
    // The next export contains that entry, with the formula neutralised.
    const csv2 = await t.gql(`{ personalDataAccessLogExport(filter: { action: "EXPORT_ACCESS_LOG" }, reason: "분기 점검") }`, {}, { token: admin });
    expect(csv2.data.personalDataAccessLogExport).toContain(`"'=HYPERLINK(""http://x"") 개인정보 점검"`);
    const listed = await t.gql(`{ personalDataAccessLog(first: 1, filter: { action: "EXPORT_ACCESS_LOG" }) { edges { node { reason subject { id } } } } }`, {}, { token: admin });
    expect(listed.data.personalDataAccessLog.edges[0].node).toEqual({ reason: '분기 점검', subject: null });
    // The database refuses an export row without a reason.
    await expect(
      t.sql(`insert into personal_data_access_log (actor_account_id, actor_roles, action) values (1, 'INSTITUTE_ADMIN', 'EXPORT_ACCESS_LOG')`),
    ).rejects.toThrow(/access_log_export_reason/);
  });
});
