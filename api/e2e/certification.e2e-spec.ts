import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

// Mandatory training and certifications, through the API, computed from ledger rows that this
// file inserts directly (the ledger's own mutations have their own tests).
let t: TestApp;
let admin: string;
let suwonAdmin: string;
let seongnamAdmin: string;
let reporter: string;
let suwonServant: { token: string; id: number; gid: string };
let seongnamServant: { token: string; id: number; gid: string };
const cat: Record<string, { id: number; gid: string }> = {};
const course: Record<string, { id: number; gid: string; categoryId: number; title: string }> = {};

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const at = (iso: string) => () => new Date(iso);

const RULE_CREATE = `mutation($input: MandatoryTrainingRuleCreateInput!) { mandatoryTrainingRuleCreate(input: $input) { rule { id name hours frequency withinMonths trigger gradeMin gradeMax jobSeries topicKeyword legalBasis active category { code } } userErrors { code field message } } }`;
const STATUS = `query($id: ID!, $year: Int) { node(id: $id) { ... on Servant { mandatoryTraining(year: $year) { status dueDate hoursRequired hoursCompleted rule { id name } satisfyingCourses { title } } } } }`;
const PROGRESS = `query($id: ID!) { node(id: $id) { ... on Servant { certificationProgress { program { code name } creditsCounted creditsRequired percent complete missing certification { verificationCode } } certifications { id cycle verificationCode status expiresAt program { code } } } } }`;
const EVALUATE = `mutation($id: ID) { certificationEvaluate(input: { servantId: $id }) { awarded { id cycle verificationCode program { code } servant { name } } userErrors { code message } } }`;

