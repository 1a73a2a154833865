/**
 * Benchmark of the servant CSV import (`pnpm bench:import`): starts the app the real way on a
 * fresh embedded PostgreSQL with the demo seed, signs in as the institute administrator over
 * HTTP and times three imports of a 10,000-row file: first run (all created), the same file
 * again (all unchanged) and the file with 10% of the rows changed. Prints figures; asserts
 * nothing about time.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';

const ROWS = 10_000;
const ADMIN = { email: 'admin@demo.kok.go.kr', password: 'kok-demo-2026' };
const HEADER = 'employee_number,name,email,organization_code,department_code,job_series,grade,position,hire_date';

interface ImportPayload {
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  rowErrors: { line: number; code: string; message: string }[];
  userErrors: { code: string; message: string }[];
}

interface Figures {
  label: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  ms: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL error (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** Rows spread over every city and county and their departments, like an HR export. */
function buildRows(units: { org: string; dept: string | null }[]): string[][] {
  const cities = [...new Set(units.map((u) => u.org))];
  const deptsOf = new Map(cities.map((c) => [c, units.filter((u) => u.org === c && u.dept).map((u) => u.dept!)]));
  const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
  const given = ['민준', '서연', '도윤', '하은', '시우', '지유', '주원', '서윤', '예준', '지아', '건우', '수아'];
  const series = ['행정', '세무', '전산', '사회복지', '토목', '건축'];
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const city = cities[i % cities.length];
    const depts = deptsOf.get(city) ?? [];
    const dept = i % 7 === 0 || depts.length === 0 ? '' : depts[Math.floor(i / cities.length) % depts.length];
    const hire = `20${10 + (i % 16)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push([
      `BEN${String(i).padStart(6, '0')}`,
      `${surnames[i % surnames.length]}${given[Math.floor(i / 10) % given.length]}`,
      `ben${i}@bench.go.kr`,
      city,
      dept,
      series[i % series.length],
      String(1 + (i % 9)),
      '주무관',
      hire,
    ]);
  }
  return rows;
}

const toCsv = (rows: string[][]) => [HEADER, ...rows.map((r) => r.join(','))].join('\n') + '\n';

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kok-bench-import-'));
  const config = loadConfig({
    KOK_DATA_DIR: dataDir,
    KOK_EMBEDDED_PG_PORT: String(await freePort()),
    PORT: '0',
    HOST: '127.0.0.1',
    KOK_JWT_SECRET: 'x'.repeat(40),
    LOG_LEVEL: 'warn',
  });
  const started = performance.now();
  const app = await startApp(config);
  console.log(`app started on a fresh embedded PostgreSQL with the demo seed in ${Math.round(performance.now() - started)} ms`);
  let failed = false;
  try {
    const url = `http://127.0.0.1:${app.port}/graphql`;
    const login = await gql<{ sessionCreate: { token: string | null } }>(
      url,
      `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { token } }`,
      { input: ADMIN },
    );
    const token = login.sessionCreate.token;
    if (!token) throw new Error('admin login failed');

    // Valid organisation codes: a read of the seeded tree, not part of what is timed.
    const units = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ org: string; dept: string | null }[]>(
        `select o.code as org, d.code as dept from organization o left join organization d on d.parent_id = o.id
          where o.kind in ('CITY', 'COUNTY') order by o.code, d.code`,
      );
    const rows = buildRows(units);
    const original = toCsv(rows);
    // 10% of the rows changed: every tenth servant is promoted (grade − 1, or 9 for grade 1).
    const changed = toCsv(rows.map((r, i) => (i % 10 === 0 ? r.map((v, c) => (c === 6 ? String(Number(v) === 1 ? 9 : Number(v) - 1) : v)) : r)));

    const IMPORT = `mutation($input: ServantImportInput!) { servantImport(input: $input) {
      totalRows createdCount updatedCount unchangedCount rowErrors { line code message } userErrors { code message } } }`;
    const run = async (label: string, csv: string, expected: Pick<Figures, 'created' | 'updated' | 'unchanged'>): Promise<Figures> => {
      const t0 = performance.now();
      const { servantImport: r } = await gql<{ servantImport: ImportPayload }>(url, IMPORT, { input: { csv } }, token);
      const ms = performance.now() - t0;
      if (r.userErrors.length) throw new Error(`${label}: file refused: ${JSON.stringify(r.userErrors)}`);
      const f = { label, rows: r.totalRows, created: r.createdCount, updated: r.updatedCount, unchanged: r.unchangedCount, errors: r.rowErrors.length, ms };
      if (f.created !== expected.created || f.updated !== expected.updated || f.unchanged !== expected.unchanged || f.errors) {
        failed = true;
        console.error(`${label}: unexpected counts ${JSON.stringify(f)}, expected ${JSON.stringify(expected)}; first row errors: ${JSON.stringify(r.rowErrors.slice(0, 3))}`);
      }
      return f;
    };

    const results = [
      await run('first import (all new)', original, { created: ROWS, updated: 0, unchanged: 0 }),
      await run('same file again', original, { created: 0, updated: 0, unchanged: ROWS }),
      await run('10% rows changed', changed, { created: 0, updated: ROWS / 10, unchanged: ROWS - ROWS / 10 }),
    ];

    console.log(`\nservantImport, ${ROWS.toLocaleString('en')} rows, CSV ${(Buffer.byteLength(original) / 1024).toFixed(0)} KiB, over HTTP (wall time of the request)\n`);
    const head = ['run', 'rows', 'created', 'updated', 'unchanged', 'errors', 'wall ms', 'rows/s'];
    const body = results.map((f) => [f.label, String(f.rows), String(f.created), String(f.updated), String(f.unchanged), String(f.errors), f.ms.toFixed(0), Math.round((f.rows / f.ms) * 1000).toLocaleString('en')]);
    const widths = head.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
    const line = (cells: string[]) => cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of body) console.log(line(r));
  } finally {
    await app.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
