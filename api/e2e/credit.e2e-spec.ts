import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

// The credit bank through the API: attendance → completion → ledger, ledger operations,
// policy, reads and events. Offerings are set up in SQL as CONFIRMED (the rule of five has its
// own tests in round.e2e-spec.ts); everything under test goes through GraphQL.
let t: TestApp;
let admin: string;
let suwonAdmin: string;
let categoryId: number;
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const dbId = (g: string) => Number(Buffer.from(g, 'base64url').toString().split(':')[1]);
/** 2026-12-20 12:00 KST: after every lecture set up below. */
const NOW = new Date('2026-12-20T03:00:00Z');

const ATTENDANCE = `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) {
  offering { status } outcomes { enrollment { status } minutesAttended completionNote transaction { kind amount hours } } userErrors { code field message } } }`;
const ONLINE = `mutation($input: OnlineProgressRecordInput!) { onlineProgressRecord(input: $input) {
  outcomes { enrollment { status } progressPercent score completionNote transaction { kind amount } } userErrors { code field message } } }`;
const IMPORT = `mutation($input: AttendanceImportInput!) { attendanceImport(input: $input) {
  totalRows recordedCount completedCount rowErrors { line employeeNumber code message } outcomes { completionNote } userErrors { code message } } }`;
const RECORD = `mutation($input: CreditTransactionRecordInput!) { creditTransactionRecord(input: $input) {
  transaction { id kind amount hours subjectTitle year servant { name } } userErrors { code field message } } }`;
const REVERSE = `mutation($input: CreditTransactionReverseInput!) { creditTransactionReverse(input: $input) {
  transaction { id kind amount reverses { id } } userErrors { code field message } } }`;
const POLICY = `mutation($input: CreditPolicyUpdateInput!) { creditPolicyUpdate(input: $input) {
  policy { year creditsPerHour recognizedYearlyCap requiredHoursByGrade { grade hours } } userErrors { code message } } }`;

let slotCounter = 0;
let roundCounter = 0;
let courseCounter = 0;

/** Servants of an organisation (by name) that no earlier test has used: no login, no registration, no ledger entry. */
async function servantsOf(orgName: string, n: number): Promise<{ id: number; employee_number: string; name: string; grade: number }[]> {
  const rows = await t.sql(
    `select s.id, s.employee_number, s.name, s.grade from servant s join organization o on o.id = s.organization_id
     where o.name = $1 and not exists (select 1 from account a where a.servant_id = s.id)
       and not exists (select 1 from enrollment e where e.servant_id = s.id) and not exists (select 1 from credit_transaction c where c.servant_id = s.id)
     order by s.id limit $2`,
    [orgName, n],
  );
  expect(rows).toHaveLength(n);
  return rows as any;
}

/**
 * A CONFIRMED offering of a new course with CONFIRMED registrations, its lecture in a slot of
 * its own in early December 2026 (so the servants' registrations never overlap).
 */