let roundId = 0;
let offeringDay = 0;
/** A completed lecture and its EARNED ledger entry (what the credit module records on completion). */
async function earn(servantId: number, courseKey: string, occurredOn: string, amount = '1', hours = amount) {
  const c = course[courseKey];
  offeringDay++;
  const startsAt = new Date(Date.UTC(2031, 0, 1, 0, 0) + offeringDay * 3 * 3600_000);
  const [o] = await t.sql(
    `insert into course_offering (round_id, course_id, starts_at, ends_at, capacity, place, status) values ($1, $2, $3, $4, 30, '301호', 'COMPLETED') returning id`,
    [roundId, c.id, startsAt, new Date(startsAt.getTime() + 3600_000)],
  );
  const [e] = await t.sql(
    `insert into enrollment (offering_id, servant_id, status, starts_at, ends_at, minutes_attended) values ($1, $2, 'COMPLETED', $3, $4, 60) returning id`,
    [o.id, servantId, startsAt, new Date(startsAt.getTime() + 3600_000)],
  );
  const [row] = await t.sql(
    `insert into credit_transaction (servant_id, amount, kind, reason, enrollment_id, course_id, category_id, subject_title, subject_key, hours, occurred_on, year)
     values ($1, $2, 'EARNED', '이수', $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [servantId, amount, e.id, c.id, c.categoryId, c.title, c.title.replace(/\s/g, ''), hours, occurredOn, Number(occurredOn.slice(0, 4))],
  );
  return String(row.id);
}

async function reverse(entryId: string) {
  const [orig] = await t.sql(`select * from credit_transaction where id = $1`, [entryId]);
  await t.sql(
    `insert into credit_transaction (servant_id, amount, kind, reason, reverses_id, course_id, category_id, hours, occurred_on, year) values ($1, $2, 'REVERSED', '정정', $3, $4, $5, $6, $7, $8)`,
    [orig.servant_id, String(-Number(orig.amount)), entryId, orig.course_id, orig.category_id, orig.hours, orig.occurred_on, orig.year],
  );
}

async function statusOf(servant: { token: string; gid: string }, year: number, ruleName: string) {
  const r = await t.gql(STATUS, { id: servant.gid, year }, { token: servant.token });
  expect(r.errors).toBeUndefined();
  return (r.data.node.mandatoryTraining as any[]).find((m) => m.rule.name === ruleName) ?? null;
}

async function createRule(input: Record<string, unknown>) {
  const r = await t.gql(RULE_CREATE, { input }, { token: admin });
  expect(r.data.mandatoryTrainingRuleCreate.userErrors).toEqual([]);
  return r.data.mandatoryTrainingRuleCreate.rule;
}

async function servantLogin(email: string) {
  const [a] = await t.sql(`select servant_id from account where email = $1`, [email]);
  return { token: await t.login(email), id: Number(a.servant_id), gid: gid('Servant', a.servant_id) };
}

/** Signs everyone in again: sessions are checked against the (pinned) clock. */
async function loginAll() {
  [admin, suwonAdmin, seongnamAdmin, reporter] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.suwonAdmin), t.login(DEMO.seongnamAdmin), t.login(DEMO.reporter)]);
  [suwonServant, seongnamServant] = await Promise.all([servantLogin(DEMO.servantSuwon), servantLogin(DEMO.servantSeongnam)]);
}

/** Pins the clock (Korea-time business dates follow it) and signs everyone in at that time. */
async function pin(iso: string) {
  setClock(at(iso));
  await loginAll();
}

beforeAll(async () => {
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
  await loginAll();
  for (const [code, name] of [
    ['CT_STATUTORY', '시험법정'],
    ['CT_DIGITAL', '시험디지털'],
    ['CT_OTHER', '시험기타'],
  ]) {
    const [c] = await t.sql(`insert into category (code, name) values ($1, $2) returning id`, [code, name]);
    cat[code] = { id: c.id, gid: gid('Category', c.id) };
  }
  for (const [key, title, category] of [
    ['INTEGRITY', '시험 청렴 실천 교육', 'CT_STATUTORY'],
    ['INTEGRITY2', '시험 청렴 사례 교육', 'CT_STATUTORY'],
    ['SECURITY', '시험 보안 교육', 'CT_STATUTORY'],
    ['DATA', '시험 데이터 분석', 'CT_DIGITAL'],
    ['AI', '시험 AI 실습', 'CT_DIGITAL'],
    ['OTHER', '시험 민원 응대', 'CT_OTHER'],
  ] as const) {
    const [c] = await t.sql(
      `insert into course (code, title, title_key, category_id, length_minutes, credit_value, format) values ($1, $2, $3, $4, 60, 1, 'IN_PERSON') returning id`,
      [`CT-${key}`, title, title.replace(/\s/g, ''), cat[category].id],
    );
    course[key] = { id: c.id, gid: gid('Course', c.id), categoryId: cat[category].id, title };
  }
  const [r] = await t.sql(`insert into enrollment_round (month, opens_at, closes_at, status) values ('2031-01', '2030-12-01', '2030-12-20', 'CLOSED') returning id`);
  roundId = r.id;
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('mandatory training rules', () => {
  it('are seeded from DOMAIN.md as data, with their legal basis', async () => {
    const r = await t.gql(`{ mandatoryTrainingRules(first: 100) { totalCount edges { node { name hours frequency withinMonths trigger gradeMax legalBasis category { code } } } } }`, {}, { token: suwonServant.token });
    const rules = Object.fromEntries((r.data.mandatoryTrainingRules.edges as any[]).map((e) => [e.node.name, e.node]));
    expect(rules['부패방지 교육']).toMatchObject({ hours: '2', frequency: 'YEARLY', category: { code: 'STATUTORY' } });
    expect(rules['4대 폭력예방 교육 (신규임용자)']).toMatchObject({ hours: '4', frequency: 'ONCE_WITHIN_MONTHS', withinMonths: 2, trigger: 'NEW_APPOINTMENT' });
    expect(rules['4대 폭력예방 교육 (관리자)']).toMatchObject({ gradeMax: 5 });
    expect(rules['보안 교육'].frequency).toBe('TWICE_A_YEAR');
    expect(rules['비상대비 교육'].frequency).toBe('TWICE_A_YEAR');
    expect(rules['개인정보보호 교육'].legalBasis).toContain('개인정보 보호법');
  });

  it('are validated, in Korean, and managed by institute administrators only', async () => {
    const bad = await t.gql(
      RULE_CREATE,
      { input: { name: ' ', gradeMin: 6, gradeMax: 3, courseId: course.INTEGRITY.gid, categoryId: cat.CT_STATUTORY.gid, hours: '0', frequency: 'ONCE_WITHIN_MONTHS' } },
      { token: admin },
    );
    expect(bad.data.mandatoryTrainingRuleCreate.userErrors.map((e: any) => e.code)).toEqual(['INVALID_NAME', 'INVALID_GRADES', 'INVALID_TARGET', 'INVALID_HOURS', 'INVALID_FREQUENCY', 'INVALID_FREQUENCY']);
    expect(bad.data.mandatoryTrainingRuleCreate.userErrors[2].message).toBe('대상 과정 또는 분류 중 정확히 하나를 지정해야 합니다.');
    const en = await t.gql(RULE_CREATE, { input: { name: '시험', categoryId: cat.CT_STATUTORY.gid, hours: '1', frequency: 'YEARLY', withinMonths: 3 } }, { token: admin, headers: { 'accept-language': 'en' } });
    expect(en.data.mandatoryTrainingRuleCreate.userErrors).toEqual([{ code: 'INVALID_FREQUENCY', field: ['input', 'withinMonths'], message: 'Months are given only with the "once within N months" frequency.' }]);
    const forbidden = await t.gql(RULE_CREATE, { input: { name: '시험', categoryId: cat.CT_STATUTORY.gid, hours: '1', frequency: 'YEARLY' } }, { token: suwonAdmin });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const rule = await createRule({ name: '시험 규칙 변경', categoryId: cat.CT_STATUTORY.gid, hours: '1', frequency: 'YEARLY' });
    const dup = await t.gql(RULE_CREATE, { input: { name: '시험 규칙 변경', courseId: course.SECURITY.gid, hours: '1', frequency: 'YEARLY' } }, { token: admin });
    expect(dup.data.mandatoryTrainingRuleCreate.userErrors[0].code).toBe('NAME_TAKEN');
    const upd = await t.gql(
      `mutation($input: MandatoryTrainingRuleUpdateInput!) { mandatoryTrainingRuleUpdate(input: $input) { rule { hours course { title } category { code } } userErrors { code } } }`,
      { input: { id: rule.id, courseId: course.SECURITY.gid, hours: '1.5' } },
      { token: admin },
    );
    expect(upd.data.mandatoryTrainingRuleUpdate).toEqual({ rule: { hours: '1.5', course: { title: '시험 보안 교육' }, category: null }, userErrors: [] });
    const DEACTIVATE = `mutation($id: ID!) { mandatoryTrainingRuleDeactivate(input: { id: $id }) { rule { active } userErrors { code } } }`;
    expect((await t.gql(DEACTIVATE, { id: rule.id }, { token: admin })).data.mandatoryTrainingRuleDeactivate).toEqual({ rule: { active: false }, userErrors: [] });
    expect((await t.gql(DEACTIVATE, { id: rule.id }, { token: admin })).data.mandatoryTrainingRuleDeactivate.userErrors).toEqual([{ code: 'ALREADY_INACTIVE' }]);
  });
});

describe('a servant\'s mandatory training', () => {
  it('flips from DUE to DONE when satisfying courses are completed, back when one is reversed, and is OVERDUE after the due date', async () => {
    await createRule({ name: '시험 청렴 교육', categoryId: cat.CT_STATUTORY.gid, topicKeyword: '청렴', hours: '2', frequency: 'YEARLY', legalBasis: '시험 법령 제1조' });
    await pin('2027-03-02T01:00:00Z');
    const before = await statusOf(suwonServant, 2027, '시험 청렴 교육');
    expect(before).toMatchObject({ status: 'DUE', dueDate: '2027-12-31', hoursRequired: '2', hoursCompleted: '0' });
    // Only courses of the category whose title has the keyword satisfy it.
    expect(before.satisfyingCourses.map((c: any) => c.title)).toEqual(['시험 청렴 사례 교육', '시험 청렴 실천 교육']);

    await earn(suwonServant.id, 'SECURITY', '2027-03-01'); // same category, another topic: does not count
    await earn(suwonServant.id, 'INTEGRITY', '2026-12-20'); // last year: does not count
    const first = await earn(suwonServant.id, 'INTEGRITY', '2027-03-01');
    expect(await statusOf(suwonServant, 2027, '시험 청렴 교육')).toMatchObject({ status: 'DUE', hoursCompleted: '1' });
    await earn(suwonServant.id, 'INTEGRITY2', '2027-03-02');
    expect(await statusOf(suwonServant, 2027, '시험 청렴 교육')).toMatchObject({ status: 'DONE', hoursCompleted: '2' });
    await reverse(first);
    expect(await statusOf(suwonServant, 2027, '시험 청렴 교육')).toMatchObject({ status: 'DUE', hoursCompleted: '1' });

    // 2027-12-31 23:59 KST is still on time; one minute later it is overdue.
    await pin('2027-12-31T14:59:00Z');
    expect((await statusOf(suwonServant, 2027, '시험 청렴 교육')).status).toBe('DUE');
    await pin('2027-12-31T15:00:00Z');
    expect((await statusOf(suwonServant, 2027, '시험 청렴 교육')).status).toBe('OVERDUE');
  });

  it('applies rules by grade, job series and trigger: a new appointee gets the within-two-months rule', async () => {
    await createRule({ name: '시험 관리자 교육', courseId: course.SECURITY.gid, gradeMin: 1, gradeMax: 6, hours: '1', frequency: 'YEARLY' });
    await createRule({ name: '시험 세무 교육', courseId: course.SECURITY.gid, jobSeries: ['세무'], hours: '1', frequency: 'YEARLY' });
    await createRule({ name: '시험 신규임용자 교육', courseId: course.SECURITY.gid, trigger: 'NEW_APPOINTMENT', frequency: 'ONCE_WITHIN_MONTHS', withinMonths: 2, hours: '1' });
    await createRule({ name: '시험 보안 반기 교육', courseId: course.SECURITY.gid, hours: '1', frequency: 'TWICE_A_YEAR' });
    await pin('2028-03-01T01:00:00Z');
    // 김민준: 전산 7급; 박지훈: 세무 6급. Only 박지훈 is a new appointee.
    await t.sql(`update servant set hire_date = '2028-02-10' where id = $1`, [seongnamServant.id]);
    await t.sql(`update servant set hire_date = '2015-03-01' where id = $1`, [suwonServant.id]);
    expect(await statusOf(suwonServant, 2028, '시험 관리자 교육')).toBeNull();
    expect(await statusOf(suwonServant, 2028, '시험 세무 교육')).toBeNull();
    expect(await statusOf(suwonServant, 2028, '시험 신규임용자 교육')).toBeNull();
    expect(await statusOf(seongnamServant, 2028, '시험 관리자 교육')).toMatchObject({ status: 'DUE' });
    expect(await statusOf(seongnamServant, 2028, '시험 세무 교육')).toMatchObject({ status: 'DUE' });
    expect(await statusOf(seongnamServant, 2028, '시험 신규임용자 교육')).toMatchObject({ status: 'DUE', dueDate: '2028-04-10' });
    // Twice a year: the first half is due on 30 June.
    expect(await statusOf(suwonServant, 2028, '시험 보안 반기 교육')).toMatchObject({ status: 'DUE', dueDate: '2028-06-30', hoursRequired: '2' });

    await pin('2028-04-11T01:00:00Z');
    expect(await statusOf(seongnamServant, 2028, '시험 신규임용자 교육')).toMatchObject({ status: 'OVERDUE', dueDate: '2028-04-10' });
    await earn(seongnamServant.id, 'SECURITY', '2028-04-11');
    expect(await statusOf(seongnamServant, 2028, '시험 신규임용자 교육')).toMatchObject({ status: 'DONE' });
    // The first half was completed on 11 April: now the second half is due.
    expect(await statusOf(seongnamServant, 2028, '시험 보안 반기 교육')).toMatchObject({ status: 'DUE', dueDate: '2028-12-31', hoursCompleted: '1' });
    await pin('2028-07-01T01:00:00Z');
    expect(await statusOf(suwonServant, 2028, '시험 보안 반기 교육')).toMatchObject({ status: 'OVERDUE', dueDate: '2028-06-30' });
  });

  it('is personal: another servant cannot read it', async () => {
    const r = await t.gql(STATUS, { id: seongnamServant.gid, year: 2027 }, { token: suwonServant.token });
    expect(r.data.node).toBeNull();
  });
});

describe('overdue list', () => {
  const OVERDUE = `query($year: Int!, $org: ID, $after: String) { mandatoryTrainingOverdue(year: $year, organizationId: $org, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { servant { name organization { name } } overdue { status rule { name } } } } } }`;

  it('shows an organisation administrator only their subtree (수원시 admin sees no 성남시 servant), and exports the same as CSV', async () => {
    await pin('2029-01-05T01:00:00Z');
    const all: any[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const r: any = await t.gql(OVERDUE, { year: 2028, after }, { token: suwonAdmin });
      expect(r.errors).toBeUndefined();
      total = r.data.mandatoryTrainingOverdue.totalCount;
      all.push(...r.data.mandatoryTrainingOverdue.edges.map((e: any) => e.node));
      after = r.data.mandatoryTrainingOverdue.pageInfo.hasNextPage ? r.data.mandatoryTrainingOverdue.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBe(total);
    expect(all.length).toBeGreaterThan(3);
    expect(new Set(all.map((n) => n.servant.organization.name))).toEqual(new Set(['수원시']));
    expect(all.every((n) => n.overdue.length > 0 && n.overdue.every((o: any) => o.status === 'OVERDUE'))).toBe(true);
    const kim = all.find((n) => n.servant.name === '김민준');
    expect(kim.overdue.map((o: any) => o.rule.name)).toContain('시험 보안 반기 교육');

    const [seongnam] = await t.sql(`select id from organization where name = '성남시'`);
    const outside = await t.gql(OVERDUE, { year: 2028, org: gid('Organization', seongnam.id) }, { token: suwonAdmin });
    expect(outside.data.mandatoryTrainingOverdue.totalCount).toBe(0);
    const inst = await t.gql(OVERDUE, { year: 2028, org: gid('Organization', seongnam.id) }, { token: admin });
    expect(inst.data.mandatoryTrainingOverdue.edges.map((e: any) => e.node.servant.name)).toContain('박지훈');

    const csv = (await t.gql(`query($year: Int!) { mandatoryTrainingOverdueCsv(year: $year) }`, { year: 2028 }, { token: suwonAdmin })).data.mandatoryTrainingOverdueCsv as string;
    expect(csv.startsWith('\uFEFF기관,부서,사번,성명,직급,직렬,의무교육,기한,이수시간,필요시간\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n').slice(1);
    expect(lines.every((l) => l.startsWith('수원시,'))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^수원시,[^,]*,[A-Z0-9]+,김민준,7급,전산,시험 보안 반기 교육,2028-06-30,0,2$/));
    expect(new Set(lines.map((l) => l.split(',')[2])).size).toBe(all.length);

    const servantTry = await t.gql(`query { mandatoryTrainingOverdueCsv(year: 2028) }`, {}, { token: suwonServant.token });
    expect(servantTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('certifications', () => {
  const PROGRAM_CREATE = `mutation($input: CertificationProgramCreateInput!) { certificationProgramCreate(input: $input) {
    program { id code name requirements { totalCredits validityMonths categoryMinimums { category { code } credits } requiredCourses { title course { id } } } } userErrors { code field message } } }`;
  let code = '';

  it('programmes are validated and managed by institute administrators', async () => {
    const bad = await t.gql(
      PROGRAM_CREATE,
      { input: { code: 'x', name: '', totalCredits: '0', categoryMinimums: [{ categoryId: cat.CT_DIGITAL.gid, credits: '5' }], validityMonths: 0 } },
      { token: admin },
    );
    expect(bad.data.certificationProgramCreate.userErrors.map((e: any) => e.code)).toEqual(['INVALID_CODE', 'INVALID_NAME', 'INVALID_TOTAL', 'INVALID_MONTHS']);
    const sum = await t.gql(
      PROGRAM_CREATE,
      { input: { code: 'CT_SUM', name: '합계 초과', totalCredits: '3', categoryMinimums: [{ categoryId: cat.CT_DIGITAL.gid, credits: '2' }, { categoryId: cat.CT_OTHER.gid, credits: '2' }] } },
      { token: admin },
    );
    expect(sum.data.certificationProgramCreate.userErrors).toEqual([{ code: 'INVALID_MINIMUM', field: ['input', 'categoryMinimums'], message: '분야별 최소 학점의 합(4)이 총 학점(3)을 넘습니다.' }]);
    const forbidden = await t.gql(PROGRAM_CREATE, { input: { code: 'CT_X', name: 'x', totalCredits: '3' } }, { token: suwonAdmin });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const ok = await t.gql(
      PROGRAM_CREATE,
      {
        input: {
          code: 'CT_DIGITAL_EXPERT',
          name: '시험 디지털 전문가',
          totalCredits: '3',
          categoryMinimums: [{ categoryId: cat.CT_DIGITAL.gid, credits: '2' }],
          requiredCourseIds: [course.AI.gid],
          validityMonths: 12,
        },
      },
      { token: admin },
    );
    expect(ok.data.certificationProgramCreate.userErrors).toEqual([]);
    expect(ok.data.certificationProgramCreate.program.requirements).toEqual({
      totalCredits: '3',
      validityMonths: 12,
      categoryMinimums: [{ category: { code: 'CT_DIGITAL' }, credits: '2' }],
      requiredCourses: [{ title: '시험 AI 실습', course: { id: course.AI.gid } }],
    });
    const seeded = await t.gql(`{ certificationPrograms(first: 20) { edges { node { code name requirements { totalCredits categoryMinimums { category { code } credits } requiredCourses { title } } } } } }`, {}, { token: suwonServant.token });
    const digital = seeded.data.certificationPrograms.edges.map((e: any) => e.node).find((p: any) => p.code === 'DIGITAL_ADMIN_EXPERT');
    expect(digital).toEqual({
      code: 'DIGITAL_ADMIN_EXPERT',
      name: '디지털 행정 전문가',
      requirements: { totalCredits: '12', categoryMinimums: [{ category: { code: 'DIGITAL_AI' }, credits: '6' }], requiredCourses: [{ title: '생성형 AI 업무 활용' }] },
    });
  });

  it('shows progress with what is missing in Korean, then awards exactly once when the last required course is completed, even when evaluated twice at once', async () => {
    await pin('2029-02-01T01:00:00Z');
    await earn(seongnamServant.id, 'DATA', '2029-01-10');
    await earn(seongnamServant.id, 'OTHER', '2029-01-11');
    const p1 = await t.gql(PROGRESS, { id: seongnamServant.gid }, { token: seongnamServant.token });
    const mine = (p: any) => p.data.node.certificationProgress.find((x: any) => x.program.code === 'CT_DIGITAL_EXPERT');
    expect(mine(p1)).toEqual({
      program: { code: 'CT_DIGITAL_EXPERT', name: '시험 디지털 전문가' },
      creditsCounted: '3', // with the security lecture of 2028
      creditsRequired: '3',
      percent: 50, // (total met + half the category minimum + no required course) / 3
      complete: false,
      missing: ['시험디지털 분야 1학점 더 필요', "필수 과정 '시험 AI 실습' 미이수"],
      certification: null,
    });
    // The seeded programme, as the brief words it.
    expect(p1.data.node.certificationProgress.find((x: any) => x.program.code === 'DIGITAL_ADMIN_EXPERT').missing).toEqual([
      '총 9학점 더 필요',
      '디지털·AI 분야 6학점 더 필요',
      "필수 과정 '생성형 AI 업무 활용' 미이수",
    ]);
    const en = await t.gql(PROGRESS, { id: seongnamServant.gid }, { token: seongnamServant.token, headers: { 'accept-language': 'en' } });
    expect(mine(en).missing).toEqual(['1 more credits needed in 시험디지털', "Required course '시험 AI 실습' not completed"]);
    expect((await t.gql(EVALUATE, { id: seongnamServant.gid }, { token: admin })).data.certificationEvaluate).toEqual({ awarded: [], userErrors: [] });

    const ws = t.ws(seongnamAdmin);
    const sub = nextResults(ws, `subscription { certificationAwarded { awards { program { code } organization { name } certification { servant { name } } } } }`, {}, 1);
    const wsReporter = t.ws(reporter);
    const subReporter = nextResults(wsReporter, `subscription { certificationAwarded { awards { program { code } organization { name } certification { id } } } }`, {}, 1);
    await new Promise((r) => setTimeout(r, 300));

    await earn(seongnamServant.id, 'AI', '2029-02-01');
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => t.gql(EVALUATE, { id: seongnamServant.gid }, { token: admin })),
      ...Array.from({ length: 4 }, () => t.gql(EVALUATE, { id: seongnamServant.gid }, { token: seongnamAdmin })),
    ]);
    const awarded = results.flatMap((r) => r.data.certificationEvaluate.awarded);
    expect(awarded).toHaveLength(1);
    expect(awarded[0]).toMatchObject({ cycle: 1, program: { code: 'CT_DIGITAL_EXPERT' }, servant: { name: '박지훈' } });
    code = awarded[0].verificationCode;
    expect(code).toMatch(/^[A-Z2-7]{16}$/);
    const rows = await t.sql(`select count(*)::int as n from certification c join certification_program p on p.id = c.program_id where p.code = 'CT_DIGITAL_EXPERT'`);
    expect(rows[0].n).toBe(1);
    const notes = await t.sql(`select params from notification where servant_id = $1 and kind = 'CERTIFICATION_AWARDED'`, [seongnamServant.id]);
    expect(notes).toHaveLength(1);
    expect(notes[0].params).toMatchObject({ programName: '시험 디지털 전문가', verificationCode: code, expiresOn: '2030-02-01' });

    const [event] = await sub.done;
    expect((event as any).data.certificationAwarded.awards).toEqual([{ program: { code: 'CT_DIGITAL_EXPERT' }, organization: { name: '성남시' }, certification: { servant: { name: '박지훈' } } }]);
    const [forReporter] = await subReporter.done;
    expect((forReporter as any).data.certificationAwarded.awards).toEqual([{ program: { code: 'CT_DIGITAL_EXPERT' }, organization: { name: '성남시' }, certification: null }]);

    const p2 = await t.gql(PROGRESS, { id: seongnamServant.gid }, { token: seongnamServant.token });
    expect(mine(p2)).toMatchObject({ complete: false, percent: 0, certification: { verificationCode: code } });
    expect(p2.data.node.certifications).toEqual([expect.objectContaining({ cycle: 1, verificationCode: code, status: 'VALID', program: { code: 'CT_DIGITAL_EXPERT' } })]);
  });

  it('renews after expiry with credits earned after the previous award only', async () => {
    await pin('2030-02-02T01:00:00Z');
    const p = await t.gql(PROGRESS, { id: seongnamServant.gid }, { token: seongnamServant.token });
    expect(p.data.node.certifications[0].status).toBe('EXPIRED');
    expect((await t.gql(EVALUATE, { id: seongnamServant.gid }, { token: admin })).data.certificationEvaluate.awarded).toEqual([]);
    await earn(seongnamServant.id, 'AI', '2030-02-01');
    await earn(seongnamServant.id, 'DATA', '2030-02-01');
    await earn(seongnamServant.id, 'OTHER', '2030-02-01');
    const renewed = (await t.gql(EVALUATE, { id: seongnamServant.gid }, { token: admin })).data.certificationEvaluate.awarded;
    expect(renewed).toEqual([expect.objectContaining({ cycle: 2, program: { code: 'CT_DIGITAL_EXPERT' } })]);
  });

  it('lists who is awarded, newest first, within the administrator\'s scope, filtered by programme, organisation and state, as CSV too, logging the holders read, in a constant number of statements', async () => {
    await pin('2030-02-03T01:00:00Z');
    // 박지훈 (성남시) holds cycle 1 (expired) and cycle 2 (valid); give a 수원시 servant one too.
    const [program] = await t.sql(`select id from certification_program where code = 'CT_DIGITAL_EXPERT'`);
    const programGid = gid('CertificationProgram', program.id);
    await t.sql(
      `insert into certification (program_id, servant_id, cycle, awarded_at, expires_at, verification_code, credits_counted, ledger_watermark) values ($1, $2, 1, '2029-12-01T01:00:00Z', '2030-12-01T01:00:00Z', 'SUWNAAAAAAAAAAAA', 3, 0)`,
      [program.id, suwonServant.id],
    );
    const AWARDED = `query($program: ID, $org: ID, $status: CertificationState, $first: Int, $after: String) {
      certificationsAwarded(programId: $program, organizationId: $org, status: $status, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { cycle status awardedAt program { code } servant { name organization { name } } } } } }`;
    const list = async (token: string, vars: Record<string, unknown>) => {
      const r = await t.gql(AWARDED, { program: programGid, first: 10, ...vars }, { token });
      expect(r.errors).toBeUndefined();
      return r.data.certificationsAwarded;
    };
    const all = await list(admin, {});
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: any) => [e.node.servant.name, e.node.cycle, e.node.status])).toEqual([
      ['박지훈', 2, 'VALID'],
      [expect.any(String), 1, 'VALID'],
      ['박지훈', 1, 'EXPIRED'],
    ]);
    expect(all.edges[1].node.servant.organization.name).toBe('수원시');
    expect((await list(admin, { status: 'EXPIRED' })).edges.map((e: any) => e.node.cycle)).toEqual([1]);
    expect((await list(admin, { status: 'VALID' })).totalCount).toBe(2);
    // Keyset pages of one.
    const p1 = await list(admin, { first: 1 });
    const p2 = await list(admin, { first: 1, after: p1.pageInfo.endCursor });
    const p3 = await list(admin, { first: 1, after: p2.pageInfo.endCursor });
    expect([p1, p2, p3].map((p) => p.edges[0].node.awardedAt)).toEqual(all.edges.map((e: any) => e.node.awardedAt));
    expect(p3.pageInfo.hasNextPage).toBe(false);

    // Organisation administrators: their subtree only, even when they ask for another.
    expect((await list(suwonAdmin, {})).edges.map((e: any) => e.node.servant.organization.name)).toEqual(['수원시']);
    const [seongnam] = await t.sql(`select id from organization where name = '성남시'`);
    expect((await list(suwonAdmin, { org: gid('Organization', seongnam.id) })).totalCount).toBe(0);
    expect((await list(seongnamAdmin, {})).edges.map((e: any) => e.node.servant.name)).toEqual(['박지훈', '박지훈']);
    expect((await list(admin, { org: gid('Organization', seongnam.id) })).totalCount).toBe(2);
    for (const token of [reporter, suwonServant.token]) {
      const r = await t.gql(AWARDED, {}, { token });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const wrongId = await t.gql(AWARDED, { program: course.AI.gid }, { token: admin });
    expect(wrongId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // Reading the list is logged for each holder shown.
    const logged = async () => (await t.sql(`select count(*)::int as n from personal_data_access_log where subject_servant_id = $1 and action = 'READ_EDUCATION'`, [suwonServant.id]))[0].n;
    const before = await logged();
    await list(suwonAdmin, {});
    expect(await logged()).toBe(before + 1);

    // The page costs the same number of statements for 1 and for 3 holders (no N+1).
    const one = await t.countStatements(() => list(admin, { first: 1 }));
    const three = await t.countStatements(() => list(admin, { first: 3 }));
    expect(three).toBe(one);

    const CSV = `query($program: ID, $status: CertificationState) { certificationsAwardedCsv(programId: $program, status: $status) }`;
    const csv = (await t.gql(CSV, { program: programGid }, { token: seongnamAdmin })).data.certificationsAwardedCsv as string;
    expect(csv.startsWith('\uFEFF기관,부서,사번,성명,직급,직렬,인증,회차,인증일,만료일,인정학점,확인코드,상태\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^성남시,[^,]*,[A-Z0-9]+,박지훈,\d급,[^,]+,시험 디지털 전문가,2,2030-02-02,2031-02-02,\d+,[A-Z2-7]{16},유효$/);
    expect(lines[1]).toMatch(/,시험 디지털 전문가,1,2029-02-01,2030-02-01,\d+,[A-Z2-7]{16},만료$/);
    const expiredCsv = (await t.gql(CSV, { program: programGid, status: 'EXPIRED' }, { token: admin })).data.certificationsAwardedCsv as string;
    expect(expiredCsv.slice(1).trim().split('\r\n')).toHaveLength(2);
    expect((await t.gql(CSV, {}, { token: reporter })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('revokes a certification when a reversal leaves its requirements unmet (kept while spare credits remain), and awards the next cycle when they are met again', async () => {
    await pin('2030-03-02T01:00:00Z');
    const [x] = await t.sql(`select s.id, s.name from servant s where not exists (select 1 from credit_transaction t where t.servant_id = s.id) order by s.id limit 1`);
    const holder = { id: Number(x.id), gid: gid('Servant', x.id) };
    const created = await t.gql(PROGRAM_CREATE, { input: { code: 'CT_REVOKE', name: '시험 보안 인증', totalCredits: '2', requiredCourseIds: [course.SECURITY.gid] } }, { token: admin });
    expect(created.data.certificationProgramCreate.userErrors).toEqual([]);
    const security = await earn(holder.id, 'SECURITY', '2030-02-10');
    const data = await earn(holder.id, 'DATA', '2030-02-11');
    await earn(holder.id, 'OTHER', '2030-02-12');
    const awarded = (await t.gql(EVALUATE, { id: holder.gid }, { token: admin })).data.certificationEvaluate.awarded;
    expect(awarded.map((a: any) => [a.program.code, a.cycle])).toEqual([['CT_REVOKE', 1]]);
    const code = awarded[0].verificationCode as string;

    const REVERSE = `mutation($input: CreditTransactionReverseInput!) { creditTransactionReverse(input: $input) { transaction { id } userErrors { code message } } }`;
    const reverseApi = async (entryId: string, key: string) => {
      const r = await t.gql(REVERSE, { input: { transactionId: gid('CreditTransaction', entryId), reason: '출석 기록 정정', idempotencyKey: key } }, { token: admin });
      expect(r.data.creditTransactionReverse.userErrors).toEqual([]);
    };
    const CERTS = `query($id: ID!) { node(id: $id) { ... on Servant { certifications { cycle status revokedAt revokedReason program { code } } } } }`;
    const certs = async () => ((await t.gql(CERTS, { id: holder.gid }, { token: admin })).data.node.certifications as any[]).filter((c) => c.program.code === 'CT_REVOKE');
    const revokedNotes = async () => t.sql(`select params from notification where servant_id = $1 and kind = 'CERTIFICATION_REVOKED'`, [holder.id]);

    // 3 credits counted, 2 required: one reversal leaves enough, so the certification stands.
    await reverseApi(data, 'revoke-test-data');
    expect(await certs()).toEqual([{ cycle: 1, status: 'VALID', revokedAt: null, revokedReason: null, program: { code: 'CT_REVOKE' } }]);
    expect(await revokedNotes()).toEqual([]);

    // The required course's credit reversed: revoked, with the reason, the holder told; the
    // public check says so and the certificate is no longer printed.
    await reverseApi(security, 'revoke-test-security');
    expect(await certs()).toEqual([
      { cycle: 1, status: 'REVOKED', revokedAt: '2030-03-02T01:00:00.000Z', revokedReason: '인정받은 학점(시험 보안 교육)이 취소되어 인증 요건을 더 이상 충족하지 않습니다.', program: { code: 'CT_REVOKE' } },
    ]);
    const notes = await revokedNotes();
    expect(notes).toHaveLength(1);
    expect(notes[0].params).toMatchObject({ programName: '시험 보안 인증', verificationCode: code });
    const verify = await t.gql(`query($c: String!) { certificateVerify(code: $c) { status } }`, { c: code }, { token: null });
    expect(verify.data.certificateVerify.status).toBe('REVOKED');
    expect((await fetch(`${t.httpUrl.replace(/\/graphql$/, '')}/certificates/${code}.pdf`)).status).toBe(410);
    const revokedList = await t.gql(`query { certificationsAwarded(status: REVOKED, first: 10) { edges { node { verificationCode } } } }`, {}, { token: admin });
    expect(revokedList.data.certificationsAwarded.edges.map((e: any) => e.node.verificationCode)).toContain(code);
    const validList = await t.gql(`query { certificationsAwarded(status: VALID, first: 100) { edges { node { verificationCode } } } }`, {}, { token: admin });
    expect(validList.data.certificationsAwarded.edges.map((e: any) => e.node.verificationCode)).not.toContain(code);
    const progress = await t.gql(PROGRESS, { id: holder.gid }, { token: admin });
    expect(progress.data.node.certificationProgress.find((p: any) => p.program.code === 'CT_REVOKE')).toMatchObject({ complete: false, certification: null, missing: ['총 1학점 더 필요', "필수 과정 '시험 보안 교육' 미이수"] });

    // Met again with a new credit: the next cycle, counting every entry still standing.
    const security2 = await earn(holder.id, 'SECURITY', '2030-03-01');
    const again = (await t.gql(EVALUATE, { id: holder.gid }, { token: admin })).data.certificationEvaluate.awarded;
    expect(again.map((a: any) => [a.program.code, a.cycle])).toEqual([['CT_REVOKE', 2]]);
    expect((await certs()).map((c) => [c.cycle, c.status])).toEqual([
      [2, 'VALID'],
      [1, 'REVOKED'],
    ]);

    // An attendance correction that takes the completion away reverses its credit: the same review.
    await pin('2031-06-01T01:00:00Z');
    const [{ offering_id }] = await t.sql(`select e.offering_id from credit_transaction t join enrollment e on e.id = t.enrollment_id where t.id = $1`, [security2]);
    const corrected = await t.gql(
      `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { outcomes { transaction { kind } } userErrors { code message } } }`,
      { input: { offeringId: gid('CourseOffering', offering_id), entries: [{ servantId: holder.gid, minutesAttended: 10 }] } },
      { token: admin },
    );
    expect(corrected.data.attendanceRecord).toEqual({ outcomes: [{ transaction: { kind: 'REVERSED' } }], userErrors: [] });
    expect((await certs()).map((c) => [c.cycle, c.status])).toEqual([
      [2, 'REVOKED'],
      [1, 'REVOKED'],
    ]);
    expect(await revokedNotes()).toHaveLength(2);
    await t.gql(`mutation($id: ID!) { certificationProgramDeactivate(input: { id: $id }) { userErrors { code } } }`, { id: created.data.certificationProgramCreate.program.id }, { token: admin });
  });

  it('a verification code checks out publicly and reveals nothing else', async () => {
    await pin('2029-06-01T01:00:00Z');
    const VERIFY = `query($code: String!) { certificateVerify(code: $code) { holderName programName awardedAt expiresAt status } }`;
    const r = await t.gql(VERIFY, { code: code.toLowerCase().replace(/(.{4})/g, '$1-').replace(/-$/, '') }, { token: null });
    expect(r.errors).toBeUndefined();
    expect(r.data.certificateVerify).toEqual({ holderName: '박지훈', programName: '시험 디지털 전문가', awardedAt: '2029-02-01T01:00:00.000Z', expiresAt: '2030-02-01T01:00:00.000Z', status: 'VALID' });
    expect((await t.gql(VERIFY, { code: 'AAAAAAAAAAAAAAAA' }, { token: null })).data.certificateVerify).toBeNull();
    // Nothing else is reachable from it: no servant, no id, no contact details.
    const more = await t.gql(`query($code: String!) { certificateVerify(code: $code) { servant { email } } }`, { code }, { token: null });
    expect(more.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const type = await t.gql(`{ __type(name: "CertificateVerification") { fields { name } } }`, {}, { token: admin });
    expect(type.data.__type.fields.map((f: any) => f.name).sort()).toEqual(['awardedAt', 'expiresAt', 'holderName', 'programName', 'status']);
  });

  it('prints a PDF certificate whose extracted text holds the Korean name and programme', async () => {
    const base = t.httpUrl.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/certificates/${code}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = (text as string).replace(/\s+/g, '');
    expect(flat).toContain('박지훈');
    expect(flat).toContain('시험디지털전문가');
    expect(flat).toContain('인증서');
    expect(flat).toContain(code);
    expect((await fetch(`${base}/certificates/AAAAAAAAAAAAAAAA.pdf`)).status).toBe(404);
  });

  it('exports the credit transcript as CSV and PDF to the servant and administrators in scope only', async () => {
    const base = t.httpUrl.replace(/\/graphql$/, '');
    const url = `${base}/transcripts/${seongnamServant.gid}`;
    const csvRes = await fetch(`${url}.csv`, { headers: { authorization: `Bearer ${seongnamServant.token}` } });
    expect(csvRes.status).toBe(200);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM for Excel
    const csv = bytes.toString('utf8');
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('일자,구분,과목,분류,시간,학점,비고');
    expect(lines).toContain('2029-02-01,이수,시험 AI 실습,시험디지털,1,1,');
    expect(lines).toContain('2029-01-10,이수,시험 데이터 분석,시험디지털,1,1,');
    expect(lines.length).toBe(1 + (await t.sql(`select count(*)::int as n from credit_transaction where servant_id = $1`, [seongnamServant.id]))[0].n);

    expect((await fetch(`${url}.csv`)).status).toBe(401);
    expect((await fetch(`${url}.csv`, { headers: { authorization: `Bearer ${suwonServant.token}` } })).status).toBe(404);
    expect((await fetch(`${url}.csv`, { headers: { authorization: `Bearer ${suwonAdmin}` } })).status).toBe(404);
    expect((await fetch(`${url}.csv`, { headers: { authorization: `Bearer ${seongnamAdmin}` } })).status).toBe(200);
    const logged = await t.sql(`select count(*)::int as n from personal_data_access_log where subject_servant_id = $1 and action = 'READ_EDUCATION'`, [seongnamServant.id]);
    expect(logged[0].n).toBeGreaterThan(0);

    const pdfRes = await fetch(`${url}.pdf`, { headers: { authorization: `Bearer ${admin}` } });
    expect(pdfRes.status).toBe(200);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdfRes.arrayBuffer())), { mergePages: true });
    const flat = (text as string).replace(/\s+/g, '');
    expect(flat).toContain('학점이수내역서');
    expect(flat).toContain('박지훈');
    expect(flat).toContain('시험AI실습');
  });
});
