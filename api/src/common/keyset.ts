import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { pgArray } from './sql.js';
import { type Connection, encodeCursor, type PageRequest, type SortValue } from './connection.js';

/**
 * A keyset-paged list described in SQL. `from`/`where` use `?` placeholders (knex style).
 * `sortExpr` must be non-null for every row (coalesce nullable columns).
 */
export interface KeysetQuery {
  entity: EntityName<object>;
  /** Alias of the entity's table in `from`, e.g. `s`. */
  alias: string;
  from: string;
  where: string;
  params: unknown[];
  sortExpr: string;
  direction: 'asc' | 'desc';
}

interface Row {
  [column: string]: unknown;
  _sk: unknown;
  _pk?: unknown;
}

function sortValue(v: unknown): SortValue {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

function stripMeta(row: Row): Record<string, unknown> {
  const { _sk, _pk, _rn, ...rest } = row as Row & { _rn?: unknown };
  void _sk;
  void _pk;
  void _rn;
  return rest;
}

/** `(sort, id) > (?, ?)` in the direction the page walks. */
function keysetCondition(q: KeysetQuery, page: PageRequest): { sql: string; params: unknown[] } {
  if (!page.cursor) return { sql: '', params: [] };
  const forwardAsc = q.direction === 'asc';
  const greater = page.backward ? !forwardAsc : forwardAsc;
  return { sql: ` and (${q.sortExpr}, ${q.alias}.id) ${greater ? '>' : '<'} (?, ?)`, params: [page.cursor.value, page.cursor.id] };
}

function orderSql(q: KeysetQuery, page: PageRequest): string {
  const dir = page.backward ? (q.direction === 'asc' ? 'desc' : 'asc') : q.direction;
  return `${q.sortExpr} ${dir}, ${q.alias}.id ${dir}`;
}

function toConnection<T extends object>(
  em: EntityManager,
  q: KeysetQuery,
  page: PageRequest,
  rows: Row[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  if (page.backward) slice.reverse();
  const edges = slice.map((row) => ({
    cursor: encodeCursor(sortValue(row._sk), Number(row.id)),
    node: em.map(q.entity as EntityName<T>, stripMeta(row) as never) as T,
  }));
  let count: Promise<number> | null = null;
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.cursor !== null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    // Counting is a separate statement, run only when a client selects totalCount.
    get totalCount() {
      count ??= totalCount();
      return count;
    },
  };
}

/** One page of one list: a single statement with LIMIT. */
export async function keysetPage<T extends object>(em: EntityManager, q: KeysetQuery, page: PageRequest): Promise<Connection<T>> {
  const ks = keysetCondition(q, page);
  const sql = `select ${q.alias}.*, ${q.sortExpr} as _sk from ${q.from} where ${q.where}${ks.sql} order by ${orderSql(q, page)} limit ?`;
  const rows: Row[] = page.limit === 0 ? [] : await em.getConnection().execute(sql, [...q.params, ...ks.params, page.limit + 1]);
  return toConnection<T>(em, q, page, rows, async () => {
    const [r] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${q.from} where ${q.where}`, q.params);
    return Number(r.n);
  });
}

/**
 * The same page for many parents at once (a nested connection under a list): one statement
 * with a window function partitioned by the parent key, and one grouped count — whatever the
 * number of parents or the page size.
 */
export async function keysetPagesByParent<T extends object>(
  em: EntityManager,
  q: KeysetQuery & { parentKey: string },
  page: PageRequest,
  parentIds: readonly number[],
): Promise<Map<number, Connection<T>>> {
  const ks = keysetCondition(q, page);
  const ids = [...new Set(parentIds)];
  const rows: Row[] =
    page.limit === 0
      ? []
      : await em.getConnection().execute(
          `select * from (
             select ${q.alias}.*, ${q.sortExpr} as _sk, ${q.parentKey} as _pk,
                    row_number() over (partition by ${q.parentKey} order by ${orderSql(q, page)}) as _rn
             from ${q.from} where ${q.where} and ${q.parentKey} = any(?::int[])${ks.sql}
           ) paged where _rn <= ? order by _pk, _rn`,
          [...q.params, pgArray(ids), ...ks.params, page.limit + 1],
        );
  const byParent = new Map<number, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) byParent.get(Number(row._pk))?.push(row);
  let counts: Promise<Map<number, number>> | null = null;
  const countAll = () =>
    (counts ??= em
      .getConnection()
      .execute<{ pk: number; n: string }[]>(
        `select ${q.parentKey} as pk, count(*) as n from ${q.from} where ${q.where} and ${q.parentKey} = any(?::int[]) group by ${q.parentKey}`,
        [...q.params, pgArray(ids)],
      )
      .then((r) => new Map(r.map((x) => [Number(x.pk), Number(x.n)]))));
  return new Map(ids.map((id) => [id, toConnection<T>(em, q, page, byParent.get(id) ?? [], async () => (await countAll()).get(id) ?? 0)]));
}
