import type { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import { pgArray } from '../../common/sql.js';
import { hashPassword } from '../../modules/account/auth.service.js';
import { type DemoData, generateDemoData } from './demo-data.js';
import { seedCatalog } from './seed-catalog.js';
import { seedRequests } from './seed-requests.js';

/** One shared password for every demo account (demo mode only; printed at start and in the README). */
export const DEMO_PASSWORD = 'kok-demo-2026';

export interface SeedSummary {
  organizations: number;
  servants: number;
  accounts: { email: string; role: string; organization: string | null }[];
}

/**
 * Seeds the demo data set into an empty database, set-based (a handful of statements for the
 * whole tree and ~300 servants). Two processes starting at once seed it once: the advisory
 * lock serialises them and the second finds the tables filled.
 */
export async function seedDemoIfEmpty(orm: MikroORM, data: DemoData = generateDemoData()): Promise<SeedSummary | null> {
  const knex = orm.em.getConnection().getKnex();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(724243)');
    const { rows } = await trx.raw<{ rows: { n: string }[] }>('select count(*) as n from organization');
    if (Number(rows[0].n) > 0) return null;
    await insertOrganizations(trx, data);
    await insertServants(trx, data);
    await insertAccounts(trx, data, passwordHash);
    await seedCatalog(trx);
    await seedRequests(trx);
    return {
      organizations: data.organizations.length,
      servants: data.servants.length,
      accounts: data.accounts.map((a) => ({ email: a.email, role: a.role, organization: a.organizationCode })),
    };
  });
}

async function insertOrganizations(trx: Knex.Transaction, data: DemoData): Promise<void> {
  // Parents before children: one statement per tree level, the path built from the new id.
  const depth = new Map<string, number>();
  const byCode = new Map(data.organizations.map((o) => [o.code, o]));
  const depthOf = (code: string): number => {
    if (depth.has(code)) return depth.get(code)!;
    const parent = byCode.get(code)?.parentCode;
    const d = parent ? depthOf(parent) + 1 : 0;
    depth.set(code, d);
    return d;
  };
  const levels = [...new Set(data.organizations.map((o) => depthOf(o.code)))].sort((a, b) => a - b);
  for (const level of levels) {
    const orgs = data.organizations.filter((o) => depthOf(o.code) === level);
    await trx.raw(
      `insert into organization (id, code, name, kind, parent_id, path)
       select n.id, t.code, t.name, t.kind, p.id, coalesce(p.path, '/') || n.id || '/'
       from unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as t(code, name, kind, parent_code, ord)
       left join organization p on p.code = t.parent_code
       cross join lateral (select nextval(pg_get_serial_sequence('organization', 'id')) as id, t.ord) n
       order by t.ord`,
      [pgArray(orgs.map((o) => o.code)), pgArray(orgs.map((o) => o.name)), pgArray(orgs.map((o) => o.kind)), pgArray(orgs.map((o) => o.parentCode))],
    );
  }
}

async function insertServants(trx: Knex.Transaction, data: DemoData): Promise<void> {
  const s = data.servants;
  await trx.raw(
    `insert into servant (employee_number, name, email, phone, organization_id, department_id, job_series, grade, position, hire_date, interests, hobbies, consent_given_at)
     select t.emp, t.name, t.email, t.phone, o.id, d.id, t.series, t.grade, t.position, t.hire_date,
            coalesce(string_to_array(nullif(t.interests, ''), '|'), '{}'), coalesce(string_to_array(nullif(t.hobbies, ''), '|'), '{}'), t.consent
     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::date[], ?::text[], ?::text[], ?::timestamptz[])
       as t(emp, name, email, phone, org_code, dept_code, series, grade, position, hire_date, interests, hobbies, consent)
     join organization o on o.code = t.org_code
     left join organization d on d.code = t.dept_code`,
    [
      pgArray(s.map((x) => x.employeeNumber)),
      pgArray(s.map((x) => x.name)),
      pgArray(s.map((x) => x.email)),
      pgArray(s.map((x) => x.phone)),
      pgArray(s.map((x) => x.organizationCode)),
      pgArray(s.map((x) => x.departmentCode)),
      pgArray(s.map((x) => x.jobSeries)),
      pgArray(s.map((x) => x.grade)),
      pgArray(s.map((x) => x.position)),
      pgArray(s.map((x) => x.hireDate)),
      pgArray(s.map((x) => x.interests.join('|'))),
      pgArray(s.map((x) => x.hobbies.join('|'))),
      pgArray(s.map((x) => x.consentGivenAt)),
    ],
  );
  const asg = s.flatMap((x) => x.assignments.map((a) => ({ emp: x.employeeNumber, ...a })));
  await trx.raw(
    `insert into assignment (servant_id, organization_id, department_id, position, duties, started_on, ended_on)
     select s.id, o.id, d.id, t.position, t.duties, t.started_on, t.ended_on
     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::date[]) with ordinality
       as t(emp, org_code, dept_code, position, duties, started_on, ended_on, ord)
     join servant s on s.employee_number = t.emp join organization o on o.code = t.org_code left join organization d on d.code = t.dept_code
     order by t.ord`,
    [
      pgArray(asg.map((a) => a.emp)),
      pgArray(asg.map((a) => a.organizationCode)),
      pgArray(asg.map((a) => a.departmentCode)),
      pgArray(asg.map((a) => a.position)),
      pgArray(asg.map((a) => a.duties)),
      pgArray(asg.map((a) => a.startedOn)),
      pgArray(asg.map((a) => a.endedOn)),
    ],
  );
  const edu = s.flatMap((x) => x.educationRecords.map((e) => ({ emp: x.employeeNumber, ...e })));
  await trx.raw(
    `insert into education_record (servant_id, title, provider, hours, completed_on, category, source)
     select s.id, t.title, t.provider, t.hours, t.completed_on, t.category, t.source
     from unnest(?::text[], ?::text[], ?::text[], ?::numeric[], ?::date[], ?::text[], ?::text[]) with ordinality
       as t(emp, title, provider, hours, completed_on, category, source, ord)
     join servant s on s.employee_number = t.emp order by t.ord`,
    [
      pgArray(edu.map((e) => e.emp)),
      pgArray(edu.map((e) => e.title)),
      pgArray(edu.map((e) => e.provider)),
      pgArray(edu.map((e) => e.hours)),
      pgArray(edu.map((e) => e.completedOn)),
      pgArray(edu.map((e) => e.category)),
      pgArray(edu.map((e) => e.source)),
    ],
  );
}

async function insertAccounts(trx: Knex.Transaction, data: DemoData, passwordHash: string): Promise<void> {
  const a = data.accounts;
  await trx.raw(
    `insert into account (email, display_name, password_hash, roles, organization_id, servant_id)
     select lower(t.email), t.display_name, ?, array[t.role], o.id, s.id
     from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as t(email, display_name, role, org_code, emp)
     left join organization o on o.code = t.org_code left join servant s on s.employee_number = t.emp`,
    [
      passwordHash,
      pgArray(a.map((x) => x.email)),
      pgArray(a.map((x) => x.displayName)),
      pgArray(a.map((x) => x.role)),
      pgArray(a.map((x) => x.organizationCode)),
      pgArray(a.map((x) => x.servantEmployeeNumber)),
    ],
  );
}
