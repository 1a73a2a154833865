import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, nextResults, type TestApp } from '../test/harness.js';

// A month of the rule of five, through the API: round → offerings → registrations → close.
let t: TestApp;
let admin: string;
const courses: Record<string, string> = {};
let servantTokens: { token: string; servantId: number; employeeNumber: string }[] = [];

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const NOW = new Date('2026-12-10T01:00:00Z'); // 2026-12-10 10:00 KST, inside the window below

const ROUND_CREATE = `mutation($input: EnrollmentRoundCreateInput!) { enrollmentRoundCreate(input: $input) { round { id month status minimumRegistrants } userErrors { code field message } } }`;
const OFFERING_CREATE = `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id capacity minimumRegistrants status } userErrors { code field message } } }`;
const OPEN = `mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { round { status } userErrors { code message } } }`;
const CLOSE = `mutation($id: ID!) { enrollmentRoundClose(input: { roundId: $id }) { round { status } outcome { confirmedOfferings cancelledOfferings confirmedRegistrations discontinuedRegistrations } userErrors { code message } } }`;
const ENROLL = `mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { id status waitlistPosition } userErrors { code field message } } }`;
const CANCEL = `mutation($id: ID!) { enrollmentCancel(input: { enrollmentId: $id }) { enrollment { status } userErrors { code message } } }`;

