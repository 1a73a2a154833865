import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiLogin, gql } from './browser.js';

// Helpers of the live-update browser tests (connection.spec.ts, dashboard.spec.ts): a round of
// the test's own with one offering, registrations through the API, and the WebSocket frames the
// page really sent and received.

/** The four demo servants that can sign in (the fixed personas of the demo data). */
export const SERVANT_EMAILS = ['gg000001', 'gg000002', 'gg000003', 'gg000004'].map((n) => `${n}@demo.kok.go.kr`);

/** `YYYY-MM` of the month `ahead` months after the current one, in Korea time. */
export function monthAhead(ahead: number, now = Date.now()): string {
  const k = new Date(now + 9 * 3600_000);
  return new Date(Date.UTC(k.getUTCFullYear(), k.getUTCMonth() + ahead, 1)).toISOString().slice(0, 7);
}

export interface OpenRound {
  roundId: string;
  month: string;
  offeringId: string;
  capacity: number;
}

/**
 * Creates the round of the first free month among `aheads` (months after the current one) with
 * one in-person offering of a demo course (30 seats, on the 20th at 10:00 Korea time, `place`),
 * and opens it: registration from an hour ago for two days. Null when every month was taken.
 */
export async function openRoundWithOffering(adminToken: string, aheads: Iterable<number>, place: string): Promise<OpenRound | null> {
  const now = Date.now();
  let round: { id: string; month: string } | null = null;
  for (const ahead of aheads) {
    const r = await gql<any>(
      `mutation($input: EnrollmentRoundCreateInput!) { enrollmentRoundCreate(input: $input) { round { id month } userErrors { code message } } }`,
      { input: { month: monthAhead(ahead, now), opensAt: new Date(now - 3600_000).toISOString(), closesAt: new Date(now + 2 * 86400_000).toISOString() } },
      adminToken,
    );
    if (r.enrollmentRoundCreate.round) {
      round = r.enrollmentRoundCreate.round;
      break;
    }
    expect(r.enrollmentRoundCreate.userErrors[0].code).toBe('ROUND_EXISTS');
  }
  if (!round) return null;
  const course = (await gql<any>(`{ courses(first: 1, filter: { format: IN_PERSON }) { edges { node { id lengthMinutes } } } }`, {}, adminToken)).courses.edges[0].node;
  const startsAt = new Date(`${round.month}-20T10:00:00+09:00`);
  const capacity = 30;
  const created = await gql<any>(
    `mutation($input: CourseOfferingCreateInput!) { courseOfferingCreate(input: $input) { offering { id } userErrors { code field message } } }`,
    {
      input: {
        roundId: round.id,
        courseId: course.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + course.lengthMinutes * 60_000).toISOString(),
        capacity,
        place,
        instructorName: '시험 강사',
      },
    },
    adminToken,
  );
  expect(created.courseOfferingCreate.userErrors).toEqual([]);
  const opened = await gql<any>(`mutation($id: ID!) { enrollmentRoundOpen(input: { roundId: $id }) { round { status } userErrors { code message } } }`, { id: round.id }, adminToken);
  expect(opened.enrollmentRoundOpen).toEqual({ round: { status: 'OPEN' }, userErrors: [] });
  return { roundId: round.id, month: round.month, offeringId: created.courseOfferingCreate.offering.id, capacity };
}

/** A servant registers in an offering through the API (as the servants' portal would). */
export async function register(email: string, offeringId: string): Promise<void> {
  const token = await apiLogin(email);
  const r = await gql<any>(`mutation($id: ID!) { enrollmentCreate(input: { offeringId: $id }) { enrollment { status } userErrors { code message } } }`, { id: offeringId }, token);
  expect(r.enrollmentCreate).toEqual({ enrollment: { status: 'REGISTERED' }, userErrors: [] });
}

/** The offering's registrant count as the API has it now. */
export async function registrantCount(offeringId: string, adminToken: string): Promise<number> {
  return (await gql<any>(`query($id: ID!) { node(id: $id) { ... on CourseOffering { registrantCount } } }`, { id: offeringId }, adminToken)).node.registrantCount;
}

/**
 * Registers the given servants one at a time until `shown` reads `expected(count)` for the API's
 * count (each attempt waits up to 5 s); returns how many servants it used. A subscription that
 * the page sent a moment ago may not be set up on the server yet, so the first event can be
 * missed; the next registration's event carries the whole count. With no events reaching the
 * page at all, every attempt times out and this fails.
 */
export async function registerUntilShown(
  emails: readonly string[],
  offeringId: string,
  adminToken: string,
  shown: () => Promise<string>,
  expected: (count: number) => string,
): Promise<number> {
  let last = '';
  for (let i = 0; i < emails.length; i++) {
    await register(emails[i], offeringId);
    const want = expected(await registrantCount(offeringId, adminToken));
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      last = await shown();
      if (last === want) return i + 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the screen never showed the count of the API after ${emails.length} registrations; it shows "${last}"`);
}

export interface SocketLog {
  /** Every WebSocket the page opened, in order, with the frames sent and received on it. */
  sockets: { url: string; sent: string[]; received: string[]; closed: boolean }[];
}

/** Records the page's WebSocket traffic (the real frames, as the browser's DevTools see them). */
export function recordSockets(page: Page): SocketLog {
  const log: SocketLog = { sockets: [] };
  page.on('websocket', (ws) => {
    const entry = { url: ws.url(), sent: [] as string[], received: [] as string[], closed: false };
    log.sockets.push(entry);
    ws.on('framesent', (f) => entry.sent.push(String(f.payload)));
    ws.on('framereceived', (f) => entry.received.push(String(f.payload)));
    ws.on('close', () => (entry.closed = true));
  });
  return log;
}

/** The `subscribe` messages (graphql-ws) sent on a socket, parsed. */
export function subscribeMessages(frames: readonly string[]): { id: string; payload: { query: string; variables?: Record<string, unknown> } }[] {
  return frames.map((f) => JSON.parse(f)).filter((m) => m.type === 'subscribe');
}
