import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

// A whole month run from the API alone, the way the README walks through it:
// requests → demand → course → round → registrations → close → outcome → attendance → credits.
let t: TestApp;
let admin: string;
const servants: { token: string; id: string; email: string }[] = [];
/** Moves the clock, and signs everyone in again (sessions live at most 30 days). */
async function at(iso: string) {
  setClock(() => new Date(iso));
  admin = await t.login(DEMO.admin);
  for (const s of servants) s.token = await t.login(s.email);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(DEMO.admin);
  await t.sql(
    `insert into account (email, display_name, password_hash, roles, servant_id)
     select 'month-' || s.id || '@test.kok', s.name, a.password_hash, '{SERVANT}', s.id
     from servant s cross join (select password_hash from account where email = 'admin@demo.kok.go.kr') a
     where not exists (select 1 from account x where x.servant_id = s.id) order by s.id limit 6`,
  );
  for (const r of await t.sql(`select email, servant_id from account where email like 'month-%' order by servant_id`)) {
    servants.push({ token: await t.login(r.email), email: r.email, id: Buffer.from(`Servant:${r.servant_id}`).toString('base64url') });
  }
}, 60_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

describe('a month of 경기 맘대로 콕 through the API', () => {
  it('runs end to end', async () => {
    // 1. Servants ask, each in their own words; the requests group into one demand.
    await at('2026-11-20T01:00:00Z');
    const wishes = [
      '드론 촬영으로 재난 현장 점검하는 법',
      '재난 현장 드론 촬영 점검 교육',
      '드론을 활용한 재난현장 점검 방법 배우고 싶어요',
      '재난 대응에 드론 촬영 활용하기',
      '드론 촬영 재난 현장 점검 실무',
      '재난현장 드론촬영 점검 교육 요청',
    ];
    const demandIds = new Set<string>();
    for (const [i, title] of wishes.entries()) {
      const r = await t.gql(
        `mutation($input: TrainingRequestSubmitInput!) { trainingRequestSubmit(input: $input) { demand { id requesterCount } userErrors { code message } } }`,
        { input: { title, preferredMonth: '2027-01' } },
        { token: servants[i].token },
      );
      expect(r.data.trainingRequestSubmit.userErrors).toEqual([]);
      demandIds.add(r.data.trainingRequestSubmit.demand.id);
    }
    expect(demandIds.size).toBe(1);
    const [demandId] = [...demandIds];
    const d = await t.gql(`query($id: ID!) { node(id: $id) { ... on Demand { requesterCount status } } }`, { id: demandId }, { token: admin });
    // (It may be an existing demo demand on the same topic, already backed by others.)
    expect(d.data.node.status).toBe('OPEN');
    expect(d.data.node.requesterCount).toBeGreaterThanOrEqual(6);

    // 2. The institute turns the demand into a course; the demand is planned.
    const course = await t.gql(
      `mutation($input: CourseCreateFromDemandInput!) { courseCreateFromDemand(input: $input) { course { id title lengthMinutes creditValue } demand { status } userErrors { code message } } }`,
      { input: { demandId, title: '드론으로 하는 재난 현장 점검', lengthMinutes: 60, format: 'IN_PERSON' } },
      { token: admin },
    );
    expect(course.data.courseCreateFromDemand.userErrors).toEqual([]);
    expect(course.data.courseCreateFromDemand.demand.status).toBe('PLANNED');
    const courseId = course.data.courseCreateFromDemand.course.id;

    // 3. The January round: one offering, then open.
    const round = await t.gql(
      `mutation { enrollmentRoundCreate(input: { month: "2027-01", opensAt: "2026-12-01T09:00:00+09:00", closesAt: "2026-12-20T18:00:00+09:00" }) { round { id } userErrors { code } } }`,
      {},
      { token: admin },
    );
    const roundId = round.data.enrollmentRoundCreate.round.id;
    const offering = await t.gql(
      `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id } userErrors { code message } } }`,
      { input: { roundId, courseId, startsAt: '2027-01-12T10:00:00+09:00', endsAt: '2027-01-12T11:00:00+09:00', capacity: 20, place: '경기도인재개발원 201호', instructorName: '김강사' } },
      { token: admin },
    );
    expect(offering.data.courseOfferingCreate.userErrors).toEqual([]);
    const offeringId = offering.data.courseOfferingCreate.offering.id;
    await at('2026-12-02T01:00:00Z');
    expect((await t.gql(`mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { round { status } } }`, { id: roundId }, { token: admin })).data.enrollmentRoundOpen.round.status).toBe('OPEN');

    // 4. Servants register (the requesters first: they were told by notification).
    for (const s of servants) {
      const r = await t.gql(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code } } }`, { id: offeringId }, { token: s.token });
      expect(r.data.enrollmentCreate.enrollment.status).toBe('REGISTERED');
    }
    const live = await t.gql(`query($id: ID!) { node(id: $id) { ... on CourseOffering { registrantCount minimumRegistrants willOpen } } }`, { id: offeringId }, { token: servants[0].token });
    expect(live.data.node).toEqual({ registrantCount: 6, minimumRegistrants: 5, willOpen: true });

    // 5. Registration closes: six ≥ five, the course opens.
    await at('2026-12-20T09:30:00Z');
    const closed = await t.gql(`mutation($id: ID!) { enrollmentRoundClose(input: { roundId: $id }) { outcome { confirmedOfferings cancelledOfferings confirmedRegistrations } userErrors { code } } }`, { id: roundId }, { token: admin });
    expect(closed.data.enrollmentRoundClose.outcome).toEqual({ confirmedOfferings: 1, cancelledOfferings: 0, confirmedRegistrations: 6 });
    const told = await t.gql(`{ viewer { servant { notifications(first: 10) { edges { node { kind } } } } } }`, {}, { token: servants[0].token });
    expect(told.data.viewer.servant.notifications.edges.map((e: any) => e.node.kind)).toEqual(expect.arrayContaining(['DEMAND_PLANNED', 'ENROLLMENT_CONFIRMED']));

    // 6. The lecture takes place; attendance earns credits (≥ 80 % of 60 minutes).
    await at('2027-01-12T03:00:00Z');
    const attendance = await t.gql(
      `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { userErrors { code message } } }`,
      { input: { offeringId, entries: servants.map((s, i) => ({ servantId: s.id, minutesAttended: i === 5 ? 30 : 58 })) } },
      { token: admin },
    );
    expect(attendance.data.attendanceRecord.userErrors).toEqual([]);
    const credits = await t.gql(`{ viewer { servant { creditSummary { balance } enrollments(first: 1) { edges { node { status } } } } } }`, {}, { token: servants[0].token });
    expect(credits.data.viewer.servant.creditSummary.balance).toBe('1');
    expect(credits.data.viewer.servant.enrollments.edges[0].node.status).toBe('COMPLETED');
    const absent = await t.gql(`{ viewer { servant { creditSummary { balance } } } }`, {}, { token: servants[5].token });
    expect(absent.data.viewer.servant.creditSummary.balance).toBe('0');
  });
});
