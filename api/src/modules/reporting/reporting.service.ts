import DataLoader from 'dataloader';
import { now } from '../../common/clock.js';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { trimDecimal } from '../../common/decimal.js';
import { DomainError } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { keysetPage } from '../../common/keyset.js';
import { kstDate, kstMonthStart } from '../../common/kst.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import { Role } from '../account/account.entity.js';
import { PersonalDataAccessLog } from '../audit/access-log.entity.js';
import { toCsv } from '../../common/csv-export.js';
import type { ServantService } from '../servant/servant.service.js';
import { reportingCsvHeaders } from './reporting.messages.js';
import { mandatoryStatusSql } from '../certification/certification.service.js';

/** Enrollment statuses that mean "this servant registered and kept (or was refused only by the rule of five) a seat". */
const REGISTRANT = `('REGISTERED', 'CONFIRMED', 'ATTENDED', 'COMPLETED', 'NO_SHOW', 'CANCELLED_COURSE_DISCONTINUED')`;
/** Statuses holding a seat right now (the same as `CourseOffering.registrantCount`). */
const SEAT = `('REGISTERED', 'CONFIRMED', 'ATTENDED', 'COMPLETED', 'NO_SHOW')`;
/** Longest period of the credits report (a bounded statement). */
export const MAX_REPORT_DAYS = 3660;
export const ACCESS_LOG_EXPORT_MAX = 50_000;
export const ACCESS_LOG_REASON_MAX = 500;
export const EXPORT_ACCESS_LOG = 'EXPORT_ACCESS_LOG';

export interface DemandFunnel {
  month: string;
  requests: number;
  demands: number;
  plannedDemands: number;
  plannedCourses: number;
  offerings: number;
  confirmedOfferings: number;
  discontinuedOfferings: number;
  scheduledOfferings: number;
}

export interface RoundOutcomeOffering {
  offeringId: number;
  courseTitle: string;
  startsAt: Date;
  status: string;
  capacity: number;
  seatsTaken: number;
  registrants: number;
  fillRate: number;
}

export interface RoundOutcomeReport {
  roundId: number;
  month: string;
  status: string;
  offerings: number;
  confirmedOfferings: number;
  cancelledOfferings: number;
  capacity: number;
  seatsTaken: number;
  registrants: number;
  fillRate: number;
  rows: RoundOutcomeOffering[];
}

export interface OrganizationFigure {
  organizationId: number | null;
  organizationName: string;
  organizationCode: string;
}

export interface ParticipationRow extends OrganizationFigure {
  servants: number;
  participants: number;
  rate: number;
}

export interface ParticipationReport {
  year: number;
  rows: ParticipationRow[];
  total: ParticipationRow;
}

export interface CreditsCell extends OrganizationFigure {
  categoryId: number | null;
  categoryName: string;
  credits: string;
  servants: number;
}

export interface CreditsReport {
  from: string;
  to: string;
  cells: CreditsCell[];
  byOrganization: CreditsCell[];
  byCategory: CreditsCell[];
  total: CreditsCell;
}

export interface OverdueRow extends OrganizationFigure {
  servants: number;
  overdueServants: number;
  overdueItems: number;
}

export interface OverdueReport {
  year: number;
  rows: OverdueRow[];
  total: OverdueRow;
}

export interface AccessLogActor {
  accountId: number;
  email: string;
  displayName: string;
  roles: string[];
}

export interface AccessLogFilter {
  actorId?: string | null;
  subjectServantId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const rate = (num: number, den: number): number => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : 0);
const pct = (r: number): string => (Math.round(r * 1000) / 10).toFixed(1);

/**
 * Statistics for reporters and administrators, each one set-based statement whatever the
 * number of organisations, and the personal-data access log for institute administrators.
 *
 * Scope: REPORTER and INSTITUTE_ADMIN see the whole province; ORG_ADMIN sees the servants of
 * their subtree (the servant module's visibility SQL). Facts that every signed-in viewer
 * can already read (offerings, their statuses and seat counts) are not narrowed.
 */
export class ReportingService {
  constructor(
    private readonly scope: RequestScope,
    private readonly servants: ServantService,
  ) {}