async function confirmedOffering(servantIds: number[], opts: { format?: 'IN_PERSON' | 'LIVE_ONLINE' | 'RECORDED'; minutes?: number; title?: string; status?: string; startsAt?: Date } = {}) {
  const minutes = opts.minutes ?? 60;
  courseCounter++;
  const title = opts.title ?? `학점 시험 과정 ${courseCounter}호`;
  const [c] = await t.sql(
    `insert into course (code, title, title_key, category_id, length_minutes, credit_value, format) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [`CR-${courseCounter}`, title, `cr-${courseCounter}`, categoryId, minutes, String(minutes / 60), opts.format ?? 'IN_PERSON'],
  );
  roundCounter++;
  const [r] = await t.sql(
    `insert into enrollment_round (month, opens_at, closes_at, status, minimum_registrants) values ($1, '2026-10-01', '2026-10-20', 'CLOSED', 1) returning id`,
    [`${2100 + Math.floor(roundCounter / 12)}-${String((roundCounter % 12) + 1).padStart(2, '0')}`],
  );
  slotCounter++;
  const startsAt = opts.startsAt ?? new Date(Date.UTC(2026, 11, 1) + slotCounter * 3 * 3600_000);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const [o] = await t.sql(
    `insert into course_offering (round_id, course_id, starts_at, ends_at, place, online_url, capacity, status) values ($1, $2, $3, $4, '301호', 'https://lms.example/x', 100, $5) returning id`,
    [r.id, c.id, startsAt, endsAt, opts.status ?? 'CONFIRMED'],
  );
  if (servantIds.length) {
    await t.sql(
      `insert into enrollment (offering_id, servant_id, status, starts_at, ends_at) select $1, s, 'CONFIRMED', $2, $3 from unnest($4::int[]) s`,
      [o.id, startsAt, endsAt, servantIds],
    );
  }
  return { id: gid('CourseOffering', o.id), dbId: Number(o.id), courseId: Number(c.id), title };
}

async function ledger(servantIds: number[]) {
  return t.sql(`select id::int, servant_id, kind, amount::text, hours::text, reverses_id::int, enrollment_id from credit_transaction where servant_id = any($1::int[]) order by id`, [servantIds]);
}

/** Stored balance, SQL sum of the ledger, for each servant. */
async function balances(servantIds: number[]) {
  return t.sql<{ servant_id: number; stored: string; summed: string }>(
    `select s as servant_id, coalesce((select balance::text from credit_balance where servant_id = s), '0') as stored,
            coalesce((select sum(amount)::text from credit_transaction where servant_id = s), '0') as summed
     from unnest($1::int[]) s order by s`,
    [servantIds],
  );
}

const recordInput = (servantId: number, over: Record<string, unknown> = {}) => ({
  servantId: gid('Servant', servantId),
  kind: 'RECOGNIZED',
  amount: '2',
  reason: '외부 교육 이수 인정',
  hours: '2',
  title: '정보보안 기사 실무',
  evidence: '수료증 제2026-123호',
  occurredOn: '2026-06-01',
  idempotencyKey: `k-${Math.random()}`,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
  admin = await t.login(DEMO.admin);
  suwonAdmin = await t.login(DEMO.suwonAdmin);
  const [cat] = await t.sql(`insert into category (code, name) values ('CREDIT_TEST', '학점 시험') returning id`);
  categoryId = Number(cat.id);
}, 60_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('recording attendance', () => {
  it('credits exactly the servants with ≥ 80 % (48 of 60 completes, 47 does not), once, even when the same upload is sent twice at the same time', async () => {
    setClock(() => NOW);
    const people = await servantsOf('수원시', 5);
    const ids = people.map((p) => p.id);
    const offering = await confirmedOffering(ids);
    const minutes = [48, 47, 0, 60, 59];
    const input = { offeringId: offering.id, entries: people.map((p, i) => ({ servantId: gid('Servant', p.id), minutesAttended: minutes[i] })) };

    const [a, b] = await Promise.all([t.gql(ATTENDANCE, { input }, { token: admin }), t.gql(ATTENDANCE, { input }, { token: admin })]);
    for (const r of [a, b]) expect(r.data.attendanceRecord.userErrors).toEqual([]);
    expect(a.data.attendanceRecord.offering.status).toBe('COMPLETED');
    // Exactly one of the two uploads recorded the credits (they ran one after the other).
    const recordedBy = [a, b].map((r) => r.data.attendanceRecord.outcomes.filter((o: any) => o.transaction).length).sort();
    expect(recordedBy).toEqual([0, 3]);
    const first = [a, b].find((r) => r.data.attendanceRecord.outcomes.some((o: any) => o.transaction))!;
    expect(first.data.attendanceRecord.outcomes.map((o: any) => [o.enrollment.status, o.minutesAttended, o.transaction?.amount ?? null])).toEqual([
      ['COMPLETED', 48, '1'],
      ['ATTENDED', 47, null],
      ['NO_SHOW', 0, null],
      ['COMPLETED', 60, '1'],
      ['COMPLETED', 59, '1'],
    ]);
    expect(first.data.attendanceRecord.outcomes[1].completionNote).toBe('미수료: 출석 47분 / 기준 48분(80%) 미달');
    expect(first.data.attendanceRecord.outcomes[2].completionNote).toBe('불참: 출석 기록 없음 (수료 기준 48분)');
    expect(first.data.attendanceRecord.outcomes[0].completionNote).toBe('수료: 출석 48분 / 기준 48분(80%) 충족');

    const rows = await ledger(ids);
    expect(rows.map((r) => [r.servant_id, r.kind, r.amount, r.hours])).toEqual([
      [ids[0], 'EARNED', '1.00', '1.00'],
      [ids[3], 'EARNED', '1.00', '1.00'],
      [ids[4], 'EARNED', '1.00', '1.00'],
    ]);
    const [earned] = await t.sql(`select subject_title, subject_key, course_id, category_id, occurred_on::text, year from credit_transaction where servant_id = $1`, [ids[0]]);
    expect(earned).toMatchObject({ subject_title: offering.title, course_id: offering.courseId, category_id: categoryId, year: 2026 });
    expect(earned.subject_key).toBe(offering.title.replace(/ /g, ''));
    for (const x of await balances(ids)) expect(x.stored).toBe(x.summed);

    // And again later: nothing new.
    const again = await t.gql(ATTENDANCE, { input }, { token: admin });
    expect(again.data.attendanceRecord.outcomes.filter((o: any) => o.transaction)).toEqual([]);
    expect(await ledger(ids)).toHaveLength(3);
  });

  it('a 90-minute live lecture: 72 minutes completes and earns exactly 1.5, 71 does not', async () => {
    setClock(() => NOW);
    const people = await servantsOf('성남시', 2);
    const offering = await confirmedOffering(
      people.map((p) => p.id),
      { format: 'LIVE_ONLINE', minutes: 90 },
    );
    const r = await t.gql(
      ATTENDANCE,
      { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', people[0].id), minutesAttended: 72 }, { servantId: gid('Servant', people[1].id), minutesAttended: 71 }] } },
      { token: admin },
    );
    expect(r.data.attendanceRecord.outcomes.map((o: any) => [o.enrollment.status, o.transaction?.amount ?? null, o.transaction?.hours ?? null])).toEqual([
      ['COMPLETED', '1.5', '1.5'],
      ['ATTENDED', null, null],
    ]);
    expect(r.data.attendanceRecord.outcomes[1].completionNote).toBe('미수료: 출석 71분 / 기준 72분(80%) 미달');
  });

  it('recorded lectures complete at progress ≥ 90 and score ≥ 60, and only through onlineProgressRecord', async () => {
    setClock(() => NOW);
    const people = await servantsOf('고양시', 5);
    const offering = await confirmedOffering(
      people.map((p) => p.id),
      { format: 'RECORDED' },
    );
    const values: [string, string][] = [
      ['90', '60'],
      ['89.99', '100'],
      ['100', '59.99'],
      ['0', '0'],
      ['50', '10'],
    ];
    const wrong = await t.gql(ATTENDANCE, { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', people[0].id), minutesAttended: 60 }] } }, { token: admin });
    expect(wrong.data.attendanceRecord.userErrors[0]).toMatchObject({ code: 'WRONG_FORMAT', message: expect.stringContaining('녹화 강의는') });

    const r = await t.gql(
      ONLINE,
      { input: { offeringId: offering.id, entries: people.map((p, i) => ({ servantId: gid('Servant', p.id), progressPercent: values[i][0], score: values[i][1] })) } },
      { token: admin },
    );
    expect(r.data.onlineProgressRecord.userErrors).toEqual([]);
    expect(r.data.onlineProgressRecord.outcomes.map((o: any) => [o.enrollment.status, o.transaction?.kind ?? null, o.completionNote])).toEqual([
      ['COMPLETED', 'EARNED', '수료: 진도율 90%, 점수 60점 (기준 진도율 90%·점수 60점)'],
      ['ATTENDED', null, '미수료: 진도율 89.99% / 기준 90% 미달'],
      ['ATTENDED', null, '미수료: 점수 59.99점 / 기준 60점 미달'],
      ['NO_SHOW', null, '불참: 학습 기록 없음 (진도율 0%)'],
      ['ATTENDED', null, '미수료: 진도율 50% / 기준 90% 미달, 점수 10점 / 기준 60점 미달'],
    ]);
    expect(await ledger(people.map((p) => p.id))).toHaveLength(1);
  });

  it('a corrected upload credits a former no-show, reverses a completion it takes away, and restores it again once', async () => {
    setClock(() => NOW);
    const [p, q] = await servantsOf('안양시', 2);
    const offering = await confirmedOffering([p.id, q.id]);
    const send = (a: number, b: number) =>
      t.gql(
        ATTENDANCE,
        { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', p.id), minutesAttended: a }, { servantId: gid('Servant', q.id), minutesAttended: b }] } },
        { token: admin },
      );
    await send(0, 60);
    expect((await ledger([p.id, q.id])).map((r) => [r.servant_id, r.kind])).toEqual([[q.id, 'EARNED']]);
    // p was marked absent by mistake; q left early.
    const fixed = await send(55, 30);
    expect(fixed.data.attendanceRecord.outcomes.map((o: any) => [o.enrollment.status, o.transaction?.kind ?? null])).toEqual([
      ['COMPLETED', 'EARNED'],
      ['ATTENDED', 'REVERSED'],
    ]);
    let rows = await ledger([p.id, q.id]);
    expect(rows.map((r) => [r.servant_id, r.kind, r.amount])).toEqual([
      [q.id, 'EARNED', '1.00'],
      [q.id, 'REVERSED', '-1.00'],
      [p.id, 'EARNED', '1.00'],
    ]);
    expect(rows[1].reverses_id).toBe(rows[0].id);
    // Wrong again: q did stay. The completion is restored once (ADJUSTED under a fixed key), however often it is sent.
    await Promise.all([send(55, 50), send(55, 50)]);
    await send(55, 50);
    rows = await ledger([p.id, q.id]);
    expect(rows.map((r) => [r.servant_id, r.kind, r.amount])).toEqual([
      [q.id, 'EARNED', '1.00'],
      [q.id, 'REVERSED', '-1.00'],
      [p.id, 'EARNED', '1.00'],
      [q.id, 'ADJUSTED', '1.00'],
    ]);
    for (const x of await balances([p.id, q.id])) expect(x).toMatchObject({ stored: '1.00', summed: '1.00' });
  });

  it('refuses offerings that are not confirmed or have not started, and servants outside an organisation administrator\'s scope', async () => {
    setClock(() => NOW);
    const [s] = await servantsOf('수원시', 1);
    const [other] = await servantsOf('성남시', 1);
    const scheduled = await confirmedOffering([], { status: 'SCHEDULED' });
    const r1 = await t.gql(ATTENDANCE, { input: { offeringId: scheduled.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }] } }, { token: admin });
    expect(r1.data.attendanceRecord.userErrors).toEqual([
      { code: 'OFFERING_NOT_CONFIRMED', field: ['input', 'offeringId'], message: '개설이 확정(CONFIRMED)되었거나 완료(COMPLETED)된 과정만 출석을 기록할 수 있습니다. 현재 상태: SCHEDULED' },
    ]);
    const future = await confirmedOffering([s.id], { startsAt: new Date('2026-12-28T01:00:00Z') });
    const r2 = await t.gql(ATTENDANCE, { input: { offeringId: future.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }] } }, { token: admin });
    expect(r2.data.attendanceRecord.userErrors[0]).toMatchObject({ code: 'LECTURE_NOT_STARTED', message: '강의가 아직 시작되지 않았습니다. 시작: 2026-12-28 10:00' });

    const mixed = await confirmedOffering([s.id, other.id]);
    const r3 = await t.gql(
      ATTENDANCE,
      { input: { offeringId: mixed.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }, { servantId: gid('Servant', other.id), minutesAttended: 60 }] } },
      { token: suwonAdmin },
    );
    expect(r3.data.attendanceRecord.userErrors).toEqual([
      { code: 'OUT_OF_SCOPE', field: ['input', 'entries', '1', 'servantId'], message: `관리 범위 밖의 공무원입니다: ${other.employee_number}` },
    ]);
    expect(await ledger([s.id, other.id])).toEqual([]);
    const [state] = await t.sql(`select status from course_offering where id = $1`, [mixed.dbId]);
    expect(state.status).toBe('CONFIRMED');
    // Within scope it works.
    const r4 = await t.gql(ATTENDANCE, { input: { offeringId: mixed.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }] } }, { token: suwonAdmin });
    expect(r4.data.attendanceRecord.outcomes[0].transaction.kind).toBe('EARNED');
  });

  it('imports a CSV with per-row errors and line numbers; the same file twice at once credits once', async () => {
    setClock(() => NOW);
    const people = await servantsOf('부천시', 4);
    const [stranger] = await servantsOf('광명시', 1);
    const offering = await confirmedOffering(people.slice(0, 3).map((p) => p.id));
    const csv = [
      '사번,성명,출석시간(분)',
      `${people[0].employee_number},${people[0].name},60`,
      `${people[1].employee_number},${people[1].name},40`,
      '',
      `NOPE0001,없는사람,60`,
      `${stranger.employee_number},${stranger.name},60`,
      `${people[2].employee_number},${people[2].name},여섯시간`,
      `${people[0].employee_number},${people[0].name},55`,
    ].join('\n');
    const [a, b] = await Promise.all([t.gql(IMPORT, { input: { offeringId: offering.id, csv } }, { token: admin }), t.gql(IMPORT, { input: { offeringId: offering.id, csv } }, { token: admin })]);
    for (const r of [a, b]) {
      expect(r.data.attendanceImport.userErrors).toEqual([]);
      expect(r.data.attendanceImport).toMatchObject({ totalRows: 6, recordedCount: 2, completedCount: 1 });
      expect(r.data.attendanceImport.rowErrors.map((e: any) => [e.line, e.code])).toEqual([
        [5, 'UNKNOWN_EMPLOYEE_NUMBER'],
        [6, 'NOT_ENROLLED'],
        [7, 'INVALID_VALUE'],
        [8, 'DUPLICATE_ROW'],
      ]);
    }
    expect(a.data.attendanceImport.rowErrors[0].message).toBe('사번 NOPE0001인 공무원이 없습니다.');
    expect(a.data.attendanceImport.rowErrors[2].message).toBe('출석 시간은 0분 이상 60분 이하의 정수여야 합니다.');
    expect((await ledger(people.map((p) => p.id))).map((r) => [r.servant_id, r.kind])).toEqual([[people[0].id, 'EARNED']]);

    const missing = await t.gql(IMPORT, { input: { offeringId: offering.id, csv: '사번,성명\nA1,김' } }, { token: admin });
    expect(missing.data.attendanceImport.userErrors[0].code).toBe('CSV_MISSING_COLUMNS');
  });
});

describe('the ledger in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE whatever the caller', async () => {
    const [s] = await servantsOf('의정부시', 1);
    await t.sql(`insert into credit_transaction (servant_id, amount, kind, reason, occurred_on, year) values ($1, 1, 'ADJUSTED', '시험', '2026-01-01', 2026)`, [s.id]);
    const [row] = await t.sql(`select id from credit_transaction where servant_id = $1`, [s.id]);
    await expect(t.sql(`update credit_transaction set amount = 100 where id = $1`, [row.id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.sql(`delete from credit_transaction where id = $1`, [row.id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.sql(`truncate credit_transaction cascade`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    // Also through the API's own connection pool (the role the application runs as).
    await expect(t.app.deps.orm.em.fork().getConnection().execute(`update credit_transaction set reason = 'x' where id = ${Number(row.id)}`)).rejects.toThrow(/append-only/);
    const [after] = await t.sql(`select amount::text, reason from credit_transaction where id = $1`, [row.id]);
    expect(after).toEqual({ amount: '1.00', reason: '시험' });
    expect(await balances([s.id])).toEqual([{ servant_id: s.id, stored: '1.00', summed: '1.00' }]);
  });
});

describe('recognised learning, adjustments and reversals', () => {
  it('the yearly cap refuses with the remaining credits and records nothing; a reversal frees the cap; concurrent recognitions cannot both pass', async () => {
    setClock(() => NOW);
    const policy = await t.gql(
      POLICY,
      {
        input: {
          year: 2025,
          creditsPerHour: '1',
          recognizedYearlyCap: '5',
          requiredHoursByGrade: Array.from({ length: 9 }, (_, i) => ({ grade: i + 1, hours: i < 4 ? '40' : i < 6 ? '60' : '80' })),
        },
      },
      { token: admin },
    );
    expect(policy.data.creditPolicyUpdate.userErrors).toEqual([]);
    expect(policy.data.creditPolicyUpdate.policy).toMatchObject({ year: 2025, creditsPerHour: '1', recognizedYearlyCap: '5' });
    const [s, s2] = await servantsOf('평택시', 2);
    const first = await t.gql(RECORD, { input: recordInput(s.id, { amount: '3', title: '외부 강좌 A', occurredOn: '2025-03-01' }) }, { token: admin });
    expect(first.data.creditTransactionRecord.userErrors).toEqual([]);
    expect(first.data.creditTransactionRecord.transaction).toMatchObject({ kind: 'RECOGNIZED', amount: '3', year: 2025, servant: { name: s.name } });

    const over = await t.gql(RECORD, { input: recordInput(s.id, { amount: '2.5', title: '외부 강좌 B', occurredOn: '2025-04-01' }) }, { token: admin });
    expect(over.data.creditTransactionRecord).toEqual({
      transaction: null,
      userErrors: [{ code: 'YEARLY_CAP_EXCEEDED', field: ['input', 'amount'], message: '2025년 외부 학습 인정 한도 5학점을 넘습니다. 남은 인정 가능 학점: 2학점 (요청 2.5학점)' }],
    });
    expect(await ledger([s.id])).toHaveLength(1);
    // Adjustments are not capped; 2026 has its own cap.
    expect((await t.gql(RECORD, { input: recordInput(s.id, { kind: 'ADJUSTED', amount: '10', title: null, evidence: null, occurredOn: '2025-05-01' }) }, { token: admin })).data.creditTransactionRecord.userErrors).toEqual([]);
    expect((await t.gql(RECORD, { input: recordInput(s.id, { amount: '2.5', title: '외부 강좌 B', occurredOn: '2026-01-05' }) }, { token: admin })).data.creditTransactionRecord.userErrors).toEqual([]);

    const reversed = await t.gql(REVERSE, { input: { transactionId: first.data.creditTransactionRecord.transaction.id, reason: '증빙 오류', idempotencyKey: 'rev-cap-1' } }, { token: admin });
    expect(reversed.data.creditTransactionReverse.transaction).toMatchObject({ kind: 'REVERSED', amount: '-3', reverses: { id: first.data.creditTransactionRecord.transaction.id } });
    expect((await t.gql(RECORD, { input: recordInput(s.id, { amount: '5', title: '외부 강좌 C', occurredOn: '2025-06-01' }) }, { token: admin })).data.creditTransactionRecord.userErrors).toEqual([]);

    // Five recognitions of 3 against a cap of 5, at the same moment: exactly one passes.
    const racing = await Promise.all(
      ['D', 'E', 'F', 'G', 'H'].map((x) => t.gql(RECORD, { input: recordInput(s2.id, { amount: '3', title: `외부 강좌 ${x}`, occurredOn: '2025-07-01' }) }, { token: admin })),
    );
    expect(racing.map((r) => r.data.creditTransactionRecord.userErrors[0]?.code ?? 'OK').sort()).toEqual(['OK', ...Array(4).fill('YEARLY_CAP_EXCEEDED')]);
    for (const x of await balances([s.id, s2.id])) expect(x.stored).toBe(x.summed);
  });

  it('the same subject is not credited twice (spacing, punctuation, abbreviations), naming the earlier entry; nothing is recorded', async () => {
    setClock(() => NOW);
    const [s] = await servantsOf('안산시', 1);
    const offering = await confirmedOffering([s.id], { title: '생성형 AI 업무 활용' });
    await t.gql(ATTENDANCE, { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }] } }, { token: admin });
    const [earned] = await t.sql(`select id::int, occurred_on::text from credit_transaction where servant_id = $1`, [s.id]);

    const dup = await t.gql(RECORD, { input: recordInput(s.id, { title: '생성형 인공지능, 업무활용!', occurredOn: '2026-11-02' }) }, { token: admin });
    expect(dup.data.creditTransactionRecord).toEqual({
      transaction: null,
      userErrors: [
        {
          code: 'DUPLICATE_SUBJECT',
          field: ['input', 'title'],
          message: `같은 과목이 이미 인정되어 있습니다: 「생성형 AI 업무 활용」 (${earned.occurred_on}, 내역 ${gid('CreditTransaction', earned.id)}). 같은 과목은 두 번 인정되지 않습니다.`,
        },
      ],
    });
    expect(await ledger([s.id])).toHaveLength(1);

    const outside = await t.gql(RECORD, { input: recordInput(s.id, { title: 'ChatGPT 보고서 작성', occurredOn: '2026-11-03' }) }, { token: admin });
    expect(outside.data.creditTransactionRecord.userErrors).toEqual([]);
    const again = await t.gql(RECORD, { input: recordInput(s.id, { title: '챗 지피티 보고서작성', occurredOn: '2026-11-04' }) }, { token: admin });
    expect(again.data.creditTransactionRecord.userErrors[0].code).toBe('DUPLICATE_SUBJECT');
    expect(again.data.creditTransactionRecord.userErrors[0].message).toContain('「ChatGPT 보고서 작성」 (2026-11-03');
    // A reversed entry no longer blocks its subject.
    await t.gql(REVERSE, { input: { transactionId: outside.data.creditTransactionRecord.transaction.id, reason: '중복 입력', idempotencyKey: 'rev-dup-1' } }, { token: admin });
    expect((await t.gql(RECORD, { input: recordInput(s.id, { title: '챗 지피티 보고서작성', occurredOn: '2026-11-04' }) }, { token: admin })).data.creditTransactionRecord.userErrors).toEqual([]);

    // Completing the same subject again in another offering completes the registration without credits.
    const repeat = await confirmedOffering([s.id], { title: '생성형AI 업무활용' });
    const r = await t.gql(ATTENDANCE, { input: { offeringId: repeat.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 60 }] } }, { token: admin });
    expect(r.data.attendanceRecord.outcomes[0]).toMatchObject({ enrollment: { status: 'COMPLETED' }, transaction: null });
    expect(r.data.attendanceRecord.outcomes[0].completionNote).toMatch(/^수료: 출석 60분 \/ 기준 48분\(80%\) 충족 — 같은 과목이 이미 인정되어\(「생성형 AI 업무 활용」, 2026-12-\d\d\) 학점은 부여하지 않음$/);
  });

  it('idempotency keys: a retry (even concurrent) returns the original entry and records nothing; a key reused for something else is refused', async () => {
    setClock(() => NOW);
    const [s] = await servantsOf('광명시', 1);
    const input = recordInput(s.id, { kind: 'ADJUSTED', amount: '-0.5', title: null, evidence: null, idempotencyKey: 'adj-광명-1' });
    const results = await Promise.all([1, 2, 3].map(() => t.gql(RECORD, { input }, { token: admin })));
    const ids = new Set(results.map((r) => r.data.creditTransactionRecord.transaction.id));
    expect(ids.size).toBe(1);
    expect(await ledger([s.id])).toHaveLength(1);
    const later = await t.gql(RECORD, { input }, { token: admin });
    expect(later.data.creditTransactionRecord.transaction.id).toBe([...ids][0]);
    const misuse = await t.gql(RECORD, { input: { ...input, amount: '1' } }, { token: admin });
    expect(misuse.data.creditTransactionRecord.userErrors[0]).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: '이 멱등 키는 다른 내용의 요청에 이미 사용되었습니다.' });
    expect(await ledger([s.id])).toHaveLength(1);
  });

  it('reverses an entry once (even concurrently), never a reversal; validation errors in Korean', async () => {
    setClock(() => NOW);
    const [s] = await servantsOf('시흥시', 1);
    const rec = await t.gql(RECORD, { input: recordInput(s.id, { title: '도시계획 실무', idempotencyKey: 'rec-시흥' }) }, { token: admin });
    const id = rec.data.creditTransactionRecord.transaction.id;
    const racing = await Promise.all([1, 2, 3].map((i) => t.gql(REVERSE, { input: { transactionId: id, reason: '오입력', idempotencyKey: `rev-시흥-${i}` } }, { token: admin })));
    const ok = racing.filter((r) => r.data.creditTransactionReverse.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    for (const r of racing.filter((x) => x.data.creditTransactionReverse.userErrors.length)) {
      expect(r.data.creditTransactionReverse.userErrors[0].code).toBe('ALREADY_REVERSED');
      expect(r.data.creditTransactionReverse.userErrors[0].message).toMatch(/^이미 취소된 내역입니다 \(\d{4}-\d\d-\d\d \d\d:\d\d 취소, 내역 .+\)\.$/);
    }
    const reversal = ok[0].data.creditTransactionReverse.transaction.id;
    const rr = await t.gql(REVERSE, { input: { transactionId: reversal, reason: '되돌리기', idempotencyKey: 'rev-rev' } }, { token: admin });
    expect(rr.data.creditTransactionReverse.userErrors).toEqual([
      { code: 'REVERSAL_OF_REVERSAL', field: ['input', 'transactionId'], message: '취소 내역은 다시 취소할 수 없습니다. 바로잡으려면 조정(ADJUSTED) 내역을 기록하세요.' },
    ]);
    expect(await ledger([s.id])).toHaveLength(2);
    expect(await balances([s.id])).toEqual([{ servant_id: s.id, stored: '0.00', summed: '0.00' }]);

    const bad = await t.gql(RECORD, { input: recordInput(s.id, { amount: '0.001', reason: ' ', title: null, evidence: null, idempotencyKey: '' }) }, { token: admin });
    expect(bad.data.creditTransactionRecord.userErrors.map((e: any) => e.code)).toEqual(['INVALID_AMOUNT', 'REASON_REQUIRED', 'TITLE_REQUIRED', 'EVIDENCE_REQUIRED', 'INVALID_IDEMPOTENCY_KEY']);
    const seongnamAdmin = await t.login(DEMO.seongnamAdmin);
    const outOfScope = await t.gql(RECORD, { input: recordInput(s.id) }, { token: seongnamAdmin });
    expect(outOfScope.data.creditTransactionRecord.userErrors[0].code).toBe('SERVANT_NOT_FOUND');
    const servant = await t.login(DEMO.servantSuwon);
    const forbidden = await t.gql(RECORD, { input: recordInput(s.id) }, { token: servant });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('reading credits', () => {
  it('servants(first: 10) and servants(first: 100) with creditSummary cost the same number of statements; summaries are exact', async () => {
    // The first servant of both pages holds credits in a category, so both pages resolve categories.
    setClock(() => NOW);
    const [top] = await t.sql(`select id from servant order by employee_number desc limit 1`);
    const seeded = await t.gql(RECORD, { input: recordInput(top.id, { title: '통계 분석 외부 과정', categoryId: gid('Category', categoryId) }) }, { token: admin });
    expect(seeded.data.creditTransactionRecord.userErrors).toEqual([]);
    const q = `query($n: Int!) { servants(first: $n, orderBy: { field: EMPLOYEE_NUMBER, direction: DESC }) { edges { node { id creditSummary { balance earnedThisYear byKind { kind credits } byCategory { category { name } credits } } } } } }`;
    let small: any;
    let large: any;
    const a = await t.countStatements(async () => {
      small = await t.gql(q, { n: 10 }, { token: admin });
    });
    const b = await t.countStatements(async () => {
      large = await t.gql(q, { n: 100 }, { token: admin });
    });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data.servants.edges).toHaveLength(100);
    expect(b).toBe(a);
    expect(a).toBeLessThanOrEqual(8);

    // One servant with EARNED 1.5 (category), RECOGNIZED 2 − its reversal, ADJUSTED 0.25.
    setClock(() => NOW);
    const [s] = await servantsOf('구리시', 1);
    const offering = await confirmedOffering([s.id], { minutes: 90 });
    await t.gql(ATTENDANCE, { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', s.id), minutesAttended: 90 }] } }, { token: admin });
    const rec = await t.gql(RECORD, { input: recordInput(s.id, { title: '회계 실무', occurredOn: '2026-02-01' }) }, { token: admin });
    await t.gql(REVERSE, { input: { transactionId: rec.data.creditTransactionRecord.transaction.id, reason: '취소', idempotencyKey: 'rev-구리' } }, { token: admin });
    await t.gql(RECORD, { input: recordInput(s.id, { kind: 'ADJUSTED', amount: '0.25', title: null, evidence: null, occurredOn: '2025-12-31', hours: '0' }) }, { token: admin });
    const r = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Servant { creditSummary { balance earnedThisYear byKind { kind credits } byCategory { category { name } credits } }
         creditTransactions(first: 2) { totalCount edges { node { kind amount } } pageInfo { hasNextPage } } } } }`,
      { id: gid('Servant', s.id) },
      { token: admin },
    );
    expect(r.data.node.creditSummary).toEqual({
      balance: '1.75',
      earnedThisYear: '1.5',
      byKind: [
        { kind: 'EARNED', credits: '1.5' },
        { kind: 'ADJUSTED', credits: '0.25' },
      ],
      byCategory: [
        { category: { name: '학점 시험' }, credits: '1.5' },
        { category: null, credits: '0.25' },
      ],
    });
    expect(r.data.node.creditTransactions).toEqual({
      totalCount: 4,
      edges: [
        { node: { kind: 'ADJUSTED', amount: '0.25' } },
        { node: { kind: 'REVERSED', amount: '-2' } },
      ],
      pageInfo: { hasNextPage: true },
    });
  });

  it('a servant reads their own ledger but not another\'s; an organisation administrator only within their subtree; reads are logged', async () => {
    setClock(() => NOW);
    const me = await t.login(DEMO.servantSuwon);
    const [{ id: myId }] = await t.sql(`select servant_id as id from account where email = $1`, [DEMO.servantSuwon]);
    const [{ id: otherId }] = await t.sql(`select servant_id as id from account where email = $1`, [DEMO.servantSeongnam]);
    const offering = await confirmedOffering([myId, otherId]);
    const rec = await t.gql(
      ATTENDANCE,
      { input: { offeringId: offering.id, entries: [{ servantId: gid('Servant', myId), minutesAttended: 60 }, { servantId: gid('Servant', otherId), minutesAttended: 60 }] } },
      { token: admin },
    );
    expect(rec.data.attendanceRecord.userErrors).toEqual([]);
    const [mine, theirs] = await t.sql(`select id::int from credit_transaction where enrollment_id in (select id from enrollment where offering_id = $1) order by servant_id = $2 desc`, [
      offering.dbId,
      myId,
    ]);

    const own = await t.gql(`{ viewer { servant { creditSummary { balance } creditTransactions { edges { node { id kind } } } } } }`, {}, { token: me });
    expect(own.errors).toBeUndefined();
    expect(own.data.viewer.servant.creditTransactions.edges.map((e: any) => e.node.id)).toContain(gid('CreditTransaction', mine.id));

    const ids = { a: gid('CreditTransaction', theirs.id), b: gid('Servant', otherId) };
    const peek = await t.gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, ids, { token: me });
    expect(peek.data).toEqual({ a: null, b: null });
    const suwonPeek = await t.gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`, ids, { token: suwonAdmin });
    expect(suwonPeek.data).toEqual({ a: null, b: null });
    const seongnam = await t.login(DEMO.seongnamAdmin);
    const before = await t.sql(`select count(*)::int as n from personal_data_access_log where subject_servant_id = $1 and action = 'READ_CREDITS'`, [otherId]);
    const allowed = await t.gql(`query($a: ID!) { a: node(id: $a) { ... on CreditTransaction { kind amount servant { name } } } }`, ids, { token: seongnam });
    expect(allowed.data.a).toMatchObject({ kind: 'EARNED', amount: '1' });
    const viaServant = await t.gql(`query($b: ID!) { b: node(id: $b) { ... on Servant { creditSummary { balance } } } }`, ids, { token: seongnam });
    expect(viaServant.data.b.creditSummary.balance).toBe('1');
    const after = await t.sql(`select count(*)::int as n from personal_data_access_log where subject_servant_id = $1 and action = 'READ_CREDITS'`, [otherId]);
    expect(after[0].n).toBeGreaterThan(before[0].n);
    // The reporter sees no servant and so no ledger.
    const reporter = await t.login(DEMO.reporter);
    expect((await t.gql(`query($a: ID!) { a: node(id: $a) { id } }`, ids, { token: reporter })).data.a).toBeNull();
  });

  it('learningHours: required by grade from the year\'s policy, completed net of reversals, on track against the elapsed share of the Korean year', async () => {
    setClock(() => NOW);
    const [s] = await servantsOf('오산시', 1);
    const required = s.grade <= 4 ? '40' : s.grade <= 6 ? '60' : '80';
    await t.gql(RECORD, { input: recordInput(s.id, { title: '외부 장기 과정', amount: '3', hours: '30', occurredOn: '2026-03-01' }) }, { token: admin });
    const q = `query($id: ID!, $y: Int) { node(id: $id) { ... on Servant { learningHours(year: $y) { year required completed remaining expectedByNow onTrack } } } }`;
    // 2026-07-02 12:00 KST is exactly half of the year: 182.5 of 365 days.
    setClock(() => new Date('2026-07-02T03:00:00Z'));
    const mid = await t.gql(q, { id: gid('Servant', s.id), y: 2026 }, { token: admin });
    const half = String(Number(required) / 2);
    expect(mid.data.node.learningHours).toEqual({ year: 2026, required, completed: '30', remaining: String(Number(required) - 30), expectedByNow: half, onTrack: Number(required) / 2 <= 30 });
    setClock(() => new Date('2026-12-28T03:00:00Z')); // 98 % of the year (sessions of this file last 30 days)
    const end = await t.gql(q, { id: gid('Servant', s.id), y: 2026 }, { token: admin });
    expect(end.data.node.learningHours).toMatchObject({ completed: '30', onTrack: false });
    const next = await t.gql(q, { id: gid('Servant', s.id), y: 2027 }, { token: admin });
    expect(next.data.node.learningHours).toEqual({ year: 2027, required, completed: '0', remaining: required, expectedByNow: '0', onTrack: true });
  });
});

describe('creditTransactionRecorded across API processes', () => {
  it('an organisation administrator on another process receives entries of their subtree only; a reporter receives all of them without the servant', async () => {
    setClock(() => NOW);
    const other = await createTestApp({ databaseUrl: t.databaseUrl, env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
    try {
      const [suwonServant] = await servantsOf('수원시', 1);
      const [seongnamServant] = await servantsOf('성남시', 1);
      const [suwonOrg] = await t.sql(`select id from organization where name = '수원시'`);
      const sub = `subscription($o: ID) { creditTransactionRecorded(organizationId: $o) { transactions { id kind amount servant { name } } } }`;
      const adminEvents = nextResults(other.ws(await other.login(DEMO.suwonAdmin)), sub, {}, 1, 5000);
      const filtered = nextResults(other.ws(await other.login(DEMO.admin)), sub, { o: gid('Organization', suwonOrg.id) }, 1, 5000);
      const reporterEvents = nextResults(other.ws(await other.login(DEMO.reporter)), sub, {}, 2, 5000);
      await new Promise((r) => setTimeout(r, 300));
      const a = await t.gql(RECORD, { input: recordInput(seongnamServant.id, { title: '성남 외부 과정', idempotencyKey: 'sub-1' }) }, { token: admin });
      const b = await t.gql(RECORD, { input: recordInput(suwonServant.id, { title: '수원 외부 과정', idempotencyKey: 'sub-2' }) }, { token: admin });
      const [rep1, rep2] = await reporterEvents.done;
      expect(rep1.data.creditTransactionRecorded.transactions).toEqual([{ id: a.data.creditTransactionRecord.transaction.id, kind: 'RECOGNIZED', amount: '2', servant: null }]);
      expect(rep2.data.creditTransactionRecorded.transactions[0].id).toBe(b.data.creditTransactionRecord.transaction.id);
      const [only] = await filtered.done;
      expect(only.data.creditTransactionRecorded.transactions).toEqual([{ id: b.data.creditTransactionRecord.transaction.id, kind: 'RECOGNIZED', amount: '2', servant: { name: suwonServant.name } }]);
      // The 수원 administrator's first event is the 수원 entry: the 성남 one, published before it, was filtered out.
      const [mine] = await adminEvents.done;
      expect(mine.data.creditTransactionRecorded.transactions).toEqual([{ id: b.data.creditTransactionRecord.transaction.id, kind: 'RECOGNIZED', amount: '2', servant: { name: suwonServant.name } }]);
    } finally {
      await other.stop();
    }
  });
});
