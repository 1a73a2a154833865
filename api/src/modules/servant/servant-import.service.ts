import { readCsvUpload } from '../../common/csv-upload.js';
import { DomainError } from '../../common/errors.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import { Role } from '../account/account.entity.js';
import { Organization, OrganizationKind } from '../organization/organization.entity.js';
import { PersonalDataAction } from './servant.service.js';
import { cleanText, validateServantFields } from './servant.validation.js';

export const MAX_IMPORT_ROWS = 50_000;

/** CSV columns, with the Korean headers an HR export typically uses. */
const COLUMNS = {
  employeeNumber: ['employee_number', '사번', '직원번호'],
  name: ['name', '성명', '이름'],
  email: ['email', '이메일'],
  phone: ['phone', '전화번호', '연락처'],
  organizationCode: ['organization_code', '기관코드'],
  departmentCode: ['department_code', '부서코드'],
  jobSeries: ['job_series', '직렬'],
  grade: ['grade', '급수', '직급'],
  position: ['position', '직위'],
  hireDate: ['hire_date', '임용일'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['employeeNumber', 'name', 'organizationCode', 'jobSeries', 'grade'];

export interface ImportRowError {
  line: number;
  employeeNumber: string | null;
  code: string;
  messageKey: DomainError['messageKey'];
  params: Record<string, unknown>;
  field: string | null;
}

export interface ImportResult {
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rowErrors: ImportRowError[];
}

interface GoodRow {
  employeeNumber: string;
  name: string;
  email: string | null;
  phone: string | null;
  organizationId: number;
  departmentId: number | null;
  jobSeries: string;
  grade: number;
  position: string;
  hireDate: string | null;
  line: number;
}

/**
 * Imports servants from an HR system's CSV: upsert by employee number, every bad row reported
 * with its line and reason, the good rows written together in one set-based statement, and
 * a second run of the same file changing nothing.
 */
export class ServantImportService {
  constructor(private readonly scope: RequestScope) {}

  async import(csv: string): Promise<ImportResult> {
    const viewer = this.scope.requireViewer();
    if (!viewer.roles.includes(Role.INSTITUTE_ADMIN) && !viewer.roles.includes(Role.ORG_ADMIN)) throw DomainError.forbidden();

    const { rows, index } = readCsvUpload(csv, COLUMNS, MAX_IMPORT_ROWS);
    const missing = REQUIRED.filter((c) => index[c] < 0);
    if (missing.length) throw DomainError.badInput('CSV_MISSING_COLUMNS', 'CSV_MISSING_COLUMNS', { columns: missing.map((c) => COLUMNS[c][0]).join(', ') }, ['input', 'csv']);

    // The whole tree is a few hundred rows: one query, then lookups in memory.
    const orgs = await this.scope.em.find(Organization, {});
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    const inScope = (o: Organization) => viewer.roles.includes(Role.INSTITUTE_ADMIN) || (!!viewer.scope && o.path.startsWith(viewer.scope.path));

    const rowErrors: ImportRowError[] = [];
    const good: GoodRow[] = [];
    const seen = new Map<string, number>();
    rows.forEach(({ record: rec, line }) => {
      const cell = (c: Column) => (index[c] >= 0 ? (rec[index[c]] ?? '') : undefined);
      const gradeText = cell('grade') ?? '';
      const { values, errors } = validateServantFields(
        {
          employeeNumber: cell('employeeNumber'),
          name: cell('name'),
          email: cell('email'),
          phone: cell('phone'),
          jobSeries: cell('jobSeries'),
          grade: gradeText === '' ? undefined : /^\d+$/.test(gradeText.replace(/급$/, '')) ? Number(gradeText.replace(/급$/, '')) : Number.NaN,
          position: cell('position'),
          hireDate: cell('hireDate'),
        },
        true,
        [],
      );
      const employeeNumber = values.employeeNumber || null;
      const fail = (e: DomainError) =>
        rowErrors.push({ line, employeeNumber, code: e.code, messageKey: e.messageKey, params: e.params, field: e.field?.[0] ?? null });
      if (errors.length) return errors.forEach(fail);

      const org = byCode.get(cleanText(cell('organizationCode')));
      const deptCode = cleanText(cell('departmentCode'));
      const dept = deptCode ? byCode.get(deptCode) : null;
      if (!org) return fail(DomainError.badInput('INVALID_ORGANIZATION', 'ORGANIZATION_NOT_FOUND', { code: cell('organizationCode') }, ['organizationCode']));
      if (![OrganizationKind.PROVINCE, OrganizationKind.CITY, OrganizationKind.COUNTY].includes(org.kind)) {
        return fail(DomainError.badInput('INVALID_ORGANIZATION', 'ORGANIZATION_NOT_TOP_LEVEL', {}, ['organizationCode']));
      }
      if (deptCode && (!dept || dept.parent?.id !== org.id)) {
        return fail(DomainError.badInput('INVALID_ORGANIZATION', 'DEPARTMENT_NOT_IN_ORGANIZATION', { department: deptCode, organization: org.name }, ['departmentCode']));
      }
      const unit = dept ?? org;
      if (!inScope(unit)) return fail(DomainError.badInput('OUT_OF_SCOPE', 'OUT_OF_SCOPE', { organization: unit.name }, ['organizationCode']));
      const earlier = seen.get(values.employeeNumber!);
      if (earlier) return fail(DomainError.badInput('DUPLICATE_ROW', 'CSV_DUPLICATE_ROW', { employeeNumber, line: earlier }, ['employeeNumber']));
      seen.set(values.employeeNumber!, line);
      good.push({
        employeeNumber: values.employeeNumber!,
        name: values.name!,
        email: values.email ?? null,
        phone: values.phone ?? null,
        organizationId: org.id,
        departmentId: dept?.id ?? null,
        jobSeries: values.jobSeries!,
        grade: values.grade!,
        position: values.position ?? '',
        hireDate: values.hireDate ?? null,
        line,
      });
    });

    let created = 0;
    let updated = 0;
    let written = 0;
    if (good.length) {
      const em = this.scope.em;
      // Optional columns absent from the file keep their stored values: an export without,
      // say, phone numbers must not erase them.
      const present = (c: Column) => index[c] >= 0;
      const kept = (col: string, c: Column) => (present(c) ? `excluded.${col}` : `s.${col}`);
      const deptExpr = present('departmentCode')
        ? 'excluded.department_id'
        : 'case when s.organization_id is distinct from excluded.organization_id then null else s.department_id end';
      const res = await em.transactional(async (tx) => {
        const conn = tx.getConnection();
        const ctx = tx.getTransactionContext();
        // An organisation administrator must not overwrite a servant who belongs elsewhere.
        // Checked under row locks, so a concurrent move cannot slip between check and write.
        const existing = await conn.execute<{ employee_number: string; path: string }[]>(
          `select s.employee_number, o.path from servant s join organization o on o.id = coalesce(s.department_id, s.organization_id)
           where s.employee_number = any(?::text[]) for update of s`,
          [pgArray(good.map((g) => g.employeeNumber))],
          'all',
          ctx,
        );
        const outside = new Set(
          existing.filter((e) => !viewer.roles.includes(Role.INSTITUTE_ADMIN) && !(viewer.scope && e.path.startsWith(viewer.scope.path))).map((e) => e.employee_number),
        );
        const writable = good.filter((g) => {
          if (!outside.has(g.employeeNumber)) return true;
          rowErrors.push({ line: g.line, employeeNumber: g.employeeNumber, code: 'OUT_OF_SCOPE', messageKey: 'SERVANT_OUT_OF_SCOPE', params: { employeeNumber: g.employeeNumber }, field: 'employeeNumber' });
          return false;
        });
        written = writable.length;
        if (!writable.length) return { created: '0', updated: '0' };
        const set = {
          name: 'excluded.name',
          email: kept('email', 'email'),
          phone: kept('phone', 'phone'),
          organization_id: 'excluded.organization_id',
          department_id: deptExpr,
          job_series: 'excluded.job_series',
          grade: 'excluded.grade',
          position: kept('position', 'position'),
          hire_date: kept('hire_date', 'hireDate'),
        };
        const cols = Object.keys(set);
        const [counts] = await conn.execute<{ created: string; updated: string }[]>(
          `with input as (
             select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::smallint[], ?::text[], ?::date[])
               as t(employee_number, name, email, phone, organization_id, department_id, job_series, grade, position, hire_date)
           ), upserted as (
             insert into servant as s (employee_number, name, email, phone, organization_id, department_id, job_series, grade, position, hire_date)
             select employee_number, name, email, phone, organization_id, department_id, job_series, grade, coalesce(position, ''), hire_date from input
             on conflict (employee_number) do update set
               ${cols.map((c) => `${c} = ${set[c as keyof typeof set]}`).join(', ')}, updated_at = now()
             where (${cols.map((c) => `s.${c}`).join(', ')}) is distinct from (${cols.map((c) => set[c as keyof typeof set]).join(', ')})
             returning s.id, (xmax = 0) as inserted
           ), logged as (
             insert into personal_data_access_log (actor_account_id, actor_roles, ip, subject_servant_id, action, operation)
             select ?, ?, ?, id, case when inserted then ? else ? end, 'servantImport' from upserted
           )
           select count(*) filter (where inserted) as created, count(*) filter (where not inserted) as updated from upserted`,
          [
            pgArray(writable.map((g) => g.employeeNumber)),
            pgArray(writable.map((g) => g.name)),
            pgArray(writable.map((g) => g.email)),
            pgArray(writable.map((g) => g.phone)),
            pgArray(writable.map((g) => g.organizationId)),
            pgArray(writable.map((g) => g.departmentId)),
            pgArray(writable.map((g) => g.jobSeries)),
            pgArray(writable.map((g) => g.grade)),
            pgArray(writable.map((g) => (present('position') ? g.position : null))),
            pgArray(writable.map((g) => g.hireDate)),
            viewer.accountId,
            viewer.roles.join(','),
            this.scope.ip,
            PersonalDataAction.CREATE,
            PersonalDataAction.UPDATE,
          ],
          'all',
          ctx,
        );
        return counts;
      });
      created = Number(res.created);
      updated = Number(res.updated);
    }
    rowErrors.sort((a, b) => a.line - b.line);
    return { totalRows: rows.length, created, updated, unchanged: written - created - updated, rowErrors };
  }
}
