import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeTitleKey } from '@kok/korean-text';
import { now } from '../../common/clock.js';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { readCsvUpload } from '../../common/csv-upload.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf, toGlobalId } from '../../common/global-id.js';
import { keysetPage } from '../../common/keyset.js';
import { kstDateTime, kstYear } from '../../common/kst.js';
import { trimDecimal } from '../../common/decimal.js';
import type { RequestScope, Viewer } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type CreditTransactionRecordedPayload, Topics } from '../../events/topics.js';
import { type MessageKey, t } from '../../i18n/messages.js';
import { Role } from '../account/account.entity.js';
import { CourseFormat } from '../catalog/catalog.entity.js';
import { OrganizationService } from '../organization/organization.service.js';
import { Enrollment } from '../round/round.entity.js';
import type { Servant } from '../servant/servant.entity.js';
import { ServantService } from '../servant/servant.service.js';
import { cleanText } from '../servant/servant.validation.js';
import { CreditKind, CreditTransaction } from './credit.entity.js';
import { type CompletionDecision, decideAttendance, decideOnline, fromHundredths, isPercent, toHundredths } from './credit.rules.js';
import { type AttendanceOutcome, CreditCategoryTotal, type CreditKindTotal, CreditPolicyType, type CreditSummary, CreditTransactionType, type LearningHours } from './credit.types.js';

/** Namespace of this module's advisory locks: pg_advisory_xact_lock(ns, servant id) serialises a servant's ledger decisions. */
const SERVANT_LOCK_NAMESPACE = 724260;
/** Entries per upload: an offering seats at most 10,000. */
export const MAX_ATTENDANCE_ENTRIES = 10_000;
/** Ledger entries per pub/sub message (NOTIFY payloads stay well under 8 kB). */
const PUBLISH_CHUNK = 100;
/** Personal-data access-log action for reads of a servant's credits. */
export const READ_CREDITS = 'READ_CREDITS';
/** Registrations whose attendance may be recorded (and re-recorded). */
const RECORDABLE = `('CONFIRMED', 'ATTENDED', 'COMPLETED', 'NO_SHOW')`;
/** |amount| and hours fit numeric(8,2). */
const MAX_AMOUNT_HUNDREDTHS = 99_999_999n;

/** Defaults when a year has no stored policy. */
const DEFAULT_POLICY = { creditsPerHour: '1', recognizedYearlyCap: '42' };

type CompletionMode = 'ATTENDANCE' | 'ONLINE';

/** One row of an upload before it is matched to a registration. */
interface CompletionRow {
  /** Where the row came from: an index in `entries`, or a CSV line. */
  ref: { index: number } | { line: number };
  servantId?: number;
  employeeNumber?: string;
  minutes?: number;
  progress?: string;
  score?: string;
}

/** A row that could not be applied (reported per row for CSV, refusing the mutation otherwise). */
interface RowProblem {
  row: CompletionRow;
  code: string;
  messageKey: MessageKey;
  params: Record<string, unknown>;
  column: string;
}

export interface CompletionResult {
  offeringId: number;
  outcomes: AttendanceOutcome[];
  problems: RowProblem[];
  recorded: number;
  completed: number;
}

export interface CreditRecordInput {
  servantId: string;
  kind: CreditKind;
  amount: string;
  reason: string;
  hours?: string | null;
  title?: string | null;
  categoryId?: string | null;
  evidence?: string | null;
  occurredOn: string;
  idempotencyKey: string;
}

export interface CreditReverseInput {
  transactionId: string;
  reason: string;
  idempotencyKey: string;
}

export interface CreditPolicyInput {
  year: number;
  creditsPerHour: string;
  recognizedYearlyCap: string;
  requiredHoursByGrade: { grade: number; hours: string }[];
}

/** CSV columns, with the Korean headers an LMS or a sign-in sheet typically uses. */
const CSV_COLUMNS = {
  employeeNumber: ['employee_number', '사번', '직원번호'],
  minutes: ['minutes_attended', 'minutes', '출석시간(분)', '출석시간', '출석(분)', '출석 시간(분)'],
  progress: ['progress', 'progress_percent', '진도율', '진도율(%)'],
  score: ['score', '점수'],
} as const;
type CsvColumn = keyof typeof CSV_COLUMNS;

/** What the credit bank needs from certifications (implemented by CertificationService). */
export interface CertificationAwarder {
  evaluateAndAward(tx: EntityManager | null | undefined, servantIds: readonly number[] | null): Promise<unknown>;
  /** Revokes certifications that no longer stand once these entries are reversed (same transaction). */
  reviewAfterReversals(tx: EntityManager, reversals: readonly { id: string; reversesId: string }[]): Promise<unknown>;
}

/**
 * The credit bank: attendance → completion → ledger entries, balances and obligations.
 *
 * Concurrency: an upload takes the offering's row lock (so two uploads of one offering run one
 * after the other) and then the advisory locks of its servants in id order; every ledger
 * decision about a servant (cap, duplicate subject, reversal) runs under that servant's
 * advisory lock. The database backs it up: one EARNED per enrollment, one reversal per entry
 * and unique idempotency keys are unique indexes, written with `on conflict do nothing`.
 */
export class CreditService {
  private servantService: ServantService | null;

  constructor(
    readonly scope: RequestScope,
    readonly events: EventPublisher,
    servants?: ServantService,
    private readonly awards: CertificationAwarder | null = null,
  ) {
    this.servantService = servants ?? null;
  }

  /** Credits can complete a certification: evaluated in the same transaction as the credit. */
  private async awardCertifications(tx: EntityManager, servantIds: number[]): Promise<void> {
    if (this.awards && servantIds.length) await this.awards.evaluateAndAward(tx, [...new Set(servantIds)]);
  }

  /** Reversals can take a certification's ground away: reviewed in the same transaction. */
  private async reviewCertifications(tx: EntityManager, reversals: readonly Record<string, unknown>[]): Promise<void> {
    if (this.awards && reversals.length) await this.awards.reviewAfterReversals(tx, reversals.map((r) => ({ id: String(r.id), reversesId: String(r.reverses_id) })));
  }

  /** The servant service of this operation (shares the scope's loaders and access log). */
  private get servants(): ServantService {
    this.servantService ??= new ServantService(this.scope, new OrganizationService(this.scope), this.events);
    return this.servantService;
  }

