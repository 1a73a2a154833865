import fc from 'fast-check';
import { normalizeTitleKey } from '@kok/korean-text';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/common/clock.js';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

// A property test of the ledger through the API: random sequences of earning (attendance
// uploads, corrections included), recognising, adjusting and reversing — several of them sent
// concurrently — checked after every step against a model kept in integer hundredths:
// stored balance = SQL sum = the model's sum; no earlier entry ever changes; a reversal of a
// reversal is refused; the cap, duplicate subjects and "reversed once" hold.
let t: TestApp;
let admin: string;
let pool: number[] = [];
let categoryId: number;
const NOW = new Date('2026-12-20T03:00:00Z');
const CAP = 1000n; // 10 credits a year in hundredths (set as the 2026 policy below)
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const dbId = (g: string) => Number(Buffer.from(g, 'base64url').toString().split(':')[1]);
const hundredths = (s: string) => {
  const [w, f = ''] = s.replace('-', '').split('.');
  const v = BigInt(w) * 100n + BigInt(f.padEnd(2, '0').slice(0, 2));
  return s.startsWith('-') ? -v : v;
};
const decimal = (h: bigint) => {
  const a = h < 0n ? -h : h;
  return `${h < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

const RECORD = `mutation($input: CreditTransactionRecordInput!) { creditTransactionRecord(input: $input) { transaction { id } userErrors { code } } }`;
const REVERSE = `mutation($input: CreditTransactionReverseInput!) { creditTransactionReverse(input: $input) { transaction { id } userErrors { code } } }`;
const ATTEND = `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { userErrors { code message } } }`;
/** Titles of outside learning: the first two are the same subject (spacing and punctuation). */
const TITLES = ['외부 과정 가', '외부과정 가!', '외부 과정 나', '외부 과정 다'];
const subjectOf = (title: string) => normalizeTitleKey(title);

type Cmd =
  | { op: 'attend'; offering: number; minutes: number; twice: boolean }
  | { op: 'recognize'; amounts: number[]; titles: string[] }
  | { op: 'adjust'; amount: number }
  | { op: 'reverse'; pick: number; copies: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ op: fc.constant('attend' as const), offering: fc.nat(2), minutes: fc.constantFrom(0, 30, 47, 48, 60), twice: fc.boolean() }),
  fc.record({
    op: fc.constant('recognize' as const),
    amounts: fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 2 }),
    titles: fc.array(fc.constantFrom(...TITLES), { minLength: 2, maxLength: 2 }),
  }),
  fc.record({ op: fc.constant('adjust' as const), amount: fc.integer({ min: -300, max: 300 }).filter((x) => x !== 0) }),
  fc.record({ op: fc.constant('reverse' as const), pick: fc.nat(), copies: fc.integer({ min: 1, max: 3 }) }),
);

interface Entry {
  id: number;
  kind: 'EARNED' | 'RECOGNIZED' | 'ADJUSTED' | 'REVERSED';
  amount: bigint;
  reverses: number | null;
  subject: string | null;
  enrollment: number | null;
}

/** The model: entries by id, and each offering's registration state. */
class Model {
  entries = new Map<number, Entry>();
  completed = new Map<number, boolean>();
  sum(): bigint {
    let s = 0n;
    for (const e of this.entries.values()) s += e.amount;
    return s;
  }
  reversed(id: number): boolean {
    return [...this.entries.values()].some((e) => e.reverses === id);
  }
  live(e: Entry): boolean {
    return e.kind !== 'REVERSED' && !this.reversed(e.id);
  }
  recognizedUsed(): bigint {
    let s = 0n;
    for (const e of this.entries.values()) if (e.kind === 'RECOGNIZED' && this.live(e)) s += e.amount;
    return s;
  }
  /** Whether a recognition would pass now (cap and duplicate subject). */
  accepts(amount: bigint, title: string): boolean {
    const subject = subjectOf(title);
    const dup = [...this.entries.values()].some((e) => e.subject === subject && this.live(e));
    return !dup && this.recognizedUsed() + amount <= CAP;
  }
}

beforeAll(async () => {
  t = await createTestApp({ env: { KOK_SESSION_TTL_SECONDS: String(30 * 24 * 3600) } });
  admin = await t.login(DEMO.admin);
  const rows = await t.sql(`select id from servant s where not exists (select 1 from account a where a.servant_id = s.id) order by id limit 60`);
  pool = rows.map((r) => Number(r.id));
  const [cat] = await t.sql(`insert into category (code, name) values ('PROP_TEST', '속성 시험') returning id`);
  categoryId = Number(cat.id);
  setClock(() => NOW);
  const policy = await t.gql(
    `mutation($input: CreditPolicyUpdateInput!) { creditPolicyUpdate(input: $input) { userErrors { code } } }`,
    { input: { year: 2026, creditsPerHour: '1', recognizedYearlyCap: decimal(CAP), requiredHoursByGrade: Array.from({ length: 9 }, (_, i) => ({ grade: i + 1, hours: '40' })) } },
    { token: admin },
  );
  expect(policy.data.creditPolicyUpdate.userErrors).toEqual([]);
  setClock();
}, 60_000);
afterAll(() => t?.stop());
afterEach(() => setClock());

let offeringSeq = 0;
/** A confirmed 60-minute offering of a course of its own, with the servant confirmed in it. */
async function offeringFor(servantId: number): Promise<{ offeringId: string; enrollmentId: number }> {
  offeringSeq++;
  const [c] = await t.sql(
    `insert into course (code, title, title_key, category_id, length_minutes, credit_value, format) values ($1, $2, $1, $3, 60, 1, 'IN_PERSON') returning id`,
    [`PT-${offeringSeq}`, `속성 시험 과정 ${offeringSeq}`, categoryId],
  );
  const [r] = await t.sql(`insert into enrollment_round (month, opens_at, closes_at, status) values ($1, '2026-10-01', '2026-10-02', 'CLOSED') returning id`, [
    `${2200 + Math.floor(offeringSeq / 12)}-${String((offeringSeq % 12) + 1).padStart(2, '0')}`,
  ]);
  const startsAt = new Date(Date.UTC(2026, 10, 1) + offeringSeq * 2 * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 3600_000);
  const [o] = await t.sql(`insert into course_offering (round_id, course_id, starts_at, ends_at, place, capacity, status) values ($1, $2, $3, $4, '강당', 10, 'CONFIRMED') returning id`, [
    r.id,
    c.id,
    startsAt,
    endsAt,
  ]);
  const [e] = await t.sql(`insert into enrollment (offering_id, servant_id, status, starts_at, ends_at) values ($1, $2, 'CONFIRMED', $3, $4) returning id`, [o.id, servantId, startsAt, endsAt]);
  return { offeringId: gid('CourseOffering', o.id), enrollmentId: Number(e.id) };
}

async function snapshot(servantId: number) {
  return t.sql(
    `select id::int, servant_id, amount::text, kind, reason, enrollment_id, course_id, category_id, subject_title, subject_key, hours::text, evidence,
            reverses_id::int, recorded_by_account_id, occurred_on::text, year, recorded_at, idempotency_key
     from credit_transaction where servant_id = $1 order by id`,
    [servantId],
  );
}

async function check(servantId: number, model: Model, before: Record<string, unknown>[]) {
  const rows = await snapshot(servantId);
  // No entry ever changes: every earlier row is still there, identical.
  expect(rows.slice(0, before.length)).toEqual(before);
  const [b] = await t.sql(
    `select coalesce((select balance::text from credit_balance where servant_id = $1), '0') as stored, coalesce((select sum(amount)::text from credit_transaction where servant_id = $1), '0') as summed`,
    [servantId],
  );
  expect(hundredths(b.stored)).toBe(model.sum());
  expect(hundredths(b.summed)).toBe(model.sum());
  expect(rows.map((r) => [r.id, r.kind, hundredths(r.amount), r.reverses_id])).toEqual([...model.entries.values()].sort((x, y) => x.id - y.id).map((e) => [e.id, e.kind, e.amount, e.reverses]));
  return rows;
}

describe('the ledger under random operations', () => {
  it('stored balance = SQL sum = model sum after every step; entries never change; reversals of reversals are refused', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 4, maxLength: 12 }), async (cmds) => {
        setClock(() => NOW);
        const servantId = pool[run++ % pool.length];
        const model = new Model();
        // Each run starts from the servant's current ledger (earlier runs may have used them).
        for (const r of await snapshot(servantId)) {
          model.entries.set(r.id, { id: r.id, kind: r.kind, amount: hundredths(r.amount), reverses: r.reverses_id, subject: r.kind === 'REVERSED' ? null : r.subject_key, enrollment: r.enrollment_id });
        }
        const offerings: ({ offeringId: string; enrollmentId: number } | undefined)[] = [];
        let before = await check(servantId, model, []);
        for (const c of cmds) {
          const known = new Set(model.entries.keys());
          if (c.op === 'attend') {
            const o = (offerings[c.offering] ??= await offeringFor(servantId));
            const input = { offeringId: o.offeringId, entries: [{ servantId: gid('Servant', servantId), minutesAttended: c.minutes }] };
            const results = await Promise.all((c.twice ? [1, 2] : [1]).map(() => t.gql(ATTEND, { input }, { token: admin })));
            for (const r of results) expect(r.data.attendanceRecord.userErrors).toEqual([]);
            // Model: completion at ≥ 48 of 60 minutes.
            const done = c.minutes >= 48;
            const was = model.completed.get(o.enrollmentId) ?? false;
            const mine = [...model.entries.values()].filter((e) => e.enrollment === o.enrollmentId);
            const liveCredit = mine.find((e) => model.live(e));
            const rows = await snapshot(servantId);
            const fresh = rows.filter((r) => !known.has(r.id));
            if (!done && liveCredit) {
              expect(fresh.map((r) => [r.kind, r.reverses_id])).toEqual([['REVERSED', liveCredit.id]]);
            } else if (done && !liveCredit && (!mine.some((e) => e.kind === 'EARNED') || !was)) {
              expect(fresh.map((r) => [r.kind, r.amount])).toEqual([[mine.some((e) => e.kind === 'EARNED') ? 'ADJUSTED' : 'EARNED', '1.00']]);
            } else {
              expect(fresh).toEqual([]);
            }
            for (const r of fresh) model.entries.set(r.id, { id: r.id, kind: r.kind, amount: hundredths(r.amount), reverses: r.reverses_id, subject: r.kind === 'REVERSED' ? null : r.subject_key, enrollment: o.enrollmentId });
            model.completed.set(o.enrollmentId, done);
          } else if (c.op === 'recognize') {
            // One or two recognitions at the same moment; the server's outcome must match some serial order.
            const reqs = c.amounts.map((a, i) => ({ amount: BigInt(a), title: c.titles[i], key: `rec-${run}-${Math.random()}` }));
            const results = await Promise.all(
              reqs.map((q) =>
                t.gql(
                  RECORD,
                  { input: { servantId: gid('Servant', servantId), kind: 'RECOGNIZED', amount: decimal(q.amount), reason: '외부 학습 인정', title: q.title, evidence: '증빙', occurredOn: '2026-05-01', idempotencyKey: q.key } },
                  { token: admin },
                ),
              ),
            );
            const passed = results.map((r) => r.data.creditTransactionRecord.userErrors.length === 0);
            for (const r of results) if (r.data.creditTransactionRecord.userErrors.length) expect(['YEARLY_CAP_EXCEEDED', 'DUPLICATE_SUBJECT']).toContain(r.data.creditTransactionRecord.userErrors[0].code);
            const orders = reqs.length === 1 ? [[0]] : [[0, 1], [1, 0]];
            const possible = orders.map((order) => {
              const m = new Model();
              m.entries = new Map(model.entries);
              const ok = [false, false];
              for (const i of order) {
                if (m.accepts(reqs[i].amount, reqs[i].title)) {
                  ok[i] = true;
                  m.entries.set(-1 - i, { id: -1 - i, kind: 'RECOGNIZED', amount: reqs[i].amount, reverses: null, subject: subjectOf(reqs[i].title), enrollment: null });
                }
              }
              return ok.slice(0, reqs.length);
            });
            expect(possible.map((p) => JSON.stringify(p))).toContain(JSON.stringify(passed));
            results.forEach((r, i) => {
              if (!passed[i]) return;
              const id = dbId(r.data.creditTransactionRecord.transaction.id);
              model.entries.set(id, { id, kind: 'RECOGNIZED', amount: reqs[i].amount, reverses: null, subject: subjectOf(reqs[i].title), enrollment: null });
            });
          } else if (c.op === 'adjust') {
            const key = `adj-${run}-${Math.random()}`;
            const input = { servantId: gid('Servant', servantId), kind: 'ADJUSTED', amount: decimal(BigInt(c.amount)), reason: '조정', occurredOn: '2026-06-01', idempotencyKey: key };
            // A retry with the same key, sent at the same time, records once.
            const [a, b] = await Promise.all([t.gql(RECORD, { input }, { token: admin }), t.gql(RECORD, { input }, { token: admin })]);
            expect(a.data.creditTransactionRecord.transaction.id).toBe(b.data.creditTransactionRecord.transaction.id);
            const id = dbId(a.data.creditTransactionRecord.transaction.id);
            model.entries.set(id, { id, kind: 'ADJUSTED', amount: BigInt(c.amount), reverses: null, subject: null, enrollment: null });
          } else {
            const all = [...model.entries.values()].sort((x, y) => x.id - y.id);
            if (!all.length) continue;
            const target = all[c.pick % all.length];
            const results = await Promise.all(
              Array.from({ length: c.copies }, (_, i) =>
                t.gql(REVERSE, { input: { transactionId: gid('CreditTransaction', target.id), reason: '취소', idempotencyKey: `rev-${run}-${Math.random()}-${i}` } }, { token: admin }),
              ),
            );
            const codes = results.map((r) => r.data.creditTransactionReverse.userErrors[0]?.code ?? 'OK');
            if (target.kind === 'REVERSED') expect(codes.every((x) => x === 'REVERSAL_OF_REVERSAL')).toBe(true);
            else if (model.reversed(target.id)) expect(codes.every((x) => x === 'ALREADY_REVERSED')).toBe(true);
            else {
              expect(codes.filter((x) => x === 'OK')).toHaveLength(1);
              expect(codes.filter((x) => x !== 'OK').every((x) => x === 'ALREADY_REVERSED')).toBe(true);
              const ok = results.find((r) => r.data.creditTransactionReverse.transaction)!;
              const id = dbId(ok.data.creditTransactionReverse.transaction.id);
              model.entries.set(id, { id, kind: 'REVERSED', amount: -target.amount, reverses: target.id, subject: null, enrollment: target.enrollment });
            }
          }
          before = await check(servantId, model, before);
        }
      }),
      { numRuns: 18 },
    );
  }, 120_000);
});