  /** SQL condition (alias `s`) for the servants counted in the viewer's statistics. */
  private statsScope(): { sql: string; params: unknown[] } {
    const v = this.scope.requireViewer();
    if (v.roles.includes(Role.REPORTER) || v.roles.includes(Role.INSTITUTE_ADMIN)) return { sql: 'true', params: [] };
    if (v.roles.includes(Role.ORG_ADMIN)) return this.servants.visibility();
    throw DomainError.forbidden();
  }

  private sql<T>(text: string, params: unknown[]): Promise<T[]> {
    return this.scope.em.getConnection().execute<T[]>(text, params);
  }

  private checkYear(year: number, field: string[] = ['year']): void {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw DomainError.badInput('INVALID_ARGUMENT', 'REPORT_YEAR_RANGE', {}, field);
  }

  private yearBounds(year: number): [Date, Date] {
    return [kstMonthStart(`${year}-01`), kstMonthStart(`${year + 1}-01`)];
  }

  /**
   * The month's demand funnel: requests submitted in the month (Korea time) by servants in
   * scope → the demands they were grouped into (following merges) → the courses created for
   * those demands → the offerings of that month's round, confirmed or discontinued.
   */
  async demandFunnel(month: string): Promise<DemandFunnel> {
    const vis = this.statsScope();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw DomainError.badInput('INVALID_ARGUMENT', 'REPORT_MONTH_FORMAT', {}, ['month']);
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const [r] = await this.sql<Record<string, string>>(
      `with req as (
         select r.id, r.demand_id from training_request r join servant s on s.id = r.servant_id
         where r.created_at >= ? and r.created_at < ? and ${vis.sql}
       ),
       dem as (select distinct coalesce(d.merged_into_id, d.id) as id from req join demand d on d.id = req.demand_id),
       crs as (select distinct cd.course_id from course_demand cd join dem on dem.id = cd.demand_id),
       off as (select o.status from course_offering o join enrollment_round rr on rr.id = o.round_id where rr.month = ?)
       select (select count(*) from req) as requests,
              (select count(*) from dem) as demands,
              (select count(*) from dem join demand d on d.id = dem.id where d.status = 'PLANNED') as planned_demands,
              (select count(*) from crs) as planned_courses,
              (select count(*) from off) as offerings,
              (select count(*) from off where status in ('CONFIRMED', 'COMPLETED')) as confirmed,
              (select count(*) from off where status = 'CANCELLED') as discontinued,
              (select count(*) from off where status = 'SCHEDULED') as scheduled`,
      [kstMonthStart(month), kstMonthStart(next), ...vis.params, month],
    );
    return {
      month,
      requests: Number(r.requests),
      demands: Number(r.demands),
      plannedDemands: Number(r.planned_demands),
      plannedCourses: Number(r.planned_courses),
      offerings: Number(r.offerings),
      confirmedOfferings: Number(r.confirmed),
      discontinuedOfferings: Number(r.discontinued),
      scheduledOfferings: Number(r.scheduled),
    };
  }

  demandFunnelCsv(f: DemandFunnel): string {
    return toCsv(reportingCsvHeaders.demandFunnel, [
      [f.month, f.requests, f.demands, f.plannedCourses, f.offerings, f.confirmedOfferings, f.discontinuedOfferings, f.scheduledOfferings],
    ]);
  }