  private requireAdmin(): Viewer {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN) && !v.roles.includes(Role.ORG_ADMIN)) throw DomainError.forbidden();
    return v;
  }

  /** Whether an organisation path is inside the viewer's administrative scope. */
  private adminScopeHas(v: Viewer, path: string): boolean {
    if (v.roles.includes(Role.INSTITUTE_ADMIN)) return true;
    return v.roles.includes(Role.ORG_ADMIN) && !!v.scope && path.startsWith(v.scope.path);
  }

  // ---------------------------------------------------------------- reading

  /** Throws unless the viewer may read this servant's credits (self, or an administrator in scope); logs the read. */
  async readCredits(servant: Servant): Promise<void> {
    if (!(await this.servants.canRead(servant))) throw DomainError.forbidden();
    this.scope.logAccess([servant.id], READ_CREDITS);
  }

  private transactionLoader(): DataLoader<string, CreditTransactionType | null> {
    return this.scope.memoize(
      'credit.transactionById',
      () =>
        new DataLoader<string, CreditTransactionType | null>(async (ids) => {
          const vis = this.servants.visibility();
          const rows = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
            `select t.* from credit_transaction t join servant s on s.id = t.servant_id where t.id = any(?::bigint[]) and ${vis.sql}`,
            [pgArray([...ids]), ...vis.params],
          );
          const m = new Map(rows.map((r) => [String(r.id), this.view(r)]));
          this.scope.logAccess(
            [...m.values()].map((x) => x.servantId),
            READ_CREDITS,
          );
          return ids.map((id) => m.get(String(id)) ?? null);
        }),
    );
  }

  private view(row: Record<string, unknown>): CreditTransactionType {
    return CreditTransactionType.from(this.scope.em.map(CreditTransaction, row));
  }

  /** A ledger entry the viewer may see (its servant is visible), else null. Batched. */
  transactionById(id: string | number): Promise<CreditTransactionType | null> {
    return this.transactionLoader().load(String(id));
  }

  /** Entries by id for `node`/`nodes`: only those whose servant the viewer may see. */
  async transactionsByIds(ids: number[]): Promise<Map<number, CreditTransactionType>> {
    const found = await Promise.all(ids.map((id) => this.transactionById(id)));
    return new Map(found.filter((x): x is CreditTransactionType => !!x).map((x) => [Number(x.id), x]));
  }

  /** Entries by id without the servant check: for reporting subscriptions, whose events were scope-filtered already. */
  async transactionsForEvent(ids: number[]): Promise<CreditTransactionType[]> {
    if (!ids.length) return [];
    const rows = await this.scope.em
      .getConnection()
      .execute<Record<string, unknown>[]>(`select * from credit_transaction where id = any(?::bigint[]) order by id`, [pgArray(ids)]);
    return rows.map((r) => this.view(r));
  }

  /** The entry that reversed `id`, if any (visible entries only). Batched. */
  async reversalOf(id: string): Promise<CreditTransactionType | null> {
    const loader = this.scope.memoize(
      'credit.reversalOf',
      () =>
        new DataLoader<string, string | null>(async (ids) => {
          const rows = await this.scope.em
            .getConnection()
            .execute<{ id: string; reverses_id: string }[]>(`select id, reverses_id from credit_transaction where reverses_id = any(?::bigint[])`, [pgArray([...ids])]);
          const m = new Map(rows.map((r) => [String(r.reverses_id), String(r.id)]));
          return ids.map((x) => m.get(x) ?? null);
        }),
    );
    const reversal = await loader.load(id);
    return reversal ? this.transactionById(reversal) : null;
  }

  /** A registration referenced by a ledger entry, visible exactly when its servant is. */
  async enrollmentOf(id: number): Promise<Enrollment | null> {
    const loader = this.scope.memoize(
      'credit.enrollmentOf',
      () =>
        new DataLoader<number, Enrollment | null>(async (ids) => {
          const vis = this.servants.visibility();
          const rows = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
            `select e.* from enrollment e join servant s on s.id = e.servant_id where e.id = any(?::int[]) and ${vis.sql}`,
            [pgArray([...ids]), ...vis.params],
          );
          const m = new Map(rows.map((r) => [Number(r.id), this.scope.em.map(Enrollment, r)]));
          return ids.map((x) => m.get(x) ?? null);
        }),
    );
    return loader.load(id);
  }

  /**
   * `Servant.creditSummary`: one grouped statement for every servant of the page (grouping
   * sets: total, per kind, per category). Sums are SQL numerics, returned as strings.
   */
  async summary(servant: Servant): Promise<CreditSummary> {
    await this.readCredits(servant);
    const year = Number(kstDateTime(now()).slice(0, 4));
    const loader = this.scope.memoize(
      'credit.summary',
      () =>
        new DataLoader<number, CreditSummary>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<
            { servant_id: number; kind: CreditKind | null; category_id: number | null; gk: number; gc: number; total: string; this_year: string; balance: string | null }[]
          >(
            `with x as (
               select t.servant_id, coalesce(o.kind, t.kind) as kind, t.category_id, t.amount, t.year
               from credit_transaction t left join credit_transaction o on o.id = t.reverses_id
               where t.servant_id = any(?::int[])
             )
             select x.servant_id, x.kind, x.category_id, grouping(x.kind) as gk, grouping(x.category_id) as gc,
                    sum(x.amount)::text as total, coalesce(sum(x.amount) filter (where x.year = ?), 0)::text as this_year,
                    (select b.balance::text from credit_balance b where b.servant_id = x.servant_id) as balance
             from x group by grouping sets ((x.servant_id), (x.servant_id, x.kind), (x.servant_id, x.category_id))`,
            [pgArray([...ids]), year],
          );
          const out = new Map<number, CreditSummary>(ids.map((id) => [id, { balance: '0', earnedThisYear: '0', byCategory: [], byKind: [] }]));
          for (const r of rows) {
            const s = out.get(Number(r.servant_id));
            if (!s) continue;
            const nonZero = toHundredths(r.total) !== 0n;
            if (Number(r.gk) === 1 && Number(r.gc) === 1) {
              s.balance = r.balance ?? '0';
              s.earnedThisYear = r.this_year;
            } else if (Number(r.gk) === 0 && nonZero) {
              s.byKind.push({ kind: r.kind!, credits: r.total } satisfies CreditKindTotal);
            } else if (Number(r.gc) === 0 && nonZero) {
              s.byCategory.push(Object.assign(new CreditCategoryTotal(), { categoryId: r.category_id == null ? null : Number(r.category_id), credits: r.total }));
            }
          }
          const cmp = (a: string, b: string) => {
            const d = toHundredths(b)! - toHundredths(a)!;
            return d > 0n ? 1 : d < 0n ? -1 : 0;
          };
          const kindOrder = [CreditKind.EARNED, CreditKind.RECOGNIZED, CreditKind.ADJUSTED, CreditKind.REVERSED];
          for (const s of out.values()) {
            s.byCategory.sort((a, b) => cmp(a.credits, b.credits) || (a.categoryId ?? 0) - (b.categoryId ?? 0));
            s.byKind.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
          }
          return ids.map((id) => out.get(id)!);
        }),
    );
    return loader.load(servant.id);
  }

  /** `Servant.creditTransactions`: the servant's ledger, newest first (keyset-paged). */
  async transactions(servant: Servant, args: ConnectionArgs): Promise<Connection<CreditTransactionType>> {
    await this.readCredits(servant);
    const conn = await keysetPage<CreditTransaction>(
      this.scope.em,
      { entity: CreditTransaction, alias: 't', from: 'credit_transaction t', where: 't.servant_id = ?', params: [servant.id], sortExpr: 't.id', direction: 'desc' },
      pageRequest(args),
    );
    const edges = conn.edges.map((e) => ({ cursor: e.cursor, node: CreditTransactionType.from(e.node) }));
    return {
      edges,
      pageInfo: conn.pageInfo,
      get totalCount() {
        return conn.totalCount;
      },
    };
  }

  /**
   * `Servant.learningHours(year)`: required hours for the servant's grade from the year's
   * policy, hours of the year's entries net of reversals, and whether the servant keeps pace
   * with the elapsed share of the Korean calendar year. All arithmetic in SQL numerics. Batched.
   */
  async learningHours(servant: Servant, year: number): Promise<LearningHours> {
    await this.readCredits(servant);
    const loader = this.scope.memoize(
      `credit.learningHours:${year}`,
      () =>
        new DataLoader<number, LearningHours>(async (ids) => {
          const at = now();
          const rows = await this.scope.em.getConnection().execute<{ id: number; required: string; completed: string; remaining: string; expected: string; on_track: boolean }[]>(
            `select id, required::text, completed::text, greatest(required - completed, 0)::text as remaining, expected::text, completed >= expected as on_track
             from (
               select s.id, r.required, c.completed, round(r.required * y.frac, 2) as expected
               from servant s
               left join credit_policy p on p.year = ?
               cross join lateral (select coalesce((p.required_hours_by_grade ->> s.grade::text)::numeric, 0) as required) r
               cross join lateral (select coalesce(sum(t.hours), 0) as completed from credit_transaction t where t.servant_id = s.id and t.year = ?) c
               cross join (
                 select least(greatest(extract(epoch from (?::timestamptz - ys))::numeric / extract(epoch from (ye - ys))::numeric, 0), 1) as frac
                 from (select make_timestamptz(?, 1, 1, 0, 0, 0, 'Asia/Seoul') as ys, make_timestamptz(? + 1, 1, 1, 0, 0, 0, 'Asia/Seoul') as ye) b
               ) y
               where s.id = any(?::int[])
             ) q`,
            [year, year, at, year, year, pgArray([...ids])],
          );
          const m = new Map(rows.map((r) => [Number(r.id), r]));
          return ids.map((id) => {
            const r = m.get(id);
            return {
              year,
              required: r?.required ?? '0',
              completed: r?.completed ?? '0',
              remaining: r?.remaining ?? '0',
              expectedByNow: r?.expected ?? '0',
              onTrack: r?.on_track ?? true,
            };
          });
        }),
    );
    return loader.load(servant.id);
  }

  /** A year's policy (stored, or the defaults with no required hours). Any signed-in viewer. */
  async policy(year: number, em: EntityManager = this.scope.em): Promise<CreditPolicyType> {
    this.scope.requireViewer();
    const [row] = await em.getConnection().execute<{ year: number; cph: string; cap: string; grades: { grade: number; hours: string }[] | null }[]>(
      `select year, credits_per_hour::text as cph, recognized_yearly_cap::text as cap,
              (select json_agg(json_build_object('grade', key::int, 'hours', value::text) order by key::int) from jsonb_each(required_hours_by_grade)) as grades
       from credit_policy where year = ?`,
      [year],
      'all',
      em.getTransactionContext(),
    );
    return Object.assign(new CreditPolicyType(), {
      year,
      creditsPerHour: row?.cph ?? DEFAULT_POLICY.creditsPerHour,
      recognizedYearlyCap: row?.cap ?? DEFAULT_POLICY.recognizedYearlyCap,
      requiredHoursByGrade: row?.grades ?? Array.from({ length: 9 }, (_, i) => ({ grade: i + 1, hours: '0' })),
      stored: !!row,
    });
  }

  // ---------------------------------------------------------------- completion

  /** `attendanceRecord`: minutes attended in a classroom or live lecture. Any bad entry refuses the whole request. */
  async recordAttendance(offeringGid: string, entries: { servantId: string; minutesAttended: number }[]): Promise<CompletionResult> {
    const rows = this.entryRows(entries, (e, row) => {
      row.minutes = e.minutesAttended;
    });
    return this.recordWhole(offeringGid, 'ATTENDANCE', rows);
  }

  /** `onlineProgressRecord`: progress and score in a recorded lecture. Any bad entry refuses the whole request. */
  async recordOnlineProgress(offeringGid: string, entries: { servantId: string; progressPercent: string; score: string }[]): Promise<CompletionResult> {
    const rows = this.entryRows(entries, (e, row) => {
      row.progress = e.progressPercent;
      row.score = e.score;
    });
    return this.recordWhole(offeringGid, 'ONLINE', rows);
  }

  private entryRows<E extends { servantId: string }>(entries: E[], fill: (e: E, row: CompletionRow) => void): CompletionRow[] {
    this.requireAdmin();
    if (entries.length === 0) throw DomainError.badInput('EMPTY', 'ENTRIES_EMPTY', {}, ['input', 'entries']);
    if (entries.length > MAX_ATTENDANCE_ENTRIES) throw DomainError.badInput('TOO_MANY', 'ENTRIES_TOO_MANY', { max: MAX_ATTENDANCE_ENTRIES }, ['input', 'entries']);
    const errors: DomainError[] = [];
    const rows = entries.map((e, index) => {
      const row: CompletionRow = { ref: { index } };
      try {
        row.servantId = decodeIdOf('Servant', e.servantId, ['input', 'entries', String(index), 'servantId']);
      } catch (err) {
        errors.push(err as DomainError);
      }
      fill(e, row);
      return row;
    });
    if (errors.length) throw new DomainErrors(errors);
    return rows;
  }

  private async recordWhole(offeringGid: string, mode: CompletionMode, rows: CompletionRow[]): Promise<CompletionResult> {
    const offeringId = decodeIdOf('CourseOffering', offeringGid, ['input', 'offeringId']);
    const result = await this.applyCompletion(offeringId, mode, rows, true);
    return result;
  }

  /**
   * `attendanceImport`: a whole offering's attendance from a CSV (minutes for classroom and
   * live lectures, progress and score for recorded ones). Bad rows are reported with their line
   * and skipped; the good rows are applied together.
   */
  async importAttendance(offeringGid: string, csv: string): Promise<CompletionResult & { totalRows: number }> {
    this.requireAdmin();
    const offeringId = decodeIdOf('CourseOffering', offeringGid, ['input', 'offeringId']);
    const { rows: records, index } = readCsvUpload(csv, CSV_COLUMNS, MAX_ATTENDANCE_ENTRIES);
    const mode: CompletionMode = index.minutes >= 0 ? 'ATTENDANCE' : 'ONLINE';
    const required: CsvColumn[] = mode === 'ATTENDANCE' ? ['employeeNumber', 'minutes'] : ['employeeNumber', 'progress', 'score'];
    const missing = required.filter((c) => index[c] < 0);
    if (missing.length) throw DomainError.badInput('CSV_MISSING_COLUMNS', 'CSV_ATTENDANCE_COLUMNS', { columns: missing.map((c) => CSV_COLUMNS[c][0]).join(', ') }, ['input', 'csv']);
    const rows: CompletionRow[] = records.map(({ record, line }) => {
      const cell = (c: CsvColumn) => (index[c] >= 0 ? cleanText(record[index[c]] ?? '') : '');
      const minutesText = cell('minutes');
      return {
        ref: { line },
        employeeNumber: cell('employeeNumber').toUpperCase(),
        ...(mode === 'ATTENDANCE'
          ? { minutes: /^\d{1,6}$/.test(minutesText) ? Number(minutesText) : Number.NaN }
          : { progress: cell('progress').replace(/%$/, ''), score: cell('score').replace(/점$/, '') }),
      };
    });
    const result = await this.applyCompletion(offeringId, mode, rows, false);
    return { ...result, totalRows: rows.length };
  }

  /**
   * Records attendance of one offering and turns it into completions and ledger entries,
   * set-based (a fixed number of statements whatever the number of servants):
   * 1. lock the offering row; check it is CONFIRMED/COMPLETED, has started and has the format;
   * 2. match rows to confirmed registrations (scope checked for organisation administrators);
   * 3. take the servants' advisory locks (id order) and find subjects already credited;
   * 4. decide each registration (COMPLETED / ATTENDED / NO_SHOW with a note) and update them;
   * 5. reverse the live credit of registrations no longer completed;
   * 6. credit registrations completed (EARNED once per registration — `on conflict do
   *    nothing` on the unique index; a completion restored after a reversal is re-credited as
   *    ADJUSTED under a deterministic idempotency key, so a retry cannot credit it twice);
   * 7. mark the offering COMPLETED; publish the new entries after commit.
   */
  private async applyCompletion(offeringId: number, mode: CompletionMode, rows: CompletionRow[], strict: boolean): Promise<CompletionResult> {
    const viewer = this.requireAdmin();
    const field = ['input', 'offeringId'];
    const at = now();
    const result = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const q = <T>(sql: string, params: unknown[]) => conn.execute<T[]>(sql, params, 'all', ctx);

      // 1. The offering, locked: concurrent uploads of the same offering run one after the other.
      const [o] = await q<{
        id: number;
        status: string;
        starts_at: Date;
        slot_minutes: number;
        format: CourseFormat;
        course_id: number;
        category_id: number;
        title: string;
        amount: string;
        hours: string;
        occurred_on: string;
        year: number;
      }>(
        `select o.id, o.status, o.starts_at, (extract(epoch from (o.ends_at - o.starts_at)) / 60)::int as slot_minutes,
                c.format, c.id as course_id, c.category_id, c.title,
                round(c.length_minutes::numeric / 60 * coalesce(p.credits_per_hour, 1), 2)::text as amount,
                round(c.length_minutes::numeric / 60, 2)::text as hours,
                to_char(o.starts_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as occurred_on,
                extract(year from o.starts_at at time zone 'Asia/Seoul')::int as year
         from course_offering o join course c on c.id = o.course_id
         left join credit_policy p on p.year = extract(year from o.starts_at at time zone 'Asia/Seoul')::int
         where o.id = ? for update of o`,
        [offeringId],
      );
      if (!o) throw DomainError.badInput('OFFERING_NOT_FOUND', 'OFFERING_NOT_FOUND', {}, field);
      if (o.status !== 'CONFIRMED' && o.status !== 'COMPLETED') throw DomainError.badInput('OFFERING_NOT_CONFIRMED', 'OFFERING_NOT_CONFIRMED', { status: o.status }, field);
      if (new Date(o.starts_at) > at) throw DomainError.badInput('LECTURE_NOT_STARTED', 'LECTURE_NOT_STARTED', { startsAt: kstDateTime(new Date(o.starts_at)) }, field);
      const recorded = o.format === CourseFormat.RECORDED;
      if (mode === 'ATTENDANCE' && recorded) throw DomainError.badInput('WRONG_FORMAT', 'ATTENDANCE_FOR_RECORDED', {}, field);
      if (mode === 'ONLINE' && !recorded) throw DomainError.badInput('WRONG_FORMAT', 'PROGRESS_FOR_CLASSROOM', {}, field);

      // 2. Match rows to registrations, in one statement.
      const found = await q<{ id: number; employee_number: string; name: string; path: string; enrollment_id: number | null; status: string | null }>(
        `select s.id, s.employee_number, s.name, u.path, e.id as enrollment_id, e.status
         from servant s join organization u on u.id = coalesce(s.department_id, s.organization_id)
         left join lateral (select x.id, x.status from enrollment x where x.offering_id = ? and x.servant_id = s.id and x.status in ${RECORDABLE} order by x.id desc limit 1) e on true
         where s.id = any(?::int[]) or s.employee_number = any(?::text[])`,
        [offeringId, pgArray(rows.filter((r) => r.servantId !== undefined).map((r) => r.servantId!)), pgArray(rows.filter((r) => r.employeeNumber).map((r) => r.employeeNumber!))],
      );
      const byId = new Map(found.map((f) => [Number(f.id), f]));
      const byNumber = new Map(found.map((f) => [f.employee_number, f]));
      const problems: RowProblem[] = [];
      const good: { row: CompletionRow; servant: (typeof found)[number]; decision: CompletionDecision }[] = [];
      const seen = new Map<number, CompletionRow>();
      for (const row of rows) {
        const s = row.servantId !== undefined ? byId.get(row.servantId) : byNumber.get(row.employeeNumber ?? '');
        const who = s ? `${s.name}(${s.employee_number})` : (row.employeeNumber ?? '');
        const problem = (code: string, messageKey: MessageKey, params: Record<string, unknown>, column: string) => problems.push({ row, code, messageKey, params, column });
        if (!s) {
          if (row.employeeNumber !== undefined) problem('UNKNOWN_EMPLOYEE_NUMBER', 'EMPLOYEE_NUMBER_UNKNOWN', { employeeNumber: row.employeeNumber }, 'servantId');
          else problem('NOT_ENROLLED', 'ENTRY_NOT_ENROLLED', { who: toGlobalId('Servant', row.servantId ?? 0) }, 'servantId');
          continue;
        }
        if (!this.adminScopeHas(viewer, s.path)) {
          problem('OUT_OF_SCOPE', 'ENTRY_OUT_OF_SCOPE', { who: s.employee_number }, 'servantId');
          continue;
        }
        if (!s.enrollment_id) {
          problem('NOT_ENROLLED', 'ENTRY_NOT_ENROLLED', { who }, 'servantId');
          continue;
        }
        let decision: CompletionDecision;
        if (mode === 'ATTENDANCE') {
          const m = row.minutes ?? Number.NaN;
          if (!Number.isInteger(m) || m < 0 || m > o.slot_minutes) {
            problem('INVALID_VALUE', 'MINUTES_RANGE', { max: o.slot_minutes }, 'minutesAttended');
            continue;
          }
          decision = decideAttendance(m, o.slot_minutes);
        } else {
          if (!isPercent(row.progress ?? '')) {
            problem('INVALID_VALUE', 'PROGRESS_RANGE', {}, 'progressPercent');
            continue;
          }
          if (!isPercent(row.score ?? '')) {
            problem('INVALID_VALUE', 'SCORE_RANGE', {}, 'score');
            continue;
          }
          decision = decideOnline(row.progress!, row.score!);
        }
        const earlier = seen.get(Number(s.id));
        if (earlier) {
          if ('line' in earlier.ref) problem('DUPLICATE_ROW', 'CSV_DUPLICATE_ROW', { employeeNumber: s.employee_number, line: earlier.ref.line }, 'employeeNumber');
          else problem('DUPLICATE_ENTRY', 'ENTRY_DUPLICATE', { who, line: earlier.ref.index + 1 }, 'servantId');
          continue;
        }
        seen.set(Number(s.id), row);
        good.push({ row, servant: s, decision });
      }
      if (strict && problems.length) {
        throw new DomainErrors(
          problems.map((p) =>
            DomainError.badInput(p.code, p.messageKey, p.params, ['input', 'entries', String('index' in p.row.ref ? p.row.ref.index : 0), p.column]),
          ),
        );
      }
      if (!good.length) return { offering: o, outcomes: [] as AttendanceOutcome[], problems, published: [] as CreditTransactionRecordedPayload['entries'], completed: 0 };

      // 3. Serialise with other ledger decisions about these servants, then look for subjects already credited.
      const servantIds = [...new Set(good.map((g) => Number(g.servant.id)))].sort((a, b) => a - b);
      await q(`select count(pg_advisory_xact_lock(?, x.id)) from (select id from unnest(?::int[]) as id order by id) x`, [SERVANT_LOCK_NAMESPACE, pgArray(servantIds)]);
      const subjectKey = normalizeTitleKey(o.title) || null;
      const duplicates = subjectKey
        ? await q<{ servant_id: number; id: string; subject_title: string; occurred_on: string }>(
            `select distinct on (t.servant_id) t.servant_id, t.id, t.subject_title, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on
             from credit_transaction t
             where t.servant_id = any(?::int[]) and t.subject_key = ? and t.kind <> 'REVERSED'
               and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
               and (t.enrollment_id is null or t.enrollment_id not in (select id from enrollment where offering_id = ?))
             order by t.servant_id, t.id`,
            [pgArray(servantIds), subjectKey, offeringId],
          )
        : [];
      const duplicateOf = new Map(duplicates.map((d) => [Number(d.servant_id), d]));

      // 4. Decide and update the registrations in one statement (old status kept for step 6).
      const notes = good.map((g) => {
        const note = t(g.decision.noteKey, 'ko', g.decision.params);
        const dup = g.decision.status === 'COMPLETED' ? duplicateOf.get(Number(g.servant.id)) : undefined;
        return dup ? t('NOTE_DUPLICATE_SUBJECT', 'ko', { note, title: dup.subject_title, date: dup.occurred_on }) : note;
      });
      const updated = await q<Record<string, unknown> & { id: number; servant_id: number; old_status: string; status: string }>(
        `with input as (
           select * from unnest(?::int[], ?::text[], ?::int[], ?::numeric[], ?::numeric[], ?::text[]) as i(enrollment_id, status, minutes, progress, score, note)
         ), old as (
           select x.id, x.status from enrollment x join input i on i.enrollment_id = x.id
         )
         update enrollment e set status = i.status, minutes_attended = i.minutes, progress_percent = i.progress, score = i.score,
                completion_note = i.note, attendance_recorded_at = ?, updated_at = ?
         from input i join old on old.id = i.enrollment_id
         where e.id = i.enrollment_id
         returning e.*, old.status as old_status`,
        [
          pgArray(good.map((g) => Number(g.servant.enrollment_id))),
          pgArray(good.map((g) => g.decision.status)),
          pgArray(good.map((g) => (mode === 'ATTENDANCE' ? g.row.minutes! : null))),
          pgArray(good.map((g) => (mode === 'ONLINE' ? g.row.progress! : null))),
          pgArray(good.map((g) => (mode === 'ONLINE' ? g.row.score! : null))),
          pgArray(notes),
          at,
          at,
        ],
      );
      const noteOf = new Map(good.map((g, i) => [Number(g.servant.enrollment_id), notes[i]]));

      // 5. A correction that takes completion away reverses the registration's live credit.
      const lost = updated.filter((u) => u.status !== 'COMPLETED').map((u) => Number(u.id));
      const reversed = lost.length
        ? await q<Record<string, unknown>>(
            `with input as (select * from unnest(?::int[], ?::text[]) as i(enrollment_id, reason))
             insert into credit_transaction (servant_id, amount, kind, reason, enrollment_id, course_id, category_id, subject_title, subject_key, hours,
                                             reverses_id, recorded_by_account_id, occurred_on, year)
             select t.servant_id, -t.amount, 'REVERSED', i.reason, t.enrollment_id, t.course_id, t.category_id, t.subject_title, t.subject_key, -t.hours,
                    t.id, ?, t.occurred_on, t.year
             from credit_transaction t join input i on i.enrollment_id = t.enrollment_id
             where t.kind <> 'REVERSED' and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
             order by t.id
             on conflict do nothing
             returning *`,
            [pgArray(lost), pgArray(lost.map((id) => t('REASON_ATTENDANCE_CORRECTED_AWAY', 'ko', { title: o.title, note: noteOf.get(id) ?? '' }))), viewer.accountId],
          )
        : [];

      // 6. Credit completed registrations that hold no live credit: the first time (EARNED), or
      //    when this upload restores a completion whose credit was reversed (ADJUSTED re-credit).
      const gained = updated.filter((u) => u.status === 'COMPLETED' && !duplicateOf.has(Number(u.servant_id)));
      const credited = gained.length
        ? await q<Record<string, unknown>>(
            `with input as (select * from unnest(?::int[], ?::int[], ?::boolean[]) as i(enrollment_id, servant_id, restored)),
             state as (
               select i.*,
                      (select count(*) from credit_transaction t where t.enrollment_id = i.enrollment_id and t.kind = 'EARNED') as earned,
                      (select count(*) from credit_transaction t where t.enrollment_id = i.enrollment_id and t.kind = 'REVERSED') as reversals,
                      exists (select 1 from credit_transaction t where t.enrollment_id = i.enrollment_id and t.kind <> 'REVERSED'
                                and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)) as live
               from input i
             )
             insert into credit_transaction (servant_id, amount, kind, reason, enrollment_id, course_id, category_id, subject_title, subject_key, hours,
                                             recorded_by_account_id, occurred_on, year, idempotency_key)
             select s.servant_id, ?::numeric, case when s.earned = 0 then 'EARNED' else 'ADJUSTED' end,
                    case when s.earned = 0 then ? else ? end, s.enrollment_id, ?, ?, ?, ?, ?::numeric, ?, ?::date, ?,
                    case when s.earned = 0 then null else 'enrollment:' || s.enrollment_id || ':recredit:' || s.reversals end
             from state s
             where not s.live and (s.earned = 0 or s.restored)
             order by s.enrollment_id
             on conflict do nothing
             returning *`,
            [
              pgArray(gained.map((u) => Number(u.id))),
              pgArray(gained.map((u) => Number(u.servant_id))),
              pgArray(gained.map((u) => (u.old_status !== 'COMPLETED' ? 'true' : 'false'))),
              o.amount,
              t('REASON_EARNED', 'ko', { title: o.title, date: o.occurred_on }),
              t('REASON_ATTENDANCE_CORRECTED_BACK', 'ko', { title: o.title }),
              o.course_id,
              o.category_id,
              o.title,
              subjectKey,
              o.hours,
              viewer.accountId,
              o.occurred_on,
              o.year,
            ],
          )
        : [];

      // 7. The offering took place.
      await q(`update course_offering set status = 'COMPLETED' where id = ? and status = 'CONFIRMED'`, [offeringId]);

      const entries = [...reversed, ...credited];
      const txByEnrollment = new Map(entries.map((r) => [Number(r.enrollment_id), this.view(r)]));
      const pathOf = new Map(good.map((g) => [Number(g.servant.id), g.servant.path]));
      // In the order of the upload.
      const updatedById = new Map(updated.map((u) => [Number(u.id), u]));
      const inOrder = good.map((g) => updatedById.get(Number(g.servant.enrollment_id))).filter((u) => !!u);
      const outcomes: AttendanceOutcome[] = inOrder.map((u) => {
        const { old_status: _old, ...row } = u;
        void _old;
        const e = tx.map(Enrollment, row as Record<string, unknown>);
        return {
          enrollment: e,
          minutesAttended: e.minutesAttended ?? null,
          progressPercent: e.progressPercent != null ? String(e.progressPercent) : null,
          score: e.score != null ? String(e.score) : null,
          completionNote: e.completionNote ?? '',
          transaction: txByEnrollment.get(e.id) ?? null,
        };
      });
      await this.reviewCertifications(tx, reversed);
      await this.awardCertifications(
        tx,
        updated.filter((u) => u.status === 'COMPLETED').map((u) => Number(u.servant_id)),
      );
      return {
        offering: o,
        outcomes,
        problems,
        published: entries.map((r) => ({ id: Number(r.id), servantId: Number(r.servant_id), path: pathOf.get(Number(r.servant_id)) ?? '/' })),
        completed: updated.filter((u) => u.status === 'COMPLETED').length,
      };
    });
    this.publishRecorded(result.published);
    return { offeringId, outcomes: result.outcomes, problems: result.problems, recorded: result.outcomes.length, completed: result.completed };
  }

  /** Renders a row problem of a CSV upload for the payload. */
  rowError(p: RowProblem): { line: number; employeeNumber: string | null; code: string; message: string } {
    return { line: 'line' in p.row.ref ? p.row.ref.line : p.row.ref.index, employeeNumber: p.row.employeeNumber || null, code: p.code, message: t(p.messageKey, this.scope.locale, p.params) };
  }

  private publishRecorded(entries: CreditTransactionRecordedPayload['entries']): void {
    if (!entries.length) return;
    this.scope.afterCommit(async () => {
      for (let i = 0; i < entries.length; i += PUBLISH_CHUNK) {
        await this.events.publishAsync(Topics.CREDIT_TRANSACTION_RECORDED, { entries: entries.slice(i, i + PUBLISH_CHUNK) } satisfies CreditTransactionRecordedPayload);
      }
    });
  }

  // ---------------------------------------------------------------- ledger

  /** The servant's organisation path if they are in the viewer's administrative scope, else null. */
  private async servantInScope(viewer: Viewer, servantId: number): Promise<{ id: number; path: string } | null> {
    const [s] = await this.scope.em
      .getConnection()
      .execute<{ id: number; path: string }[]>(`select s.id, u.path from servant s join organization u on u.id = coalesce(s.department_id, s.organization_id) where s.id = ?`, [servantId]);
    return s && this.adminScopeHas(viewer, s.path) ? { id: Number(s.id), path: s.path } : null;
  }

  private static lockServant(tx: EntityManager, servantId: number): Promise<unknown> {
    return tx.getConnection().execute(`select pg_advisory_xact_lock(?, ?)`, [SERVANT_LOCK_NAMESPACE, servantId], 'all', tx.getTransactionContext());
  }

  private static validKey(key: string): string | null {
    const k = key.normalize('NFC').trim();
    return k.length >= 1 && k.length <= 200 ? k : null;
  }

  /**
   * `creditTransactionRecord`: recognised outside learning or an adjustment, by an
   * administrator in scope. Under the servant's advisory lock: the yearly cap on RECOGNIZED
   * credits (net of their reversals) and the duplicate-subject rule are checked, so two
   * concurrent recognitions cannot both pass. A retry with the same idempotency key returns
   * the original entry.
   */
  async record(input: CreditRecordInput): Promise<CreditTransactionType> {
    const viewer = this.requireAdmin();
    const errors: DomainError[] = [];
    const f = (n: string) => ['input', n];
    let servantId = 0;
    try {
      servantId = decodeIdOf('Servant', input.servantId, f('servantId'));
    } catch (e) {
      errors.push(e as DomainError);
    }
    let categoryId: number | null = null;
    if (input.categoryId) {
      try {
        categoryId = decodeIdOf('Category', input.categoryId, f('categoryId'));
      } catch (e) {
        errors.push(e as DomainError);
      }
    }
    const recognized = input.kind === CreditKind.RECOGNIZED;
    if (input.kind !== CreditKind.RECOGNIZED && input.kind !== CreditKind.ADJUSTED) errors.push(DomainError.badInput('INVALID_KIND', 'CREDIT_KIND_NOT_ALLOWED', {}, f('kind')));
    const amount = toHundredths(input.amount);
    if (amount === null || amount === 0n || amount > MAX_AMOUNT_HUNDREDTHS || -amount > MAX_AMOUNT_HUNDREDTHS) {
      errors.push(DomainError.badInput('INVALID_AMOUNT', 'CREDIT_AMOUNT_INVALID', { max: fromHundredths(MAX_AMOUNT_HUNDREDTHS) }, f('amount')));
    } else if (recognized && amount < 0n) errors.push(DomainError.badInput('INVALID_AMOUNT', 'CREDIT_RECOGNIZED_POSITIVE', {}, f('amount')));
    const hours = toHundredths(input.hours ?? '0');
    if (hours === null || hours < 0n || hours > 100_000n) errors.push(DomainError.badInput('INVALID_HOURS', 'CREDIT_HOURS_INVALID', {}, f('hours')));
    const reason = cleanText(input.reason);
    if (!reason || reason.length > 500) errors.push(DomainError.badInput('REASON_REQUIRED', 'CREDIT_REASON_REQUIRED', {}, f('reason')));
    const title = cleanText(input.title ?? '') || null;
    if (title && title.length > 200) errors.push(DomainError.badInput('TITLE_REQUIRED', 'CREDIT_TITLE_REQUIRED', {}, f('title')));
    else if (recognized && !title) errors.push(DomainError.badInput('TITLE_REQUIRED', 'CREDIT_TITLE_REQUIRED', {}, f('title')));
    const evidence = cleanText(input.evidence ?? '') || null;
    if ((recognized && !evidence) || (evidence && evidence.length > 500)) errors.push(DomainError.badInput('EVIDENCE_REQUIRED', 'CREDIT_EVIDENCE_REQUIRED', {}, f('evidence')));
    const today = kstDateTime(now()).slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.occurredOn) || input.occurredOn < '2000-01-01' || input.occurredOn > today) {
      errors.push(DomainError.badInput('INVALID_DATE', 'CREDIT_OCCURRED_ON_INVALID', { today }, f('occurredOn')));
    }
    const key = CreditService.validKey(input.idempotencyKey);
    if (!key) errors.push(DomainError.badInput('INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_INVALID', {}, f('idempotencyKey')));
    if (errors.length) throw new DomainErrors(errors);

    const target = await this.servantInScope(viewer, servantId);
    if (!target) throw DomainError.badInput('SERVANT_NOT_FOUND', 'SERVANT_NOT_FOUND', {}, f('servantId'));
    if (categoryId) {
      const [c] = await this.scope.em.getConnection().execute<{ id: number }[]>(`select id from category where id = ?`, [categoryId]);
      if (!c) throw DomainError.badInput('CATEGORY_NOT_FOUND', 'CREDIT_CATEGORY_NOT_FOUND', {}, f('categoryId'));
    }
    const year = Number(input.occurredOn.slice(0, 4));
    const subjectKey = recognized && title ? normalizeTitleKey(title) || null : null;
    const amountText = fromHundredths(amount!);

    const sameRequest = (r: Record<string, unknown>) => Number(r.servant_id) === servantId && r.kind === input.kind && toHundredths(String(r.amount)) === amount;
    const existing = async (tx: EntityManager) => {
      const [r] = await tx
        .getConnection()
        .execute<Record<string, unknown>[]>(`select * from credit_transaction where idempotency_key = ?`, [key], 'all', tx.getTransactionContext());
      if (!r) return null;
      if (!sameRequest(r)) throw DomainError.badInput('IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_REUSED', {}, f('idempotencyKey'));
      return this.view(r);
    };

    const outcome = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const q = <T>(sql: string, params: unknown[]) => conn.execute<T[]>(sql, params, 'all', ctx);
      await CreditService.lockServant(tx, servantId);
      const retry = await existing(tx);
      if (retry) return { entry: retry, fresh: false };
      if (recognized) {
        const [cap] = await q<{ cap: string; remaining: string; ok: boolean }>(
          `select p.cap::text, greatest(p.cap - u.used, 0)::text as remaining, u.used + ?::numeric <= p.cap as ok
           from (select coalesce((select recognized_yearly_cap from credit_policy where year = ?), ?::numeric) as cap) p,
                (select coalesce(sum(t.amount), 0) as used from credit_transaction t left join credit_transaction o on o.id = t.reverses_id
                 where t.servant_id = ? and t.year = ? and (t.kind = 'RECOGNIZED' or o.kind = 'RECOGNIZED')) u`,
          [amountText, year, DEFAULT_POLICY.recognizedYearlyCap, servantId, year],
        );
        if (!cap.ok) {
          throw DomainError.badInput('YEARLY_CAP_EXCEEDED', 'YEARLY_CAP_EXCEEDED', { year, cap: trimDecimal(cap.cap), remaining: trimDecimal(cap.remaining), amount: amountText }, f('amount'));
        }
      }
      if (subjectKey) {
        const [dup] = await q<{ id: string; subject_title: string; occurred_on: string }>(
          `select t.id, t.subject_title, to_char(t.occurred_on, 'YYYY-MM-DD') as occurred_on from credit_transaction t
           where t.servant_id = ? and t.subject_key = ? and t.kind <> 'REVERSED'
             and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
           order by t.id limit 1`,
          [servantId, subjectKey],
        );
        if (dup) {
          throw DomainError.badInput(
            'DUPLICATE_SUBJECT',
            'DUPLICATE_SUBJECT',
            { title: dup.subject_title, date: dup.occurred_on, entry: toGlobalId('CreditTransaction', dup.id) },
            f('title'),
          );
        }
      }
      const [row] = await q<Record<string, unknown>>(
        `insert into credit_transaction (servant_id, amount, kind, reason, category_id, subject_title, subject_key, hours, evidence, recorded_by_account_id, occurred_on, year, idempotency_key)
         values (?, ?::numeric, ?, ?, ?, ?, ?, ?::numeric, ?, ?, ?::date, ?, ?)
         on conflict do nothing returning *`,
        [servantId, amountText, input.kind, reason, categoryId, title, subjectKey, fromHundredths(hours!), evidence, viewer.accountId, input.occurredOn, year, key],
      );
      if (!row) return { entry: (await existing(tx))!, fresh: false };
      await this.awardCertifications(tx, [servantId]);
      return { entry: this.view(row), fresh: true };
    });
    if (outcome.fresh) this.publishRecorded([{ id: Number(outcome.entry.id), servantId, path: target.path }]);
    return outcome.entry;
  }

  /**
   * `creditTransactionReverse`: a REVERSED entry cancelling another (same amount and hours,
   * negated, counting in the original's year). A reversal is never reversed, and an entry is
   * reversed at most once — checked under the servant's lock and held by a unique index.
   */
  async reverse(input: CreditReverseInput): Promise<CreditTransactionType> {
    const viewer = this.requireAdmin();
    const f = (n: string) => ['input', n];
    const errors: DomainError[] = [];
    let id = 0;
    try {
      id = decodeIdOf('CreditTransaction', input.transactionId, f('transactionId'));
    } catch (e) {
      errors.push(e as DomainError);
    }
    const reason = cleanText(input.reason);
    if (!reason || reason.length > 500) errors.push(DomainError.badInput('REASON_REQUIRED', 'CREDIT_REASON_REQUIRED', {}, f('reason')));
    const key = CreditService.validKey(input.idempotencyKey);
    if (!key) errors.push(DomainError.badInput('INVALID_IDEMPOTENCY_KEY', 'IDEMPOTENCY_KEY_INVALID', {}, f('idempotencyKey')));
    if (errors.length) throw new DomainErrors(errors);

    const [original] = await this.scope.em.getConnection().execute<{ id: string; servant_id: number; kind: string }[]>(`select id, servant_id, kind from credit_transaction where id = ?`, [id]);
    const target = original ? await this.servantInScope(viewer, Number(original.servant_id)) : null;
    if (!original || !target) throw DomainError.badInput('TRANSACTION_NOT_FOUND', 'CREDIT_TRANSACTION_NOT_FOUND', {}, f('transactionId'));
    const servantId = Number(original.servant_id);

    const outcome = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const q = <T>(sql: string, params: unknown[]) => conn.execute<T[]>(sql, params, 'all', ctx);
      await CreditService.lockServant(tx, servantId);
      const [retry] = await q<Record<string, unknown>>(`select * from credit_transaction where idempotency_key = ?`, [key]);
      if (retry) {
        if (String(retry.reverses_id) !== String(id)) throw DomainError.badInput('IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_REUSED', {}, f('idempotencyKey'));
        return { entry: this.view(retry), fresh: false };
      }
      if (original.kind === CreditKind.REVERSED) throw DomainError.badInput('REVERSAL_OF_REVERSAL', 'REVERSAL_OF_REVERSAL', {}, f('transactionId'));
      const alreadyReversed = async (): Promise<never> => {
        const [r] = await q<{ id: string; recorded_at: Date }>(`select id, recorded_at from credit_transaction where reverses_id = ?`, [id]);
        throw DomainError.badInput(
          'ALREADY_REVERSED',
          'ALREADY_REVERSED',
          { at: r ? kstDateTime(new Date(r.recorded_at)) : '', entry: r ? toGlobalId('CreditTransaction', r.id) : '' },
          f('transactionId'),
        );
      };
      const [done] = await q<{ id: string }>(`select id from credit_transaction where reverses_id = ?`, [id]);
      if (done) return alreadyReversed();
      const [row] = await q<Record<string, unknown>>(
        `insert into credit_transaction (servant_id, amount, kind, reason, enrollment_id, course_id, category_id, subject_title, subject_key, hours,
                                         evidence, reverses_id, recorded_by_account_id, occurred_on, year, idempotency_key)
         select t.servant_id, -t.amount, 'REVERSED', ?, t.enrollment_id, t.course_id, t.category_id, t.subject_title, t.subject_key, -t.hours,
                t.evidence, t.id, ?, t.occurred_on, t.year, ?
         from credit_transaction t where t.id = ?
         on conflict do nothing returning *`,
        [reason, viewer.accountId, key, id],
      );
      if (!row) return alreadyReversed();
      await this.reviewCertifications(tx, [row]);
      return { entry: this.view(row), fresh: true };
    });
    if (outcome.fresh) this.publishRecorded([{ id: Number(outcome.entry.id), servantId, path: target.path }]);
    return outcome.entry;
  }

  /** `creditPolicyUpdate`: a year's credits per hour, recognised-credit cap and required hours by grade (institute administrators). */
  async updatePolicy(input: CreditPolicyInput): Promise<CreditPolicyType> {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
    const errors: DomainError[] = [];
    const f = (n: string) => ['input', n];
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) errors.push(DomainError.badInput('INVALID_YEAR', 'POLICY_YEAR_RANGE', {}, f('year')));
    const cph = toHundredths(input.creditsPerHour);
    if (cph === null || cph <= 0n || cph > 1000n) errors.push(DomainError.badInput('INVALID_CREDITS_PER_HOUR', 'CREDITS_PER_HOUR_RANGE', {}, f('creditsPerHour')));
    const cap = toHundredths(input.recognizedYearlyCap);
    if (cap === null || cap < 0n || cap > 999_999n) errors.push(DomainError.badInput('INVALID_CAP', 'RECOGNIZED_CAP_RANGE', {}, f('recognizedYearlyCap')));
    const grades = input.requiredHoursByGrade.map((g) => g.grade).sort((a, b) => a - b);
    if (grades.join(',') !== '1,2,3,4,5,6,7,8,9') errors.push(DomainError.badInput('INVALID_REQUIRED_HOURS', 'REQUIRED_HOURS_GRADES', {}, f('requiredHoursByGrade')));
    const hours = input.requiredHoursByGrade.map((g) => toHundredths(g.hours));
    if (hours.some((h) => h === null || h < 0n || h > 100_000n)) errors.push(DomainError.badInput('INVALID_REQUIRED_HOURS', 'REQUIRED_HOURS_RANGE', {}, f('requiredHoursByGrade')));
    if (errors.length) throw new DomainErrors(errors);
    return this.scope.em.transactional(async (tx) => {
      await tx.getConnection().execute(
        `insert into credit_policy (year, credits_per_hour, recognized_yearly_cap, required_hours_by_grade)
         values (?, ?::numeric, ?::numeric, (select jsonb_object_agg(g::text, h) from unnest(?::int[], ?::numeric[]) as x(g, h)))
         on conflict (year) do update set credits_per_hour = excluded.credits_per_hour, recognized_yearly_cap = excluded.recognized_yearly_cap,
           required_hours_by_grade = excluded.required_hours_by_grade`,
        [
          input.year,
          fromHundredths(cph!),
          fromHundredths(cap!),
          pgArray(input.requiredHoursByGrade.map((g) => g.grade)),
          pgArray(hours.map((h) => fromHundredths(h!))),
        ],
        'run',
        tx.getTransactionContext(),
      );
      // The catalogue shows credit values at this year's rate: keep them in step.
      if (input.year === kstYear(now())) {
        await tx.getConnection().execute(
          `update course set credit_value = round(length_minutes * ?::numeric / 60, 2), updated_at = now()
           where status = 'ACTIVE' and credit_value <> round(length_minutes * ?::numeric / 60, 2)`,
          [fromHundredths(cph!), fromHundredths(cph!)],
          'run',
          tx.getTransactionContext(),
        );
      }
      return this.policy(input.year, tx);
    });
  }
}