/** Slot of `minutes` starting at a KST wall-clock time in January 2027. */
function slot(day: number, hour: number, minutes = 60) {
  const startsAt = new Date(`2027-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() };
}

let monthCounter = 0;
/** A new draft round in its own month (2027-01 … ), window around NOW. */
async function newRound(minimum?: number) {
  monthCounter++;
  const month = `2027-${String(monthCounter).padStart(2, '0')}`;
  const r = await t.gql(ROUND_CREATE, { input: { month, opensAt: '2026-12-01T00:00:00+09:00', closesAt: '2026-12-20T18:00:00+09:00', minimumRegistrants: minimum } }, { token: admin });
  expect(r.data.enrollmentRoundCreate.userErrors).toEqual([]);
  return { id: r.data.enrollmentRoundCreate.round.id as string, month };
}

function monthSlot(month: string, day: number, hour: number, minutes = 60) {
  const startsAt = new Date(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() };
}

async function newOffering(round: { id: string; month: string }, opts: { course?: string; day?: number; hour?: number; capacity?: number; minimum?: number; eligible?: string[] } = {}) {
  const r = await t.gql(
    OFFERING_CREATE,
    {
      input: {
        roundId: round.id,
        courseId: courses[opts.course ?? 'A'],
        ...monthSlot(round.month, opts.day ?? 5, opts.hour ?? 10, (opts.course ?? 'A') === 'C' ? 90 : 60),
        capacity: opts.capacity ?? 30,
        minimumRegistrants: opts.minimum,
        place: '경기도인재개발원 301호',
        eligibleOrganizationIds: opts.eligible,
      },
    },
    { token: admin },
  );
  expect(r.data.courseOfferingCreate.userErrors).toEqual([]);
  return r.data.courseOfferingCreate.offering.id as string;
}

beforeAll(async () => {
  // The clock is pinned to December below; sessions opened today must still be valid then.
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
  admin = await t.login(DEMO.admin);
  // Catalogue rows for this file (the catalogue module has its own tests).
  const [cat] = await t.sql(`insert into category (code, name) values ('ROUND_TEST', '라운드 시험') returning id`);
  for (const [key, title, minutes] of [
    ['A', '생성형 AI 업무 활용 (시험)', 60],
    ['B', '엑셀 데이터 분석 (시험)', 60],
    ['C', '민원 응대 (시험)', 90],
  ] as const) {
    const [c] = await t.sql(
      `insert into course (code, title, title_key, category_id, length_minutes, credit_value, format) values ($1, $2, $3, $4, $5, $6, 'IN_PERSON') returning id`,
      [`RT-${key}`, title, `rt-${key}`, cat.id, minutes, String(minutes / 60)],
    );
    courses[key] = gid('Course', c.id);
  }
  // Give 90 seeded servants a login (the demo seeds only four servant accounts).
  await t.sql(
    `insert into account (email, display_name, password_hash, roles, servant_id)
     select 'rt-' || lower(s.employee_number) || '@test.kok', s.name, a.password_hash, '{SERVANT}', s.id
     from servant s cross join (select password_hash from account where email = 'admin@demo.kok.go.kr') a
     where not exists (select 1 from account x where x.servant_id = s.id)
     order by s.id limit 90`,
  );
  const rows = await t.sql(`select a.email, s.id, s.employee_number from account a join servant s on s.id = a.servant_id where a.email like 'rt-%' order by s.id`);
  servantTokens = [];
  for (let i = 0; i < rows.length; i += 10) {
    const batch = await Promise.all(rows.slice(i, i + 10).map(async (r) => ({ token: await t.login(r.email), servantId: r.id as number, employeeNumber: r.employee_number as string })));
    servantTokens.push(...batch);
  }
  expect(servantTokens.length).toBe(90);
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('preparing a round', () => {
  it('validates rounds and offerings, in Korean', async () => {
    const bad = await t.gql(ROUND_CREATE, { input: { month: '2027-13', opensAt: '2026-12-20T00:00:00Z', closesAt: '2026-12-01T00:00:00Z', minimumRegistrants: 0 } }, { token: admin });
    expect(bad.data.enrollmentRoundCreate.userErrors.map((e: any) => e.code)).toEqual(['INVALID_MONTH', 'INVALID_WINDOW', 'INVALID_MINIMUM']);

    const round = await newRound();
    const dup = await t.gql(ROUND_CREATE, { input: { month: round.month, opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-02T00:00:00Z' } }, { token: admin });
    expect(dup.data.enrollmentRoundCreate.userErrors).toEqual([{ code: 'ROUND_EXISTS', field: ['input', 'month'], message: `${round.month} 차수가 이미 있습니다.` }]);

    const noOfferings = await t.gql(OPEN, { id: round.id }, { token: admin });
    expect(noOfferings.data.enrollmentRoundOpen.userErrors[0].code).toBe('NO_OFFERINGS');

    const wrong = await t.gql(
      OFFERING_CREATE,
      { input: { roundId: round.id, courseId: courses.C, ...monthSlot('2027-03', 5, 10, 60), capacity: 0, minimumRegistrants: 5 } },
      { token: admin },
    );
    expect(wrong.data.courseOfferingCreate.userErrors.map((e: any) => [e.code, e.field.at(-1)])).toEqual([
      ['INVALID_SLOT', 'endsAt'], // 60 minutes for a 90-minute course
      ['INVALID_SLOT', 'startsAt'], // not in the round's month
      ['INVALID_CAPACITY', 'capacity'],
      ['LOCATION_REQUIRED', 'place'],
    ]);
    expect(wrong.data.courseOfferingCreate.userErrors[0].message).toBe('강의 시간(60분)이 과정 길이(90분)와 다릅니다.');

    const ok = await newOffering(round);
    const opened = await t.gql(OPEN, { id: round.id }, { token: admin });
    expect(opened.data.enrollmentRoundOpen).toEqual({ round: { status: 'OPEN' }, userErrors: [] });
    // Once open, offerings are frozen.
    const frozen = await t.gql(`mutation($id: ID!) { courseOfferingRemove(input: { id: $id }) { removedOfferingId userErrors { code } } }`, { id: ok }, { token: admin });
    expect(frozen.data.courseOfferingRemove.userErrors).toEqual([{ code: 'ROUND_NOT_DRAFT' }]);
  });

  it('is for institute administrators only', async () => {
    const suwon = await t.login(DEMO.suwonAdmin);
    const r = await t.gql(ROUND_CREATE, { input: { month: '2030-01', opensAt: '2026-12-01T00:00:00Z', closesAt: '2026-12-02T00:00:00Z' } }, { token: suwon });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('registration', () => {
  it('80 concurrent registrations into 30 seats: exactly 30 registered and 50 waitlisted; a double-click registers once; a cancellation promotes the first waitlisted', async () => {
    setClock(() => NOW);
    const round = await newRound();
    const offering = await newOffering(round, { capacity: 30 });
    await t.gql(OPEN, { id: round.id }, { token: admin });

    const who = servantTokens.slice(0, 80);
    const results = await Promise.all(who.map((s) => t.gql(ENROLL, { id: offering }, { token: s.token })));
    const statuses = results.map((r) => r.data.enrollmentCreate.enrollment?.status);
    expect(statuses.filter((s) => s === 'REGISTERED')).toHaveLength(30);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(50);
    const o = await t.gql(`query($id: ID!) { node(id: $id) { ... on CourseOffering { registrantCount waitlistCount seatsLeft willOpen } } }`, { id: offering }, { token: admin });
    expect(o.data.node).toEqual({ registrantCount: 30, waitlistCount: 50, seatsLeft: 0, willOpen: true });

    // A double-click: the same servant, twice at once, on another offering.
    const other = servantTokens[85];
    const second = await newRound();
    const o2 = await newOffering(second, { capacity: 5 });
    await t.gql(OPEN, { id: second.id }, { token: admin });
    const twice = await Promise.all([t.gql(ENROLL, { id: o2 }, { token: other.token }), t.gql(ENROLL, { id: o2 }, { token: other.token })]);
    const codes = twice.map((r) => r.data.enrollmentCreate.enrollment?.status ?? r.data.enrollmentCreate.userErrors[0].code).sort();
    expect(codes).toEqual(['ALREADY_REGISTERED', 'REGISTERED']);
    expect(await t.sql(`select count(*)::int as n from enrollment where servant_id = $1`, [other.servantId])).toEqual([{ n: 1 }]);

    // The first waitlisted (by registration order) gets the freed seat and is told.
    const registered = results.findIndex((r) => r.data.enrollmentCreate.enrollment?.status === 'REGISTERED');
    const [firstWaiting] = await t.sql(
      `select e.servant_id from enrollment e where e.offering_id = $1 and e.status = 'WAITLISTED' order by e.id limit 1`,
      [Number(Buffer.from(offering, 'base64url').toString().split(':')[1])],
    );
    const cancelled = await t.gql(CANCEL, { id: results[registered].data.enrollmentCreate.enrollment.id }, { token: who[registered].token });
    expect(cancelled.data.enrollmentCancel).toEqual({ enrollment: { status: 'CANCELLED_BY_SERVANT' }, userErrors: [] });
    const [promoted] = await t.sql(
      `select e.status, (select count(*)::int from notification n where n.servant_id = e.servant_id and n.kind = 'WAITLIST_PROMOTED') as told
       from enrollment e where e.servant_id = $1 and e.offering_id = $2`,
      [firstWaiting.servant_id, Number(Buffer.from(offering, 'base64url').toString().split(':')[1])],
    );
    expect(promoted).toEqual({ status: 'REGISTERED', told: 1 });
    const after = await t.gql(`query($id: ID!) { node(id: $id) { ... on CourseOffering { registrantCount waitlistCount } } }`, { id: offering }, { token: admin });
    expect(after.data.node).toEqual({ registrantCount: 30, waitlistCount: 49 });
  });

  it('refuses outside the window, overlapping slots, ineligible organisations and non-servants, with clear messages', async () => {
    setClock(() => NOW);
    const round = await newRound();
    const a = await newOffering(round, { course: 'A', day: 7, hour: 10 });
    const b = await newOffering(round, { course: 'B', day: 7, hour: 10 }); // same period, parallel subject
    const suwonOnly = await newOffering(round, { course: 'B', day: 8, hour: 14, eligible: [(await suwonId())] });
    const c1 = await newOffering(round, { course: 'A', day: 9, hour: 15 });
    const c2 = await newOffering(round, { course: 'B', day: 9, hour: 15 });
    const s = servantTokens[81];

    const early = await t.gql(ENROLL, { id: a }, { token: s.token }); // round still DRAFT
    expect(early.data.enrollmentCreate.userErrors[0]).toMatchObject({ code: 'OUTSIDE_WINDOW', field: ['input', 'offeringId'] });
    expect(early.data.enrollmentCreate.userErrors[0].message).toBe('신청 기간이 아닙니다. (2026-12-01 00:00 ~ 2026-12-20 18:00)');
    await t.gql(OPEN, { id: round.id }, { token: admin });

    expect((await t.gql(ENROLL, { id: a }, { token: s.token })).data.enrollmentCreate.enrollment.status).toBe('REGISTERED');
    const clash = await t.gql(ENROLL, { id: b }, { token: s.token });
    expect(clash.data.enrollmentCreate.userErrors).toEqual([
      { code: 'TIME_CONFLICT', field: ['input', 'offeringId'], message: `같은 시간에 신청한 과정이 있습니다: 생성형 AI 업무 활용 (시험) (${round.month}-07 10:00)` },
    ]);

    // Two overlapping offerings at the same instant (different row locks): the database's
    // exclusion constraint keeps exactly one.
    const racer = servantTokens[83];
    const race = await Promise.all([t.gql(ENROLL, { id: c1 }, { token: racer.token }), t.gql(ENROLL, { id: c2 }, { token: racer.token })]);
    expect(race.map((r) => r.data.enrollmentCreate.enrollment?.status ?? r.data.enrollmentCreate.userErrors[0].code).sort()).toEqual(['REGISTERED', 'TIME_CONFLICT']);
    const loser = race.find((r) => !r.data.enrollmentCreate.enrollment)!;
    expect(loser.data.enrollmentCreate.userErrors[0].message).toMatch(/^같은 시간에 신청한 과정이 있습니다: .+ \(\d{4}-\d{2}-09 15:00\)$/);

    const [{ org }] = await t.sql(`select o.name as org from servant s join organization o on o.id = s.organization_id where s.id = $1`, [s.servantId]);
    const eligible = await t.gql(ENROLL, { id: suwonOnly }, { token: s.token });
    if (org === '수원시') expect(eligible.data.enrollmentCreate.enrollment.status).toBe('REGISTERED');
    else expect(eligible.data.enrollmentCreate.userErrors[0].code).toBe('NOT_ELIGIBLE');
    const seongnam = await t.login(DEMO.servantSeongnam);
    expect((await t.gql(ENROLL, { id: suwonOnly }, { token: seongnam })).data.enrollmentCreate.userErrors[0].code).toBe('NOT_ELIGIBLE');

    setClock(() => new Date('2026-12-20T09:00:00Z')); // 18:00 KST: closed
    const late = await t.gql(ENROLL, { id: b }, { token: servantTokens[82].token });
    expect(late.data.enrollmentCreate.userErrors[0].code).toBe('OUTSIDE_WINDOW');

    const adminTry = await t.gql(ENROLL, { id: a }, { token: admin });
    expect(adminTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

async function suwonId() {
  const r = await t.gql(`{ organizations(filter: { search: "수원시", kind: CITY }) { edges { node { id } } } }`, {}, { token: admin });
  return r.data.organizations.edges[0].node.id as string;
}

describe('the rule of five', () => {
  it('offerings with 4, 5 and 6 registrants are cancelled, confirmed, confirmed; the discontinued registrants are told and their demand opens again', async () => {
    setClock(() => NOW);
    const round = await newRound(5);
    const four = await newOffering(round, { course: 'A', day: 11, hour: 9 });
    const five = await newOffering(round, { course: 'B', day: 11, hour: 11 });
    const six = await newOffering(round, { course: 'C', day: 11, hour: 14 });
    // A demand that planned course A, now waiting on this month.
    const courseA = Number(Buffer.from(courses.A, 'base64url').toString().split(':')[1]);
    const [demand] = await t.sql(`insert into demand (label, status) values ('생성형 AI 교육 요청', 'PLANNED') returning id`);
    await t.sql(`insert into course_demand (course_id, demand_id) values ($1, $2)`, [courseA, demand.id]);
    await t.gql(OPEN, { id: round.id }, { token: admin });

    const people = servantTokens.slice(0, 15);
    const plan: [string, typeof people][] = [
      [four, people.slice(0, 4)],
      [five, people.slice(4, 9)],
      [six, people.slice(9, 15)],
    ];
    for (const [offering, who] of plan) for (const s of who) expect((await t.gql(ENROLL, { id: offering }, { token: s.token })).data.enrollmentCreate.enrollment.status).toBe('REGISTERED');

    const before = await t.gql(`query($id: ID!) { node(id: $id) { ... on EnrollmentRound { offerings { edges { node { registrantCount minimumRegistrants willOpen } } } } } }`, { id: round.id }, { token: admin });
    expect(before.data.node.offerings.edges.map((e: any) => e.node)).toEqual([
      { registrantCount: 4, minimumRegistrants: 5, willOpen: false },
      { registrantCount: 5, minimumRegistrants: 5, willOpen: true },
      { registrantCount: 6, minimumRegistrants: 5, willOpen: true },
    ]);

    const closed = await t.gql(CLOSE, { id: round.id }, { token: admin });
    expect(closed.data.enrollmentRoundClose).toEqual({
      round: { status: 'CLOSED' },
      outcome: { confirmedOfferings: 2, cancelledOfferings: 1, confirmedRegistrations: 11, discontinuedRegistrations: 4 },
      userErrors: [],
    });
    const statuses = await t.gql(
      `query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { ... on CourseOffering { status } } b: node(id: $b) { ... on CourseOffering { status } } c: node(id: $c) { ... on CourseOffering { status } } }`,
      { a: four, b: five, c: six },
      { token: admin },
    );
    expect(statuses.data).toEqual({ a: { status: 'CANCELLED' }, b: { status: 'CONFIRMED' }, c: { status: 'CONFIRMED' } });

    // The four discontinued registrants were told, in Korean, with the numbers.
    const told = await t.gql(`{ viewer { servant { notifications(first: 5) { edges { node { kind title body } } } } } }`, {}, { token: people[0].token });
    const n = told.data.viewer.servant.notifications.edges.map((e: any) => e.node).find((x: any) => x.kind === 'COURSE_DISCONTINUED');
    expect(n.body).toContain('신청자가 4명으로 최소 인원 5명에 미달하여 폐강되었습니다');
    const kinds = await t.sql(
      `select kind, count(*)::int as n from notification where dedup_key like 'round-close:%' and servant_id = any($1::int[]) group by kind order by kind`,
      [people.map((p) => p.servantId)],
    );
    expect(kinds).toEqual([
      { kind: 'COURSE_DISCONTINUED', n: 4 },
      { kind: 'ENROLLMENT_CONFIRMED', n: 11 },
    ]);
    const [d] = await t.sql(`select status from demand where id = $1`, [demand.id]);
    expect(d.status).toBe('OPEN');
    const [mine] = await t.sql(`select status from enrollment where servant_id = $1 order by id desc limit 1`, [people[0].servantId]);
    expect(mine.status).toBe('CANCELLED_COURSE_DISCONTINUED');
  });

  it('eight concurrent closes and a retried scheduled job produce one set of outcomes, notifications and events', async () => {
    setClock(() => NOW);
    const round = await newRound(2);
    const a = await newOffering(round, { course: 'A', day: 12, hour: 9 });
    const b = await newOffering(round, { course: 'B', day: 12, hour: 11 });
    await t.gql(OPEN, { id: round.id }, { token: admin });
    for (const s of servantTokens.slice(20, 23)) await t.gql(ENROLL, { id: a }, { token: s.token });
    await t.gql(ENROLL, { id: b }, { token: servantTokens[23].token });

    const reporter = await t.login(DEMO.reporter);
    const events = nextResults(t.ws(reporter), `subscription($id: ID) { enrollmentRoundStatusChanged(roundId: $id) { status round { month } } }`, { id: round.id }, 2, 4000);
    await new Promise((r) => setTimeout(r, 300));

    setClock(() => new Date('2026-12-20T09:30:00Z')); // window over: the schedule would close it too
    const closes = await Promise.all([
      ...Array.from({ length: 8 }, () => t.gql(CLOSE, { id: round.id }, { token: admin })),
      tick(),
      tick(),
    ]);
    const adminResults = closes.slice(0, 8) as any[];
    const jobResults = closes.slice(8) as { closed: number[] }[];
    const roundId = Number(Buffer.from(round.id, 'base64url').toString().split(':')[1]);
    const winners = adminResults.filter((r) => r.data.enrollmentRoundClose.userErrors.length === 0).length + jobResults.filter((r) => r.closed.includes(roundId)).length;
    expect(winners).toBe(1);
    for (const r of adminResults.filter((x) => x.data.enrollmentRoundClose.userErrors.length)) expect(r.data.enrollmentRoundClose.userErrors[0].code).toBe('ALREADY_CLOSED');

    const [counts] = await t.sql(
      `select (select count(*)::int from notification where dedup_key like 'round-close:%' and (params->>'offeringId')::int in (select id from course_offering where round_id = $1)) as notes,
              (select count(*)::int from course_offering where round_id = $1 and status = 'CONFIRMED') as confirmed,
              (select count(*)::int from course_offering where round_id = $1 and status = 'CANCELLED') as cancelled`,
      [roundId],
    );
    expect(counts).toEqual({ notes: 4, confirmed: 1, cancelled: 1 });
    // A retry later changes nothing.
    expect((await tick()).closed).not.toContain(roundId);
    await expect(events.done).rejects.toThrow(/timed out with 1\/2/); // exactly one CLOSED event
  });
});

async function tick() {
  // What the pg-boss job runs; called directly so the test controls the clock.
  const { RequestScope } = await import('../src/common/request-scope.js');
  const { RoundService } = await import('../src/modules/round/round.service.js');
  const scope = new RequestScope(t.app.deps.orm.em.fork(), null, 'ko', null, 'round-tick');
  const r = await new RoundService(scope, null, t.app.deps.pubsub).tick();
  await scope.runAfterCommit(() => undefined);
  return r;
}

describe('the schedule', () => {
  it('opens a round when its window starts and closes it when it ends', async () => {
    const round = await newRound(1);
    await newOffering(round, { day: 20 });
    setClock(() => new Date('2026-11-30T14:59:00Z')); // 23:59 KST, before opening
    expect(await tick()).toEqual({ opened: [], closed: [] });
    setClock(() => NOW);
    const roundId = Number(Buffer.from(round.id, 'base64url').toString().split(':')[1]);
    expect((await tick()).opened).toContain(roundId);
    setClock(() => new Date('2026-12-20T09:00:00Z'));
    expect((await tick()).closed).toContain(roundId);
  });
});

describe('live counts across API processes', () => {
  it('a subscriber on one process receives enrollmentCountChanged for a registration made through another', async () => {
    setClock(() => NOW);
    const round = await newRound();
    const offering = await newOffering(round, { day: 21 });
    await t.gql(OPEN, { id: round.id }, { token: admin });
    const other = await createTestApp({ databaseUrl: t.databaseUrl, env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
    try {
      const reporter = await other.login(DEMO.reporter);
      const sub = nextResults(other.ws(reporter), `subscription($o: ID) { enrollmentCountChanged(offeringId: $o) { offerings { id registrantCount } } }`, { o: offering }, 1);
      await new Promise((r) => setTimeout(r, 300));
      await t.gql(ENROLL, { id: offering }, { token: servantTokens[40].token });
      const [event] = await sub.done;
      expect(event.data.enrollmentCountChanged.offerings).toEqual([{ id: offering, registrantCount: 1 }]);
    } finally {
      await other.stop();
    }
  });
});