  /**
   * A round's outcome per offering and in total (one statement, totals by GROUPING SETS):
   * seats taken across everyone (public, as on each offering), registrants in the viewer's
   * scope (including those whose course was discontinued) and the fill rate (seats / capacity).
   */
  async roundOutcome(roundGid: string): Promise<RoundOutcomeReport> {
    const vis = this.statsScope();
    const roundId = decodeIdOf('EnrollmentRound', roundGid, ['roundId']);
    const rows = await this.sql<Record<string, unknown>>(
      `with rr as (select id, month, status from enrollment_round where id = ?),
       o as (select o.id, o.status, o.capacity, o.starts_at, c.title from course_offering o join course c on c.id = o.course_id where o.round_id in (select id from rr)),
       e as (
         select e.offering_id, e.status, (${vis.sql}) as in_scope from enrollment e join servant s on s.id = e.servant_id
         where e.offering_id in (select id from o)
       ),
       per as (
         select o.id, o.status, o.capacity, o.starts_at, o.title,
                count(e.offering_id) filter (where e.status in ${SEAT}) as seats,
                count(e.offering_id) filter (where e.status in ${REGISTRANT} and e.in_scope) as registrants
         from o left join e on e.offering_id = o.id group by o.id, o.status, o.capacity, o.starts_at, o.title
       )
       select rr.month, rr.status as round_status, per.id, per.status, per.capacity, per.starts_at, per.title,
              coalesce(per.seats, 0) as seats, coalesce(per.registrants, 0) as registrants,
              count(per.id) over () as offerings,
              count(per.id) filter (where per.status in ('CONFIRMED', 'COMPLETED')) over () as confirmed,
              count(per.id) filter (where per.status = 'CANCELLED') over () as cancelled,
              coalesce(sum(per.capacity) over (), 0) as total_capacity,
              coalesce(sum(per.seats) over (), 0) as total_seats,
              coalesce(sum(per.registrants) over (), 0) as total_registrants
       from rr left join per on true
       order by per.starts_at, per.id`,
      [roundId, ...vis.params],
    );
    if (!rows.length) throw DomainError.badInput('NOT_FOUND', 'REPORT_ROUND_NOT_FOUND', {}, ['roundId']);
    const h = rows[0];
    const offeringRows = rows.filter((r) => r.id !== null);
    const capacity = Number(h.total_capacity);
    const seats = Number(h.total_seats);
    return {
      roundId,
      month: String(h.month),
      status: String(h.round_status),
      offerings: Number(h.offerings),
      confirmedOfferings: Number(h.confirmed),
      cancelledOfferings: Number(h.cancelled),
      capacity,
      seatsTaken: seats,
      registrants: Number(h.total_registrants),
      fillRate: rate(seats, capacity),
      rows: offeringRows.map((r) => ({
        offeringId: Number(r.id),
        courseTitle: String(r.title),
        startsAt: new Date(r.starts_at as string),
        status: String(r.status),
        capacity: Number(r.capacity),
        seatsTaken: Number(r.seats),
        registrants: Number(r.registrants),
        fillRate: rate(Number(r.seats), Number(r.capacity)),
      })),
    };
  }

  roundOutcomeCsv(r: RoundOutcomeReport): string {
    const status: Record<string, string> = { SCHEDULED: '신청 중', CONFIRMED: '확정', CANCELLED: '폐강', COMPLETED: '종료' };
    return toCsv(reportingCsvHeaders.roundOutcome, [
      ...r.rows.map((o) => [r.month, o.courseTitle, kstDate(o.startsAt), status[o.status] ?? o.status, o.capacity, o.seatsTaken, o.registrants, pct(o.fillRate)]),
      [r.month, '합계', '', '', r.capacity, r.seatsTaken, r.registrants, pct(r.fillRate)],
    ]);
  }

  /**
   * Per top-level organisation (the province and each city or county) in scope: servants
   * with at least one completed lecture in the year (Korea time) / all servants. One
   * statement, the total by GROUPING SETS.
   */
  async participationByOrganization(year: number): Promise<ParticipationReport> {
    const vis = this.statsScope();
    this.checkYear(year);
    const [t0, t1] = this.yearBounds(year);
    const rows = await this.sql<Record<string, unknown>>(
      `with sv as (select s.id, s.organization_id from servant s where ${vis.sql}),
       done as (
         select distinct e.servant_id from enrollment e join course_offering o on o.id = e.offering_id
         where e.status = 'COMPLETED' and o.starts_at >= ? and o.starts_at < ? and e.servant_id in (select id from sv)
       )
       select g.id, g.name, g.code, g.kind, grouping(g.id) as is_total, count(sv.id) as servants, count(done.servant_id) as participants
       from sv join organization g on g.id = sv.organization_id left join done on done.servant_id = sv.id
       group by grouping sets ((g.id, g.name, g.code, g.kind), ())
       order by grouping(g.id), case g.kind when 'PROVINCE' then 0 else 1 end, g.code`,
      [...vis.params, t0, t1],
    );
    const toRow = (r: Record<string, unknown>): ParticipationRow => ({
      organizationId: r.id == null ? null : Number(r.id),
      organizationName: r.id == null ? '합계' : String(r.name),
      organizationCode: r.id == null ? '' : String(r.code),
      servants: Number(r.servants),
      participants: Number(r.participants),
      rate: rate(Number(r.participants), Number(r.servants)),
    });
    const total = rows.find((r) => Number(r.is_total) === 1);
    return {
      year,
      rows: rows.filter((r) => Number(r.is_total) === 0).map(toRow),
      total: total ? toRow(total) : { organizationId: null, organizationName: '합계', organizationCode: '', servants: 0, participants: 0, rate: 0 },
    };
  }

