import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config/config.js';
import { setIdCodec, Base64IdCodec } from './common/global-id.js';
import { createLogger, type Logger } from './common/logger.js';
import { ensureDatabase, withDatabase } from './db/admin.js';
import { type EmbeddedServer, startEmbeddedPostgres } from './db/embedded.js';
import { migrate, openOrm } from './db/orm.js';
import { seedDemoIfEmpty, type SeedSummary } from './db/seed/seed.js';
import { PgPubSub } from './events/pubsub.js';
import type { AppDeps } from './graphql/context.js';
import { buildAppSchema } from './graphql/schema.js';
import { createServer } from './graphql/server.js';
import { AuthService } from './modules/account/auth.service.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { emailTransportFor } from './modules/notification/email-transport.js';
import { RecommenderHost } from './modules/recommendation/recommender.host.js';
import { Topics } from './events/topics.js';

export interface RunningApp {
  port: number;
  databaseUrl: string;
  seeded: SeedSummary | null;
  orm: MikroORM;
  deps: AppDeps;
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

/**
 * The one start path: config → database (embedded unless DATABASE_URL) → migrations →
 * demo seed → schema → HTTP + WebSocket. Tests start the app through here too.
 */
export async function startApp(config: Config, opts: { log?: Logger; onQuery?: (sql: string) => void } = {}): Promise<RunningApp> {
  const log = opts.log ?? createLogger(config.logLevel);
  setIdCodec(new Base64IdCodec());
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log.info('starting embedded PostgreSQL', { dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort });
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), port: config.embeddedPgPort, log: (l) => log.debug(l) });
    url = withDatabase(embedded.url, 'kok');
  }
  const cleanup: Array<() => Promise<void>> = [];
  try {
    await ensureDatabase(url);
    const orm = await openOrm({ url, onQuery: opts.onQuery });
    cleanup.push(() => orm.close());
    await migrate(orm);
    const seeded = config.demo ? await seedDemoIfEmpty(orm) : null;
    const pubsub = new PgPubSub(url, (msg, err) => log.warn(msg, { error: err ? String(err) : undefined }));
    await pubsub.start();
    cleanup.push(() => pubsub.close());
    const recommender = new RecommenderHost(orm, config.recommender, log);
    const deps: AppDeps = { config, orm, pubsub, auth: new AuthService(config, orm.em), log, recommender };
    // The first fit runs in the background: the API answers at once, recommendations wait for it.
    void recommender.refit().catch((e) => log.error('recommender fit failed', { error: String(e) }));
    const refits = pubsub.subscribe(Topics.RECOMMENDER_REFIT)[Symbol.asyncIterator]();
    void (async () => {
      for (let r = await refits.next(); !r.done; r = await refits.next()) {
        if ((r.value as { origin?: string }).origin !== recommender.instanceId) await recommender.refit().catch((e) => log.error('recommender refit failed', { error: String(e) }));
      }
    })();
    cleanup.push(async () => void (await refits.return?.()));
    const scheduler = config.jobs ? await startScheduler({ url, orm, pubsub, transport: emailTransportFor(config.smtp, log), log }) : null;
    if (scheduler) cleanup.push(() => scheduler.stop());
    const server = await createServer(deps, await buildAppSchema(pubsub));
    cleanup.push(() => server.close());
    const port = await server.listen(config.port, config.host);
    return {
      port,
      databaseUrl: url,
      seeded,
      orm,
      deps,
      scheduler,
      stop: async () => {
        for (const [i, fn] of cleanup.reverse().entries()) {
          log.debug('shutdown step', { step: i });
          await fn().catch((e) => log.warn('shutdown step failed', { error: String(e) }));
        }
        log.debug('stopping the embedded database');
        await embedded?.stop();
      },
    };
  } catch (e) {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
    await embedded?.stop();
    throw e;
  }
}
