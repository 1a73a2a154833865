import { DataloaderType, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

export interface OrmOptions {
  url: string;
  poolMax?: number;
  /** Called for every SQL statement; tests use it to count statements. */
  onQuery?: (sql: string) => void;
}

/** MikroORM settings shared by the app, the tests and the migration tool. */
export function ormOptions(opts: OrmOptions): Options<PostgreSqlDriver> {
  return {
    driver: PostgreSqlDriver,
    clientUrl: opts.url,
    entities,
    extensions: [Migrator],
    // Relations and collections load through MikroORM's built-in dataloader, so nested
    // GraphQL fields cost one statement per level, not one per parent.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    pool: { min: 0, max: opts.poolMax ?? 10 },
    // The schema is only ever changed by reviewed migrations.
    schemaGenerator: { disableForeignKeys: false },
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'src/db/migrations',
      emit: 'ts',
    },
    allowGlobalContext: false,
    onQuery: (sql: string) => {
      opts.onQuery?.(sql);
      return sql;
    },
    logger: () => undefined,
    discovery: { warnWhenNoEntities: true },
  };
}

export async function openOrm(opts: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(opts));
}

/** Applies pending migrations; safe when several processes start at once (advisory lock). */
export async function migrate(orm: MikroORM): Promise<void> {
  const conn = orm.em.getConnection();
  const knex = conn.getKnex();
  // pg_advisory_lock is session-scoped, so take it on a dedicated client for the whole run.
  const client = await knex.client.acquireConnection();
  try {
    await client.query('select pg_advisory_lock(724242)');
    try {
      await orm.getMigrator().up();
    } finally {
      await client.query('select pg_advisory_unlock(724242)');
    }
  } finally {
    await knex.client.releaseConnection(client);
  }
}