  participationCsv(r: ParticipationReport): string {
    return toCsv(reportingCsvHeaders.participation, [...r.rows, r.total].map((x) => [r.year, x.organizationName, x.organizationCode, x.servants, x.participants, pct(x.rate)]));
  }

  /**
   * Credits earned (EARNED and RECOGNIZED entries dated in the period that no reversal
   * cancels; manual adjustments are not "earned") by category × top-level organisation, with
   * the totals per organisation, per category and overall: one statement, GROUPING SETS.
   */
  async creditsByCategoryAndOrganization(from: string, to: string): Promise<CreditsReport> {
    const vis = this.statsScope();
    if (!(to >= from)) throw DomainError.badInput('INVALID_ARGUMENT', 'REPORT_PERIOD_ORDER', {}, ['to']);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (days > MAX_REPORT_DAYS) throw DomainError.badInput('INVALID_ARGUMENT', 'REPORT_PERIOD_TOO_LONG', { max: MAX_REPORT_DAYS }, ['to']);
    const rows = await this.sql<Record<string, unknown>>(
      `with t as (
         select t.servant_id, t.amount, s.organization_id, coalesce(t.category_id, c.category_id) as category_id
         from credit_transaction t join servant s on s.id = t.servant_id left join course c on c.id = t.course_id
         where t.occurred_on between ?::date and ?::date and t.kind in ('EARNED', 'RECOGNIZED')
           and not exists (select 1 from credit_transaction r where r.reverses_id = t.id) and ${vis.sql}
       )
       select grouping(g.id) as no_org, grouping(cat.id) as no_cat, g.id as org_id, g.name as org_name, g.code as org_code,
              cat.id as cat_id, cat.name as cat_name, coalesce(sum(t.amount), 0) as credits, count(distinct t.servant_id) as servants
       from t join organization g on g.id = t.organization_id left join category cat on cat.id = t.category_id
       group by grouping sets ((g.id, g.name, g.code, cat.id, cat.name, cat.sort_order), (g.id, g.name, g.code), (cat.id, cat.name, cat.sort_order), ())
       order by grouping(g.id), g.code, grouping(cat.id), cat.sort_order, cat.id`,
      [from, to, ...vis.params],
    );
    const toCell = (r: Record<string, unknown>): CreditsCell => ({
      organizationId: Number(r.no_org) === 1 ? null : Number(r.org_id),
      organizationName: Number(r.no_org) === 1 ? '합계' : String(r.org_name),
      organizationCode: Number(r.no_org) === 1 ? '' : String(r.org_code),
      categoryId: Number(r.no_cat) === 1 || r.cat_id == null ? null : Number(r.cat_id),
      categoryName: Number(r.no_cat) === 1 ? '합계' : r.cat_id == null ? '미분류' : String(r.cat_name),
      credits: trimDecimal(String(r.credits)),
      servants: Number(r.servants),
    });
    const pick = (org: number, cat: number) => rows.filter((r) => Number(r.no_org) === org && Number(r.no_cat) === cat).map(toCell);
    return {
      from,
      to,
      cells: pick(0, 0),
      byOrganization: pick(0, 1),
      byCategory: pick(1, 0),
      total: pick(1, 1)[0] ?? { organizationId: null, organizationName: '합계', organizationCode: '', categoryId: null, categoryName: '합계', credits: '0', servants: 0 },
    };
  }

