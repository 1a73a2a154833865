import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutbox } from '../src/modules/notification/outbox.worker.js';
import type { EmailMessage, EmailTransportStrategy } from '../src/modules/notification/email-transport.js';
import { createTestApp, DEMO, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.stop());

async function dueRound(month: string) {
  const [cat] = await t.sql(`insert into category (code, name) values ($1, '작업 시험') returning id`, [`JOB_${month}`]);
  const [course] = await t.sql(
    `insert into course (code, title, title_key, category_id, length_minutes, credit_value, format) values ($1, '작업 시험 과정', $1, $2, 60, 1, 'RECORDED') returning id`,
    [`JOB-${month}`, cat.id],
  );
  const [round] = await t.sql(
    `insert into enrollment_round (month, opens_at, closes_at, status, opened_at) values ($1, now() - interval '10 days', now() - interval '1 minute', 'OPEN', now() - interval '10 days') returning id`,
    [month],
  );
  await t.sql(
    `insert into course_offering (round_id, course_id, starts_at, ends_at, capacity, online_url) values ($1, $2, now() + interval '5 days', now() + interval '5 days 1 hour', 10, 'https://example.org/x')`,
    [round.id, course.id],
  );
  return round.id as number;
}

describe('pg-boss schedule', () => {
  it('closes a round whose window ended while no API process was running, as soon as one starts', async () => {
    const roundId = await dueRound('2031-01');
    const withJobs = await createTestApp({ databaseUrl: t.databaseUrl, env: { KOK_JOBS: '1' } });
    try {
      let status = 'OPEN';
      for (let i = 0; i < 60 && status !== 'CLOSED'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        [{ status }] = await t.sql(`select status from enrollment_round where id = $1`, [roundId]);
      }
      expect(status).toBe('CLOSED');
      const [{ n }] = await t.sql(`select count(*)::int as n from pgboss.schedule where name in ('round-tick', 'email-outbox')`);
      expect(n).toBe(2);
    } finally {
      await withJobs.stop();
    }
  }, 60_000);
});

describe('e-mail outbox', () => {
  it('delivers each pending e-mail once, even with two workers at the same time, and retries failures', async () => {
    const [s] = await t.sql(`select id from servant where email is not null order by id limit 1`);
    await t.sql(
      `with n as (insert into notification (servant_id, kind, params, dedup_key) values ($1, 'DEMAND_DECLINED', '{}', 'outbox-test-1') returning id)
       insert into email_outbox (notification_id, to_address, subject, body) select id, 'someone@example.org', '제목', '본문' from n`,
      [s.id],
    );
    const sent: EmailMessage[] = [];
    const transport: EmailTransportStrategy = {
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 20));
        sent.push(m);
      },
    };
    const [a, b] = await Promise.all([deliverOutbox(t.app.deps.orm.em.fork(), transport), deliverOutbox(t.app.deps.orm.em.fork(), transport)]);
    expect(a.sent + b.sent).toBe(1);
    expect(sent).toHaveLength(1);
    expect((await deliverOutbox(t.app.deps.orm.em.fork(), transport)).sent).toBe(0);

    await t.sql(
      `with n as (insert into notification (servant_id, kind, params, dedup_key) values ($1, 'DEMAND_DECLINED', '{}', 'outbox-test-2') returning id)
       insert into email_outbox (notification_id, to_address, subject, body) select id, 'down@example.org', '제목', '본문' from n`,
      [s.id],
    );
    const failing: EmailTransportStrategy = { send: async () => Promise.reject(new Error('smtp down')) };
    for (let i = 0; i < 5; i++) await deliverOutbox(t.app.deps.orm.em.fork(), failing);
    const [row] = await t.sql(`select status, attempts, last_error from email_outbox where to_address = 'down@example.org'`);
    expect(row).toEqual({ status: 'FAILED', attempts: 5, last_error: 'smtp down' });
  });
});

describe('notifications', () => {
  it('are read in the reader\'s language, marked read by their owner only, and private', async () => {
    const [s] = await t.sql(`select s.id from servant s join account a on a.servant_id = s.id where a.email = $1`, [DEMO.servantSuwon]);
    await t.sql(
      `insert into notification (servant_id, kind, params, dedup_key) values ($1, 'DEMAND_DECLINED', '{"demandLabel": "부동산 세무", "reason": "이미 개설된 과정이 있습니다"}', 'n-test-1')`,
      [s.id],
    );
    const token = await t.login(DEMO.servantSuwon);
    const q = `{ viewer { servant { unreadNotificationCount notifications(first: 5) { edges { node { id kind title body readAt } } } } } }`;
    const ko = await t.gql(q, {}, { token });
    const node = ko.data.viewer.servant.notifications.edges[0].node;
    expect(node).toMatchObject({ kind: 'DEMAND_DECLINED', title: '요청하신 교육이 반려되었습니다', body: '"부동산 세무" 수요가 반려되었습니다. 사유: 이미 개설된 과정이 있습니다', readAt: null });
    const en = await t.gql(q, {}, { token, headers: { 'accept-language': 'en' } });
    expect(en.data.viewer.servant.notifications.edges[0].node.title).toBe('Your training request was declined');

    // Someone else cannot read or mark it.
    const other = await t.login(DEMO.servantSeongnam);
    expect((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: node.id }, { token: other })).data.node).toBeNull();
    const foreign = await t.gql(`mutation($ids: [ID!]) { notificationMarkRead(input: { ids: $ids }) { markedCount } }`, { ids: [node.id] }, { token: other });
    expect(foreign.data.notificationMarkRead.markedCount).toBe(0);
    const admin = await t.login(DEMO.admin);
    const byAdmin = await t.gql(`query($id: ID!) { node(id: $id) { ... on Servant { notifications { totalCount } } } }`, { id: Buffer.from(`Servant:${s.id}`).toString('base64url') }, { token: admin });
    expect(byAdmin.data.node.notifications).toBeNull();

    const mine = await t.gql(`mutation($ids: [ID!]) { notificationMarkRead(input: { ids: $ids }) { markedCount userErrors { code } } }`, { ids: [node.id] }, { token });
    expect(mine.data.notificationMarkRead).toEqual({ markedCount: 1, userErrors: [] });
    expect((await t.gql(q, {}, { token })).data.viewer.servant.unreadNotificationCount).toBe(ko.data.viewer.servant.unreadNotificationCount - 1);
  });
});

describe('SMTP transport', () => {
  it('delivers outbox e-mails to an SMTP server when SMTP_URL is set', async () => {
    const { SMTPServer } = await import('smtp-server');
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          received.push(data);
          done();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.server.address() as { port: number }).port;
    try {
      const { emailTransportFor } = await import('../src/modules/notification/email-transport.js');
      const transport = emailTransportFor({ url: `smtp://127.0.0.1:${port}`, from: 'kok@test.kok' }, { debug() {}, info() {}, warn() {}, error() {} });
      const [s] = await t.sql(`select id from servant where email is not null order by id limit 1`);
      await t.sql(
        `with n as (insert into notification (servant_id, kind, params, dedup_key) values ($1, 'DEMAND_DECLINED', '{}', 'smtp-test') returning id)
         insert into email_outbox (notification_id, to_address, subject, body) select id, 'servant@example.org', '요청하신 교육이 반려되었습니다', '사유: 시험' from n`,
        [s.id],
      );
      const r = await deliverOutbox(t.app.deps.orm.em.fork(), transport);
      expect(r.sent).toBeGreaterThanOrEqual(1);
      expect(received.some((m) => m.includes('servant@example.org'))).toBe(true);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
