import pg from 'pg';

/** Returns the URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Runs one statement on the server's maintenance database. */
async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` if it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  await onServer(url, async (c) => {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await c.query(`create database ${quoteIdent(name)} encoding 'UTF8' template template0`);
  });
}

/** Clones a database from a template (used by tests: one database per test file). */
export async function cloneDatabase(serverUrl: string, template: string, name: string): Promise<string> {
  await onServer(serverUrl, (c) => c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}