  creditsCsv(r: CreditsReport): string {
    return toCsv(
      reportingCsvHeaders.credits,
      [...r.cells, ...r.byOrganization, ...r.byCategory, r.total].map((c) => [r.from, r.to, c.organizationName, c.categoryName, c.credits, c.servants]),
    );
  }

  /**
   * Per top-level organisation in scope: servants, servants with at least one OVERDUE
   * mandatory rule in the year, and overdue (servant, rule) pairs. One statement.
   */
  async mandatoryOverdueByOrganization(year: number): Promise<OverdueReport> {
    const vis = this.statsScope();
    this.checkYear(year);
    const rows = await this.sql<Record<string, unknown>>(
      `${mandatoryStatusSql(vis.sql)},
       per as (select servant_id, count(*) filter (where status = 'OVERDUE') as n from st group by servant_id)
       select grouping(g.id) as is_total, g.id, g.name, g.code, count(sv.id) as servants,
              count(sv.id) filter (where per.n > 0) as overdue_servants, coalesce(sum(per.n), 0) as overdue_items
       from sv join organization g on g.id = sv.organization_id left join per on per.servant_id = sv.id
       group by grouping sets ((g.id, g.name, g.code, g.kind), ())
       order by grouping(g.id), case g.kind when 'PROVINCE' then 0 else 1 end, g.code`,
      [year, kstDate(now()), ...vis.params],
    );
    const toRow = (r: Record<string, unknown>): OverdueRow => ({
      organizationId: Number(r.is_total) === 1 ? null : Number(r.id),
      organizationName: Number(r.is_total) === 1 ? '합계' : String(r.name),
      organizationCode: Number(r.is_total) === 1 ? '' : String(r.code),
      servants: Number(r.servants),
      overdueServants: Number(r.overdue_servants),
      overdueItems: Number(r.overdue_items),
    });
    const total = rows.find((r) => Number(r.is_total) === 1);
    return {
      year,
      rows: rows.filter((r) => Number(r.is_total) === 0).map(toRow),
      total: total ? toRow(total) : { organizationId: null, organizationName: '합계', organizationCode: '', servants: 0, overdueServants: 0, overdueItems: 0 },
    };
  }

  overdueCsv(r: OverdueReport): string {
    return toCsv(reportingCsvHeaders.overdue, [...r.rows, r.total].map((x) => [r.year, x.organizationName, x.organizationCode, x.servants, x.overdueServants, x.overdueItems]));
  }

  // ---------------------------------------------------------------- access log

