import PgBoss from 'pg-boss';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger.js';
import { RequestScope } from '../common/request-scope.js';
import type { PgPubSub } from '../events/pubsub.js';
import type { EmailTransportStrategy } from '../modules/notification/email-transport.js';
import { deliverOutbox } from '../modules/notification/outbox.worker.js';
import { RoundService } from '../modules/round/round.service.js';
import { Topics } from '../events/topics.js';

export interface Scheduler {
  /** Runs one round tick now (also what the cron job does). */
  tickNow(): Promise<{ opened: number[]; closed: number[] }>;
  stop(): Promise<void>;
}

/**
 * Scheduled work through pg-boss, in PostgreSQL: every minute (Korea time) rounds whose window
 * has started are opened and those whose window has ended are closed, and pending e-mails
 * are delivered. pg-boss runs each cron once across all API processes; the work itself is
 * guarded (round transitions are conditional UPDATEs, outbox rows are claimed with SKIP
 * LOCKED), so a retry or a second process changes nothing.
 */
export async function startScheduler(opts: { url: string; orm: MikroORM; pubsub: PgPubSub; transport: EmailTransportStrategy; log: Logger }): Promise<Scheduler> {
  const { orm, pubsub, log } = opts;
  const boss = new PgBoss({ connectionString: opts.url, schema: 'pgboss', application_name: 'kok-jobs', max: 3 });
  boss.on('error', (e) => log.error('job queue error', { error: String(e) }));
  await boss.start();

  const tickNow = async () => {
    const scope = new RequestScope(orm.em.fork(), null, 'ko', null, 'round-tick');
    const result = await new RoundService(scope, null, pubsub).tick();
    await scope.runAfterCommit((e) => log.error('round event publication failed', { error: String(e) }));
    if (result.opened.length || result.closed.length) log.info('rounds moved by the schedule', result);
    return result;
  };

  await boss.createQueue('round-tick', { name: 'round-tick', policy: 'singleton', retryLimit: 3 });
  await boss.createQueue('email-outbox', { name: 'email-outbox', policy: 'singleton', retryLimit: 3 });
  await boss.work('round-tick', async () => {
    await tickNow();
  });
  await boss.work('email-outbox', async () => {
    const r = await deliverOutbox(orm.em.fork(), opts.transport);
    if (r.sent || r.failed) log.info('outbox delivered', r);
  });
  await boss.createQueue('recommender-refit', { name: 'recommender-refit', policy: 'singleton', retryLimit: 1 });
  // Hourly, every process refits its in-memory model (the job only broadcasts the request).
  await boss.work('recommender-refit', async () => {
    await pubsub.publishAsync(Topics.RECOMMENDER_REFIT, { origin: 'schedule' });
  });
  await boss.schedule('recommender-refit', '17 * * * *', {}, { tz: 'Asia/Seoul' });
  await boss.schedule('round-tick', '* * * * *', {}, { tz: 'Asia/Seoul' });
  await boss.schedule('email-outbox', '* * * * *', {}, { tz: 'Asia/Seoul' });
  // Catch up at start: rounds that came due while no API process was running.
  await boss.send('round-tick', {});

  return {
    tickNow,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