  private requireInstituteAdmin(): void {
    if (!this.scope.requireViewer().roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
  }

  private accessLogWhere(filter: AccessLogFilter | null | undefined): { sql: string; params: unknown[] } {
    const parts = ['true'];
    const params: unknown[] = [];
    if (filter?.actorId) {
      parts.push('l.actor_account_id = ?');
      params.push(decodeIdOf('Account', filter.actorId, ['filter', 'actorId']));
    }
    if (filter?.subjectServantId) {
      parts.push('l.subject_servant_id = ?');
      params.push(decodeIdOf('Servant', filter.subjectServantId, ['filter', 'subjectServantId']));
    }
    if (filter?.action?.trim()) {
      parts.push('l.action = ?');
      params.push(filter.action.trim());
    }
    if (filter?.from) {
      parts.push('l.at >= ?');
      params.push(filter.from);
    }
    if (filter?.to) {
      parts.push('l.at < ?');
      params.push(filter.to);
    }
    if (filter?.from && filter?.to && !(filter.to > filter.from)) throw DomainError.badInput('INVALID_ARGUMENT', 'ACCESS_LOG_PERIOD_ORDER', {}, ['filter', 'to']);
    return { sql: parts.join(' and '), params };
  }

  /** Access-log entries, newest first, keyset-paged (institute administrators only). */
  accessLog(filter: AccessLogFilter | null | undefined, args: ConnectionArgs): Promise<Connection<PersonalDataAccessLog>> {
    this.requireInstituteAdmin();
    const w = this.accessLogWhere(filter);
    return keysetPage<PersonalDataAccessLog>(
      this.scope.em,
      { entity: PersonalDataAccessLog, alias: 'l', from: 'personal_data_access_log l', where: w.sql, params: w.params, sortExpr: 'l.id', direction: 'desc' },
      pageRequest(args),
    );
  }

  /** Entries by id for `node(id:)` (institute administrators only; others see nothing). */
  async accessLogByIds(ids: number[]): Promise<Map<number, PersonalDataAccessLog>> {
    if (!this.scope.hasRole(Role.INSTITUTE_ADMIN) || ids.length === 0) return new Map();
    const rows = await this.sql<Record<string, unknown>>(`select * from personal_data_access_log where id = any(?::bigint[])`, [pgArray(ids)]);
    return new Map(rows.map((r) => [Number(r.id), this.scope.em.map(PersonalDataAccessLog, r)]));
  }

  /** The account behind an entry, batched for a page of entries (one statement). */
  actor(accountId: number): Promise<AccessLogActor | null> {
    const loader = this.scope.memoize(
      'reporting.actor',
      () =>
        new DataLoader<number, AccessLogActor | null>(async (ids) => {
          const rows = await this.sql<{ id: number; email: string; display_name: string; roles: string[] }>(
            `select id, email, display_name, roles from account where id = any(?::int[])`,
            [pgArray([...ids])],
          );
          const m = new Map(rows.map((r) => [Number(r.id), { accountId: Number(r.id), email: r.email, displayName: r.display_name, roles: r.roles }]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(accountId);
  }

  /**
   * The filtered log as CSV (newest first). The export is itself recorded: one entry with
   * action EXPORT_ACCESS_LOG and the reason, written before the rows are read, in the same
   * transaction as the read (no file leaves without its record).
   */
  async accessLogExport(filter: AccessLogFilter | null | undefined, reason: string): Promise<string> {
    this.requireInstituteAdmin();
    const v = this.scope.requireViewer();
    const why = reason.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (!why) throw DomainError.badInput('REASON_REQUIRED', 'ACCESS_LOG_REASON_REQUIRED', {}, ['reason']);
    if (why.length > ACCESS_LOG_REASON_MAX) throw DomainError.badInput('REASON_TOO_LONG', 'ACCESS_LOG_REASON_TOO_LONG', { max: ACCESS_LOG_REASON_MAX }, ['reason']);
    const w = this.accessLogWhere(filter);
    const subject = filter?.subjectServantId ? decodeIdOf('Servant', filter.subjectServantId, ['filter', 'subjectServantId']) : null;
    const rows = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      // Counted before the record is written so the file does not contain its own export entry.
      const [{ n }] = await conn.execute<{ n: string }[]>(`select count(*) as n from personal_data_access_log l where ${w.sql}`, w.params, 'all', ctx);
      if (Number(n) > ACCESS_LOG_EXPORT_MAX) throw DomainError.badInput('EXPORT_TOO_LARGE', 'ACCESS_LOG_EXPORT_TOO_LARGE', { max: ACCESS_LOG_EXPORT_MAX }, ['filter']);
      const [{ id: exportId }] = await conn.execute<{ id: string }[]>(
        `insert into personal_data_access_log (actor_account_id, actor_roles, ip, subject_servant_id, action, operation, reason)
         values (?, ?, ?, ?, ?, ?, ?) returning id`,
        [v.accountId, v.roles.join(','), this.scope.ip, subject, EXPORT_ACCESS_LOG, this.scope.operationName, why],
        'all',
        ctx,
      );
      return conn.execute<Record<string, unknown>[]>(
        `select to_char(l.at at time zone 'Asia/Seoul', 'YYYY-MM-DD HH24:MI:SS') as at, a.display_name, a.email, l.actor_roles, l.ip,
                s.employee_number, s.name, l.action, l.operation, l.reason
         from personal_data_access_log l left join account a on a.id = l.actor_account_id left join servant s on s.id = l.subject_servant_id
         where ${w.sql} and l.id < ? order by l.id desc`,
        [...w.params, exportId],
        'all',
        ctx,
      );
    });
    return toCsv(
      reportingCsvHeaders.accessLog,
      rows.map((r) => [r.at, r.display_name, r.email, r.actor_roles, r.ip, r.employee_number, r.name, r.action, r.operation, r.reason] as (string | null)[]),
    );
  }
}
