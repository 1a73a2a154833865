import crypto from 'node:crypto';
import DataLoader from 'dataloader';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeTitleKey } from '@kok/korean-text';
import { now } from '../../common/clock.js';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { keysetPage } from '../../common/keyset.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import { kstDate, kstYear } from '../../common/kst.js';
import { trimDecimal } from '../../common/decimal.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type CertificationAwardedPayload, Topics } from '../../events/topics.js';
import { t } from '../../i18n/messages.js';
import { Role } from '../account/account.entity.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { createNotifications, publishNotified } from '../notification/notification.service.js';
import { Servant } from '../servant/servant.entity.js';
import { PersonalDataAction, type ServantService } from '../servant/servant.service.js';
import { cleanText } from '../servant/servant.validation.js';
import { Course } from '../catalog/catalog.entity.js';
import { Certification, CertificationProgram, MandatoryFrequency, MandatoryTrainingRule, MandatoryTrigger } from './certification.entity.js';
import { CertificationState, MandatoryTrainingState, type MandatoryTrainingStatus } from './certification.types.js';

// ---------------------------------------------------------------- Korea-time helpers


const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 16 base32 characters from 80 random bits: unguessable, easy to read aloud and type. */
export function newVerificationCode(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Accepts codes typed with spaces, hyphens or in lower case. */
export function normalizeVerificationCode(code: string): string | null {
  const c = code.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z2-7]{16}$/.test(c) ? c : null;
}

const DECIMAL = /^\d{1,6}(\.\d{1,2})?$/;

/** VALID, EXPIRED or REVOKED at the app's clock's now. */
export function certificationState(revokedAt: Date | null, expiresAt: Date | null): CertificationState {
  if (revokedAt) return CertificationState.REVOKED;
  return expiresAt && expiresAt <= now() ? CertificationState.EXPIRED : CertificationState.VALID;
}

// ---------------------------------------------------------------- SQL

/**
 * Status of every applicable active rule for the servants selected by `filter` (alias `s`) in
 * a year, as one statement ending in the relation `st`. Hours come from the ledger: EARNED and
 * RECOGNIZED entries that no REVERSED entry points at, matched to the rule by course, or by
 * category (with subcategories) and topic keyword. Parameters: year, today, then the filter's.
 */
export function mandatoryStatusSql(filter: string): string {
  return `with recursive cat_cover(root, id) as (
      select id, id from category
      union all
      select cc.root, c.id from category c join cat_cover cc on c.parent_id = cc.id
    ),
    prm as (select ?::int as y, ?::date as today),
    sv as (
      select s.id, s.grade, s.job_series, s.hire_date, u.path, s.organization_id
      from servant s join organization u on u.id = coalesce(s.department_id, s.organization_id)
      where ${filter}
    ),
    app as (
      select sv.id as servant_id, r.id as rule_id, r.hours, r.frequency, r.course_id, r.category_id,
             replace(r.topic_keyword, ' ', '') as keyword, prm.y, prm.today,
             case when r.frequency = 'ONCE_WITHIN_MONTHS' then sv.hire_date else make_date(prm.y, 1, 1) end as period_start,
             case when r.frequency = 'ONCE_WITHIN_MONTHS' then (sv.hire_date + make_interval(months => r.within_months))::date
                  else make_date(prm.y, 12, 31) end as due
      from sv cross join prm join mandatory_training_rule r on r.active
        and sv.grade between coalesce(r.grade_min, 1) and coalesce(r.grade_max, 9)
        and (cardinality(r.job_series) = 0 or sv.job_series = any(r.job_series))
        and (cardinality(r.organization_ids) = 0 or exists (select 1 from organization o where o.id = any(r.organization_ids) and sv.path like o.path || '%'))
        and case r.trigger
              when 'NONE' then true
              when 'NEW_APPOINTMENT' then sv.hire_date is not null and sv.hire_date <= make_date(prm.y, 12, 31)
                and (sv.hire_date + make_interval(months => coalesce(r.within_months, 12)))::date >= make_date(prm.y, 1, 1)
              else false
            end
    ),
    ent as (
      select t.servant_id, t.course_id, t.category_id, t.occurred_on,
             case when t.hours > 0 then t.hours else coalesce(round(c.length_minutes / 60.0, 2), 0) end as hours,
             replace(coalesce(c.title, t.subject_title, ''), ' ', '') as title_ns, coalesce(c.tags, '{}') as tags
      from credit_transaction t left join course c on c.id = t.course_id
      where t.servant_id in (select id from sv) and t.kind in ('EARNED', 'RECOGNIZED')
        and not exists (select 1 from credit_transaction r where r.reverses_id = t.id)
    ),
    hrs as (
      select a.servant_id, a.rule_id,
             coalesce(sum(e.hours), 0) as h_all,
             coalesce(sum(e.hours) filter (where e.occurred_on <= make_date(a.y, 6, 30)), 0) as h1,
             coalesce(sum(e.hours) filter (where e.occurred_on > make_date(a.y, 6, 30)), 0) as h2
      from app a left join ent e on e.servant_id = a.servant_id and e.occurred_on >= a.period_start
        and (a.frequency = 'ONCE_WITHIN_MONTHS' or e.occurred_on <= a.due)
        and (e.course_id = a.course_id
             or (a.category_id is not null and exists (select 1 from cat_cover cc where cc.root = a.category_id and cc.id = e.category_id)
                 and (a.keyword is null or strpos(e.title_ns, a.keyword) > 0 or a.keyword = any(e.tags))))
      group by a.servant_id, a.rule_id
    ),
    st as (
      select a.servant_id, a.rule_id,
             case when a.frequency = 'TWICE_A_YEAR' then
                    case when h.h1 >= a.hours and h.h2 >= a.hours then 'DONE'
                         when (h.h1 < a.hours and a.today > make_date(a.y, 6, 30)) or a.today > a.due then 'OVERDUE'
                         else 'DUE' end
                  else case when h.h_all >= a.hours then 'DONE' when a.today > a.due then 'OVERDUE' else 'DUE' end
             end as status,
             case when a.frequency = 'TWICE_A_YEAR' and h.h1 < a.hours then make_date(a.y, 6, 30) else a.due end as due_date,
             case when a.frequency = 'TWICE_A_YEAR' then a.hours * 2 else a.hours end as hours_required,
             h.h_all as hours_completed
      from app a join hrs h on h.servant_id = a.servant_id and h.rule_id = a.rule_id
    )`;
}

/**
 * Progress toward programmes as one statement, for the (servant, programme) pairs of the `sp`
 * relation that `pairs` defines (after `prm` and `ent`). Counted entries: every non-REVERSED
 * entry that no REVERSED entry points at (signed, so negative adjustments count), except that
 * reversals listed in `prm.ignored` are treated as not yet recorded; then, per pair, entries
 * after `sp.watermark` (and up to `sp.upper`, when set) and, with a window, in the window ending
 * on `sp.as_of`. Parameters: now, today, ignored reversal ids, then those of `pairs`.
 */
function progressSql(pairs: string): string {
  return `with recursive cat_cover(root, id) as (
    select id, id from category
    union all
    select cc.root, c.id from category c join cat_cover cc on c.parent_id = cc.id
  ),
  prm as (select ?::timestamptz as at, ?::date as today, ?::bigint[] as ignored),
  ${pairs},
  ent as (
    select t.id, t.servant_id, t.amount, t.category_id, t.course_id, t.occurred_on, c.title_key as course_key, t.subject_key
    from credit_transaction t left join course c on c.id = t.course_id
    where t.servant_id in (select servant_id from sp) and t.kind <> 'REVERSED'
      and not exists (select 1 from credit_transaction r where r.reverses_id = t.id and r.id <> all(coalesce((select ignored from prm), '{}'::bigint[])))
  ),
  cnt as (
    select sp.servant_id as sid, sp.program_id as pid, e.id, e.amount, e.category_id, e.course_id, e.course_key, e.subject_key
    from sp join ent e on e.servant_id = sp.servant_id and e.id > sp.watermark and (sp.upper is null or e.id <= sp.upper)
      and (sp.window_months is null or e.occurred_on > (sp.as_of - make_interval(months => sp.window_months))::date)
  )
  select sp.servant_id, sp.program_id, sp.total_credits, sp.validity_months, sp.prev_id, sp.prev_cycle, sp.prev_expires,
         (sp.prev_id is not null and (sp.prev_expires is null or sp.prev_expires > prm.at)) as held,
         coalesce((select sum(amount) from cnt where cnt.sid = sp.servant_id and cnt.pid = sp.program_id), 0) as credits,
         coalesce((select max(id) from credit_transaction x where x.servant_id = sp.servant_id), 0) as max_entry,
         (select coalesce(json_agg(json_build_object('category', cat.name, 'required', m.credits,
                   'earned', coalesce((select sum(amount) from cnt where cnt.sid = sp.servant_id and cnt.pid = sp.program_id
                                        and exists (select 1 from cat_cover cc where cc.root = m.category_id and cc.id = cnt.category_id)), 0))
                   order by cat.sort_order, cat.id), '[]')
          from certification_program_category_minimum m join category cat on cat.id = m.category_id where m.program_id = sp.program_id) as minimums,
         (select coalesce(json_agg(json_build_object('title', rc.title,
                   'done', exists (select 1 from cnt where cnt.sid = sp.servant_id and cnt.pid = sp.program_id
                                   and (cnt.course_id = rc.course_id or cnt.course_key = rc.title_key or cnt.subject_key = rc.title_key)))
                   order by rc.id), '[]')
          from certification_program_required_course rc where rc.program_id = sp.program_id) as courses,
         sp.certification_id
  from sp cross join prm`;
}

/**
 * Progress of the servants in an int array (or null for everyone) toward every active
 * programme, for the next award: after the watermark of the latest certification not revoked,
 * within the window ending today; the next award takes the cycle after the highest one (revoked
 * cycles stay taken). Parameters: now, today, ignored reversals (empty), servant ids twice.
 */
const PROGRESS_SQL = progressSql(`sv as (select s.id from servant s where (?::int[] is null or s.id = any(?::int[]))),
  prev as (
    select distinct on (c.servant_id, c.program_id) c.servant_id, c.program_id, c.id, c.expires_at, c.ledger_watermark
    from certification c where c.servant_id in (select id from sv) and c.revoked_at is null order by c.servant_id, c.program_id, c.cycle desc
  ),
  last_cycle as (
    select c.servant_id, c.program_id, max(c.cycle) as cycle from certification c where c.servant_id in (select id from sv) group by c.servant_id, c.program_id
  ),
  sp as (
    select sv.id as servant_id, p.id as program_id, p.total_credits, p.window_months, p.validity_months,
           pr.id as prev_id, lc.cycle as prev_cycle, pr.expires_at as prev_expires, coalesce(pr.ledger_watermark, 0) as watermark,
           null::bigint as upper, prm.today as as_of, null::int as certification_id
    from sv cross join prm cross join certification_program p
      left join prev pr on pr.servant_id = sv.id and pr.program_id = p.id
      left join last_cycle lc on lc.servant_id = sv.id and lc.program_id = p.id
    where p.active
  )`);

/**
 * Whether each certification not revoked that counted one of the given reversed entries still
 * meets its programme's requirements over the entries it counted (after the previous award's
 * watermark, up to its own, the window ending on its award day): once as if the given
 * reversals were not recorded (`ignored`), once with them. Parameters: now, today, the
 * reversals' ids (ignored or not), then the reversed entries' ids.
 */
const RECHECK_SQL = progressSql(`chain as (
    select c.id, c.servant_id, c.program_id, c.awarded_at, c.ledger_watermark,
           coalesce(lag(c.ledger_watermark) over (partition by c.servant_id, c.program_id order by c.cycle), 0) as low
    from certification c where c.revoked_at is null
      and c.servant_id in (select t.servant_id from credit_transaction t where t.id = any(?::bigint[]))
  ),
  sp as (
    select ch.servant_id, ch.program_id, p.total_credits, p.window_months, p.validity_months,
           null::int as prev_id, null::int as prev_cycle, null::timestamptz as prev_expires, ch.low as watermark,
           ch.ledger_watermark as upper, (ch.awarded_at at time zone 'Asia/Seoul')::date as as_of, ch.id as certification_id
    from chain ch join certification_program p on p.id = ch.program_id
    where exists (select 1 from credit_transaction t where t.id = any(?::bigint[]) and t.servant_id = ch.servant_id and t.id > ch.low and t.id <= ch.ledger_watermark)
  )`);

interface ProgressRow {
  servant_id: number;
  program_id: number;
  total_credits: string;
  validity_months: number | null;
  prev_id: number | null;
  prev_cycle: number | null;
  prev_expires: Date | null;
  held: boolean;
  credits: string;
  max_entry: string;
  minimums: { category: string; required: number | string; earned: number | string }[];
  courses: { title: string; done: boolean }[];
  /** Set by the recheck of an awarded certification. */
  certification_id: number | null;
}

/** Progress toward a programme, with what is missing as message parameters. */
export interface ProgressValue {
  servantId: number;
  programId: number;
  credits: string;
  required: string;
  percent: number;
  complete: boolean;
  /** The certification currently held (valid), if any. */
  heldCertificationId: number | null;
  missing: { key: 'CERT_MISSING_TOTAL' | 'CERT_MISSING_CATEGORY' | 'CERT_MISSING_COURSE'; params: Record<string, string> }[];
  /** Eligible for an award now (complete, and no valid certification of this programme). */
  eligible: boolean;
  nextCycle: number;
  maxEntry: string;
  validityMonths: number | null;
}

function progressOf(r: ProgressRow): ProgressValue {
  const n = (v: number | string) => Number(v);
  const missing: ProgressValue['missing'] = [];
  let met = 0;
  let parts = 1;
  const credits = n(r.credits);
  const total = n(r.total_credits);
  let share = Math.min(1, Math.max(0, credits) / total);
  if (credits < total) missing.push({ key: 'CERT_MISSING_TOTAL', params: { credits: trimDecimal(total - credits) } });
  else met++;
  for (const m of r.minimums) {
    parts++;
    const earned = n(m.earned);
    const required = n(m.required);
    share += Math.min(1, Math.max(0, earned) / required);
    if (earned < required) missing.push({ key: 'CERT_MISSING_CATEGORY', params: { category: m.category, credits: trimDecimal(required - earned) } });
    else met++;
  }
  for (const c of r.courses) {
    parts++;
    if (c.done) {
      share += 1;
      met++;
    } else missing.push({ key: 'CERT_MISSING_COURSE', params: { title: c.title } });
  }
  const complete = met === parts;
  const percent = complete ? 100 : Math.min(99, Math.floor((share / parts) * 100));
  return {
    servantId: Number(r.servant_id),
    programId: Number(r.program_id),
    credits: trimDecimal(r.credits),
    required: trimDecimal(r.total_credits),
    percent,
    complete,
    heldCertificationId: r.held ? Number(r.prev_id) : null,
    missing,
    eligible: complete && !r.held,
    nextCycle: (r.prev_cycle ?? 0) + 1,
    maxEntry: String(r.max_entry),
    validityMonths: r.validity_months,
  };
}

// ---------------------------------------------------------------- inputs

export interface RuleInput {
  name?: string | null;
  gradeMin?: number | null;
  gradeMax?: number | null;
  jobSeries?: string[] | null;
  organizationIds?: string[] | null;
  trigger?: MandatoryTrigger | null;
  courseId?: string | null;
  categoryId?: string | null;
  topicKeyword?: string | null;
  hours?: string | null;
  frequency?: MandatoryFrequency | null;
  withinMonths?: number | null;
  legalBasis?: string | null;
  active?: boolean | null;
}

export interface ProgramInput {
  code?: string | null;
  name?: string | null;
  description?: string | null;
  totalCredits?: string | null;
  categoryMinimums?: { categoryId: string; credits: string }[] | null;
  requiredCourseIds?: string[] | null;
  windowMonths?: number | null;
  validityMonths?: number | null;
  active?: boolean | null;
}

/** Requirements of a programme as stored (for the requirements field). */
export interface ProgramRequirements {
  categoryMinimums: { categoryId: number; credits: string }[];
  requiredCourses: { courseId: number | null; title: string }[];
}

export interface OverdueCsvRow {
  organization: string;
  department: string | null;
  employee_number: string;
  name: string;
  grade: number;
  job_series: string;
  rule_name: string;
  due_date: string;
  hours_completed: string;
  hours_required: string;
}

/** Filter of the awarded-certifications list. */
export interface AwardedFilter {
  programId?: string | null;
  organizationId?: string | null;
  status?: 'VALID' | 'EXPIRED' | 'REVOKED' | null;
}

export interface AwardedCsvRow {
  organization: string;
  department: string | null;
  employee_number: string;
  name: string;
  grade: number;
  job_series: string;
  program_name: string;
  cycle: number;
  awarded_at: Date;
  expires_at: Date | null;
  credits_counted: string;
  verification_code: string;
  revoked_at: Date | null;
}

/**
 * Mandatory training rules and certification programmes: statuses and progress computed from
 * the credit ledger in set-based SQL, awards exactly once per cycle (a unique constraint
 * decides between concurrent evaluations), public verification.
 */
export class CertificationService {
  constructor(
    readonly scope: RequestScope,
    readonly events: EventPublisher,
    private readonly servants: ServantService | null = null,
  ) {}

  private requireInstituteAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
  }

  private requireAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN) && !v.roles.includes(Role.ORG_ADMIN)) throw DomainError.forbidden();
  }

  private get servantService(): ServantService {
    if (!this.servants) throw new Error('CertificationService needs the ServantService for this call');
    return this.servants;
  }

  // ================================================================ mandatory training rules

  listRules(args: ConnectionArgs, includeInactive: boolean): Promise<Connection<MandatoryTrainingRule>> {
    this.scope.requireViewer();
    return keysetPage<MandatoryTrainingRule>(
      this.scope.em,
      { entity: MandatoryTrainingRule, alias: 'r', from: 'mandatory_training_rule r', where: includeInactive ? 'true' : 'r.active', params: [], sortExpr: 'r.name', direction: 'asc' },
      pageRequest(args),
    );
  }

  ruleById(id: number): Promise<MandatoryTrainingRule | null> {
    const loader = this.scope.memoize(
      'mandatoryRule.byId',
      () =>
        new DataLoader<number, MandatoryTrainingRule | null>(async (ids) => {
          const rows = await this.scope.em.find(MandatoryTrainingRule, { id: { $in: [...ids] } });
          const m = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  /** Validates a whole rule (the existing one merged with the changes). */
  private async validateRule(input: RuleInput, existing: MandatoryTrainingRule | null): Promise<Partial<MandatoryTrainingRule> & { courseId: number | null; categoryId: number | null }> {
    const errors: DomainError[] = [];
    const f = (n: string) => ['input', n];
    const has = (k: keyof RuleInput) => input[k] !== undefined;
    const name = has('name') ? cleanText(input.name ?? '') : (existing?.name ?? '');
    if (!name || name.length > 100) errors.push(DomainError.badInput('INVALID_NAME', 'MANDATORY_NAME_INVALID', {}, f('name')));
    const gradeMin = has('gradeMin') ? (input.gradeMin ?? null) : (existing?.gradeMin ?? null);
    const gradeMax = has('gradeMax') ? (input.gradeMax ?? null) : (existing?.gradeMax ?? null);
    const okGrade = (g: number | null) => g === null || (Number.isInteger(g) && g >= 1 && g <= 9);
    if (!okGrade(gradeMin) || !okGrade(gradeMax) || (gradeMin !== null && gradeMax !== null && gradeMin > gradeMax))
      errors.push(DomainError.badInput('INVALID_GRADES', 'MANDATORY_GRADE_RANGE', {}, f(okGrade(gradeMin) ? 'gradeMax' : 'gradeMin')));
    let jobSeries = existing?.jobSeries ?? [];
    if (has('jobSeries')) {
      jobSeries = [...new Set((input.jobSeries ?? []).map((s) => cleanText(s)))];
      if (jobSeries.some((s) => !/^[\p{L}]{1,20}$/u.test(s))) errors.push(DomainError.badInput('INVALID_JOB_SERIES', 'MANDATORY_JOB_SERIES_INVALID', {}, f('jobSeries')));
    }
    let organizationIds = existing?.organizationIds ?? [];
    if (has('organizationIds')) {
      try {
        organizationIds = [...new Set((input.organizationIds ?? []).map((g, i) => decodeIdOf('Organization', g, ['input', 'organizationIds', String(i)])))];
        if (organizationIds.length) {
          const found = await this.scope.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from organization where id = any(?::int[])`, [pgArray(organizationIds)]);
          if (Number(found[0].n) !== organizationIds.length) errors.push(DomainError.badInput('ORGANIZATION_NOT_FOUND', 'MANDATORY_ORGANIZATION_NOT_FOUND', {}, f('organizationIds')));
        }
      } catch (e) {
        errors.push(e as DomainError);
      }
    }
    const trigger = has('trigger') && input.trigger ? input.trigger : (existing?.trigger ?? MandatoryTrigger.NONE);
    // A new course clears the category and the other way round.
    let courseId: number | null = existing?.course?.id ?? null;
    let categoryId: number | null = existing?.category?.id ?? null;
    try {
      if (has('courseId') || has('categoryId')) {
        courseId = input.courseId ? decodeIdOf('Course', input.courseId, f('courseId')) : null;
        categoryId = input.categoryId ? decodeIdOf('Category', input.categoryId, f('categoryId')) : null;
        if (existing && has('courseId') && !has('categoryId') && courseId) categoryId = null;
        if (existing && has('categoryId') && !has('courseId') && categoryId) courseId = null;
      }
    } catch (e) {
      errors.push(e as DomainError);
    }
    if ((courseId === null) === (categoryId === null)) errors.push(DomainError.badInput('INVALID_TARGET', 'MANDATORY_TARGET_ONE', {}, f('courseId')));
    const conn = this.scope.em.getConnection();
    if (courseId !== null && !(await conn.execute<{ id: number }[]>(`select id from course where id = ?`, [courseId])).length)
      errors.push(DomainError.badInput('COURSE_NOT_FOUND', 'MANDATORY_COURSE_NOT_FOUND', {}, f('courseId')));
    if (categoryId !== null && !(await conn.execute<{ id: number }[]>(`select id from category where id = ?`, [categoryId])).length)
      errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'MANDATORY_CATEGORY_NOT_FOUND', {}, f('categoryId')));
    const topicKeyword = has('topicKeyword') ? cleanText(input.topicKeyword ?? '') || null : (existing?.topicKeyword ?? null);
    if (topicKeyword && topicKeyword.length > 30) errors.push(DomainError.badInput('INVALID_TARGET', 'MANDATORY_KEYWORD_INVALID', {}, f('topicKeyword')));
    else if (topicKeyword && courseId !== null) errors.push(DomainError.badInput('INVALID_TARGET', 'MANDATORY_KEYWORD_NEEDS_CATEGORY', {}, f('topicKeyword')));
    const hours = has('hours') && input.hours != null ? String(input.hours) : (existing?.hours ?? '');
    if (!DECIMAL.test(hours) || Number(hours) <= 0 || Number(hours) > 100) errors.push(DomainError.badInput('INVALID_HOURS', 'MANDATORY_HOURS_RANGE', {}, f('hours')));
    const frequency = has('frequency') && input.frequency ? input.frequency : (existing?.frequency ?? MandatoryFrequency.YEARLY);
    const withinMonths = has('withinMonths') ? (input.withinMonths ?? null) : frequency === MandatoryFrequency.ONCE_WITHIN_MONTHS ? (existing?.withinMonths ?? null) : null;
    if (frequency === MandatoryFrequency.ONCE_WITHIN_MONTHS) {
      if (withinMonths === null || !Number.isInteger(withinMonths) || withinMonths < 1 || withinMonths > 60)
        errors.push(DomainError.badInput('INVALID_FREQUENCY', 'MANDATORY_MONTHS_REQUIRED', {}, f('withinMonths')));
      if (trigger === MandatoryTrigger.NONE) errors.push(DomainError.badInput('INVALID_FREQUENCY', 'MANDATORY_ONCE_NEEDS_TRIGGER', {}, f('trigger')));
    } else if (withinMonths !== null) errors.push(DomainError.badInput('INVALID_FREQUENCY', 'MANDATORY_MONTHS_ONLY_ONCE', {}, f('withinMonths')));
    const legalBasis = has('legalBasis') ? (input.legalBasis ?? '').normalize('NFC').trim() : (existing?.legalBasis ?? '');
    if (legalBasis.length > 1000) errors.push(DomainError.badInput('INVALID_LEGAL_BASIS', 'MANDATORY_LEGAL_BASIS_TOO_LONG', {}, f('legalBasis')));
    if (errors.length) throw new DomainErrors(errors);
    return {
      name,
      gradeMin,
      gradeMax,
      jobSeries,
      organizationIds,
      trigger,
      topicKeyword,
      hours,
      frequency,
      withinMonths: frequency === MandatoryFrequency.ONCE_WITHIN_MONTHS ? withinMonths : null,
      legalBasis,
      courseId,
      categoryId,
      ...(input.active != null ? { active: input.active } : {}),
    };
  }

  private async saveRule(existing: MandatoryTrainingRule | null, input: RuleInput): Promise<MandatoryTrainingRule> {
    const { courseId, categoryId, ...values } = await this.validateRule(input, existing);
    try {
      return await this.scope.em.transactional(async (tx) => {
        const r = existing ? tx.merge(existing) : tx.create(MandatoryTrainingRule, values as MandatoryTrainingRule);
        Object.assign(r, values);
        r.course = courseId ? (tx.getReference(Course, courseId) as never) : null;
        r.category = categoryId ? (tx.getReference('Category', categoryId) as never) : null;
        await tx.flush();
        return r;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw DomainError.badInput('NAME_TAKEN', 'MANDATORY_NAME_TAKEN', { name: values.name }, ['input', 'name']);
      throw e;
    }
  }

  /** `mandatoryTrainingRuleCreate` (institute administrators). */
  createRule(input: RuleInput): Promise<MandatoryTrainingRule> {
    this.requireInstituteAdmin();
    return this.saveRule(null, { ...input, active: null });
  }

  private async ruleForChange(gid: string): Promise<MandatoryTrainingRule> {
    const id = decodeIdOf('MandatoryTrainingRule', gid, ['input', 'id']);
    const r = await this.scope.em.findOne(MandatoryTrainingRule, { id });
    if (!r) throw DomainError.badInput('RULE_NOT_FOUND', 'MANDATORY_RULE_NOT_FOUND', {}, ['input', 'id']);
    return r;
  }

  /** `mandatoryTrainingRuleUpdate`: the merged rule is validated as a whole. */
  async updateRule(gid: string, input: RuleInput): Promise<MandatoryTrainingRule> {
    this.requireInstituteAdmin();
    return this.saveRule(await this.ruleForChange(gid), input);
  }

  /** `mandatoryTrainingRuleDeactivate`: a guarded UPDATE, so a repeat reports ALREADY_INACTIVE. */
  async deactivateRule(gid: string): Promise<MandatoryTrainingRule> {
    this.requireInstituteAdmin();
    const rule = await this.ruleForChange(gid);
    const rows = await this.scope.em
      .getConnection()
      .execute<Record<string, unknown>[]>(`update mandatory_training_rule set active = false, updated_at = ? where id = ? and active returning *`, [now(), rule.id]);
    if (!rows.length) throw DomainError.badInput('ALREADY_INACTIVE', 'MANDATORY_ALREADY_INACTIVE', {}, ['input', 'id']);
    this.scope.em.clear();
    return this.scope.em.map(MandatoryTrainingRule, rows[0]);
  }

  /** Active courses that satisfy a rule (its course, or its category's courses matching the keyword), batched across rules. */
  satisfyingCourses(ruleId: number): Promise<Course[]> {
    const loader = this.scope.memoize(
      'mandatoryRule.courses',
      () =>
        new DataLoader<number, Course[]>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<(Record<string, unknown> & { rule_id: number })[]>(
            `with recursive cat_cover(root, id) as (
               select id, id from category union all select cc.root, c.id from category c join cat_cover cc on c.parent_id = cc.id
             )
             select * from (
               select c.*, r.id as rule_id, row_number() over (partition by r.id order by c.title, c.id) as rn
               from mandatory_training_rule r join course c on c.status = 'ACTIVE' and (c.id = r.course_id or (r.category_id is not null
                 and exists (select 1 from cat_cover cc where cc.root = r.category_id and cc.id = c.category_id)
                 and (r.topic_keyword is null or strpos(replace(c.title, ' ', ''), replace(r.topic_keyword, ' ', '')) > 0 or r.topic_keyword = any(c.tags))))
               where r.id = any(?::int[])
             ) x where rn <= 50 order by rule_id, rn`,
            [pgArray([...ids])],
          );
          const by = new Map<number, Course[]>();
          for (const row of rows) {
            const { rule_id, rn: _rn, ...course } = row as Record<string, unknown> & { rule_id: number; rn: unknown };
            const list = by.get(Number(rule_id)) ?? [];
            list.push(this.scope.em.map(Course, course));
            by.set(Number(rule_id), list);
          }
          return ids.map((id) => by.get(id) ?? []);
        }),
    );
    return loader.load(ruleId);
  }

  private checkYear(year: number, field: string[] = ['year']): void {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw DomainError.badInput('INVALID_ARGUMENT', 'MANDATORY_YEAR_RANGE', {}, field);
  }

  /**
   * Statuses of a servant's applicable rules in a year (the servant and administrators in
   * scope; the read is logged). Batched: one statement for every servant of the operation.
   */
  async mandatoryTraining(servant: Servant, year: number): Promise<MandatoryTrainingStatus[]> {
    this.checkYear(year);
    await this.servantService.readPersonal(servant, PersonalDataAction.READ_EDUCATION);
    return this.statusLoader(year).load(servant.id);
  }

  private statusLoader(year: number): DataLoader<number, MandatoryTrainingStatus[]> {
    return this.scope.memoize(
      `mandatory.status:${year}`,
      () =>
        new DataLoader<number, MandatoryTrainingStatus[]>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<{ servant_id: number; rule_id: number; status: string; due_date: string; hours_required: string; hours_completed: string }[]>(
            `${mandatoryStatusSql('s.id = any(?::int[])')}
             select st.*, to_char(st.due_date, 'YYYY-MM-DD') as due_date from st join mandatory_training_rule r on r.id = st.rule_id order by r.name, r.id`,
            [year, kstDate(now()), pgArray([...ids])],
          );
          const by = new Map<number, MandatoryTrainingStatus[]>();
          for (const r of rows) {
            const list = by.get(Number(r.servant_id)) ?? [];
            list.push({
              servantId: Number(r.servant_id),
              ruleId: Number(r.rule_id),
              status: r.status as MandatoryTrainingState,
              dueDate: r.due_date,
              hoursRequired: trimDecimal(r.hours_required),
              hoursCompleted: trimDecimal(r.hours_completed),
            });
            by.set(Number(r.servant_id), list);
          }
          return ids.map((id) => by.get(id) ?? []);
        }),
    );
  }

  /** Statuses for the overdue list (access already decided by the list's scope). */
  async overdueOf(servantId: number, year: number): Promise<MandatoryTrainingStatus[]> {
    return (await this.statusLoader(year).load(servantId)).filter((s) => s.status === MandatoryTrainingState.OVERDUE);
  }

  /** The servants filter of the overdue and awarded lists: the viewer's scope and an optional organisation subtree. */
  private scopedServantFilter(organizationGid: string | null | undefined): { sql: string; params: unknown[] } {
    this.requireAdmin();
    const vis = this.servantService.visibility();
    if (!organizationGid) return vis;
    const orgId = decodeIdOf('Organization', organizationGid, ['organizationId']);
    return {
      sql: `${vis.sql} and exists (select 1 from organization fo, organization fp where fo.id = coalesce(s.department_id, s.organization_id) and fp.id = ? and fo.path like fp.path || '%')`,
      params: [...vis.params, orgId],
    };
  }

  /**
   * Servants in the viewer's scope (and the organisation's subtree) with at least one overdue
   * rule in the year, by name: one statement for the page, computed in SQL.
   */
  async overdue(organizationGid: string | null | undefined, year: number, args: ConnectionArgs): Promise<Connection<{ servantId: number; year: number }>> {
    this.checkYear(year);
    const filter = this.scopedServantFilter(organizationGid);
    const conn = await keysetPage<Servant>(
      this.scope.em,
      {
        entity: Servant,
        alias: 's',
        from: 'servant s',
        where: `${filter.sql} and s.id in (select x.servant_id from (${mandatoryStatusSql(filter.sql.replace(/\bs\./g, 's.'))} select servant_id from st where status = 'OVERDUE') x)`,
        params: [...filter.params, year, kstDate(now()), ...filter.params],
        sortExpr: 's.name',
        direction: 'asc',
      },
      pageRequest(args),
    );
    this.scope.logAccess(
      conn.edges.map((e) => e.node.id),
      PersonalDataAction.READ_EDUCATION,
    );
    return { ...conn, edges: conn.edges.map((e) => ({ cursor: e.cursor, node: { servantId: e.node.id, year } })), totalCount: conn.totalCount };
  }

  /** Every overdue (servant, rule) in scope as rows for the CSV export. */
  async overdueRows(organizationGid: string | null | undefined, year: number): Promise<OverdueCsvRow[]> {
    this.checkYear(year);
    const filter = this.scopedServantFilter(organizationGid);
    const rows = await this.scope.em.getConnection().execute<(OverdueCsvRow & { servant_id: number })[]>(
      `${mandatoryStatusSql(filter.sql)}
       select s.id as servant_id, o.name as organization, d.name as department, s.employee_number, s.name, s.grade, s.job_series,
              r.name as rule_name, to_char(st.due_date, 'YYYY-MM-DD') as due_date, st.hours_completed, st.hours_required
       from st join servant s on s.id = st.servant_id join organization o on o.id = s.organization_id left join organization d on d.id = s.department_id
       join mandatory_training_rule r on r.id = st.rule_id
       where st.status = 'OVERDUE' order by o.name, d.name nulls first, s.name, s.id, r.name`,
      [year, kstDate(now()), ...filter.params],
    );
    this.scope.logAccess(
      rows.map((r) => Number(r.servant_id)),
      PersonalDataAction.READ_EDUCATION,
    );
    return rows.map((r) => ({ ...r, hours_completed: trimDecimal(r.hours_completed), hours_required: trimDecimal(r.hours_required) }));
  }

  // ================================================================ who is awarded

  /** The holders' filter of the awarded list: viewer's scope, organisation subtree, programme, state (alias c, s). */
  private awardedFilter(filter: AwardedFilter): { sql: string; params: unknown[] } {
    const base = this.scopedServantFilter(filter.organizationId);
    const parts = [base.sql];
    const params = [...base.params];
    if (filter.programId) {
      const programId = decodeIdOf('CertificationProgram', filter.programId, ['programId']);
      parts.push('c.program_id = ?');
      params.push(programId);
    }
    if (filter.status === 'VALID') {
      parts.push('c.revoked_at is null and (c.expires_at is null or c.expires_at > ?)');
      params.push(now());
    } else if (filter.status === 'EXPIRED') {
      parts.push('c.revoked_at is null and c.expires_at <= ?');
      params.push(now());
    } else if (filter.status === 'REVOKED') {
      parts.push('c.revoked_at is not null');
    }
    return { sql: parts.join(' and '), params };
  }

  /**
   * Certifications whose holder is in the viewer's scope (institute administrators: all;
   * organisation administrators: their subtree), newest award first, one keyset-paged
   * statement. Holders listed are logged as read.
   */
  async awarded(filter: AwardedFilter, args: ConnectionArgs): Promise<Connection<Certification>> {
    const where = this.awardedFilter(filter);
    const conn = await keysetPage<Certification>(
      this.scope.em,
      { entity: Certification, alias: 'c', from: 'certification c join servant s on s.id = c.servant_id', where: where.sql, params: where.params, sortExpr: 'c.awarded_at', direction: 'desc' },
      pageRequest(args),
    );
    this.scope.logAccess(
      conn.edges.map((e) => e.node.servant.id),
      PersonalDataAction.READ_EDUCATION,
    );
    return conn;
  }

  /** Every certification of the awarded list as rows for the CSV export (same filter and scope). */
  async awardedRows(filter: AwardedFilter): Promise<AwardedCsvRow[]> {
    const where = this.awardedFilter(filter);
    const rows = await this.scope.em.getConnection().execute<(AwardedCsvRow & { servant_id: number })[]>(
      `select s.id as servant_id, o.name as organization, d.name as department, s.employee_number, s.name, s.grade, s.job_series,
              p.name as program_name, c.cycle, c.awarded_at, c.expires_at, c.credits_counted, c.verification_code, c.revoked_at
       from certification c join servant s on s.id = c.servant_id join certification_program p on p.id = c.program_id
       join organization o on o.id = s.organization_id left join organization d on d.id = s.department_id
       where ${where.sql} order by c.awarded_at desc, c.id desc`,
      where.params,
    );
    this.scope.logAccess(
      rows.map((r) => Number(r.servant_id)),
      PersonalDataAction.READ_EDUCATION,
    );
    return rows.map((r) => ({ ...r, credits_counted: trimDecimal(r.credits_counted) }));
  }

  // ================================================================ certification programmes

  listPrograms(args: ConnectionArgs, includeInactive: boolean): Promise<Connection<CertificationProgram>> {
    this.scope.requireViewer();
    return keysetPage<CertificationProgram>(
      this.scope.em,
      { entity: CertificationProgram, alias: 'p', from: 'certification_program p', where: includeInactive ? 'true' : 'p.active', params: [], sortExpr: 'p.name', direction: 'asc' },
      pageRequest(args),
    );
  }

  programById(id: number): Promise<CertificationProgram | null> {
    const loader = this.scope.memoize(
      'certProgram.byId',
      () =>
        new DataLoader<number, CertificationProgram | null>(async (ids) => {
          const rows = await this.scope.em.find(CertificationProgram, { id: { $in: [...ids] } });
          const m = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  /** Category minimums and required courses of many programmes (two statements). */
  requirements(programId: number): Promise<ProgramRequirements> {
    const loader = this.scope.memoize(
      'certProgram.requirements',
      () =>
        new DataLoader<number, ProgramRequirements>(async (ids) => {
          const conn = this.scope.em.getConnection();
          const mins = await conn.execute<{ program_id: number; category_id: number; credits: string }[]>(
            `select m.program_id, m.category_id, m.credits from certification_program_category_minimum m join category c on c.id = m.category_id
             where m.program_id = any(?::int[]) order by c.sort_order, c.id`,
            [pgArray([...ids])],
          );
          const courses = await conn.execute<{ program_id: number; course_id: number | null; title: string }[]>(
            `select program_id, course_id, title from certification_program_required_course where program_id = any(?::int[]) order by id`,
            [pgArray([...ids])],
          );
          return ids.map((id) => ({
            categoryMinimums: mins.filter((m) => Number(m.program_id) === id).map((m) => ({ categoryId: Number(m.category_id), credits: trimDecimal(m.credits) })),
            requiredCourses: courses.filter((c) => Number(c.program_id) === id).map((c) => ({ courseId: c.course_id === null ? null : Number(c.course_id), title: c.title })),
          }));
        }),
    );
    return loader.load(programId);
  }

  private async validateProgram(input: ProgramInput, existing: CertificationProgram | null) {
    const errors: DomainError[] = [];
    const f = (...n: string[]) => ['input', ...n];
    const has = (k: keyof ProgramInput) => input[k] !== undefined;
    const code = existing ? existing.code : cleanText(input.code ?? '').toUpperCase();
    if (!existing && !/^[A-Z][A-Z0-9_]{1,39}$/.test(code)) errors.push(DomainError.badInput('INVALID_CODE', 'CERT_CODE_FORMAT', {}, f('code')));
    const name = has('name') ? cleanText(input.name ?? '') : (existing?.name ?? '');
    if (!name || name.length > 100) errors.push(DomainError.badInput('INVALID_NAME', 'CERT_NAME_INVALID', {}, f('name')));
    const description = has('description') ? (input.description ?? '').normalize('NFC').trim() : (existing?.description ?? '');
    if (description.length > 2000) errors.push(DomainError.badInput('INVALID_DESCRIPTION', 'CERT_DESCRIPTION_TOO_LONG', {}, f('description')));
    const totalCredits = has('totalCredits') && input.totalCredits != null ? String(input.totalCredits) : (existing?.totalCredits ?? '');
    const totalOk = DECIMAL.test(totalCredits) && Number(totalCredits) > 0 && Number(totalCredits) <= 1000;
    if (!totalOk) errors.push(DomainError.badInput('INVALID_TOTAL', 'CERT_TOTAL_RANGE', {}, f('totalCredits')));
    const months = (k: 'windowMonths' | 'validityMonths') => {
      const v = has(k) ? (input[k] ?? null) : (existing?.[k] ?? null);
      if (v !== null && (!Number.isInteger(v) || v < 1 || v > 240)) errors.push(DomainError.badInput('INVALID_MONTHS', 'CERT_MONTHS_RANGE', {}, f(k)));
      return v;
    };
    const windowMonths = months('windowMonths');
    const validityMonths = months('validityMonths');
    const conn = this.scope.em.getConnection();
    let minimums: { categoryId: number; credits: string }[] | null = null;
    if (input.categoryMinimums) {
      minimums = [];
      const seen = new Set<number>();
      for (const [i, m] of input.categoryMinimums.entries()) {
        try {
          const categoryId = decodeIdOf('Category', m.categoryId, f('categoryMinimums', String(i), 'categoryId'));
          if (seen.has(categoryId)) errors.push(DomainError.badInput('INVALID_MINIMUM', 'CERT_MINIMUM_DUPLICATE', {}, f('categoryMinimums', String(i), 'categoryId')));
          seen.add(categoryId);
          const credits = String(m.credits);
          if (!DECIMAL.test(credits) || Number(credits) <= 0 || (totalOk && Number(credits) > Number(totalCredits)))
            errors.push(DomainError.badInput('INVALID_MINIMUM', 'CERT_MINIMUM_RANGE', {}, f('categoryMinimums', String(i), 'credits')));
          else if (!(await conn.execute<{ id: number }[]>(`select id from category where id = ?`, [categoryId])).length)
            errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'CERT_CATEGORY_NOT_FOUND', {}, f('categoryMinimums', String(i), 'categoryId')));
          else minimums.push({ categoryId, credits });
        } catch (e) {
          errors.push(e as DomainError);
        }
      }
      const sum = minimums.reduce((a, m) => a + Number(m.credits), 0);
      if (totalOk && sum > Number(totalCredits)) errors.push(DomainError.badInput('INVALID_MINIMUM', 'CERT_MINIMUMS_EXCEED_TOTAL', { sum: trimDecimal(sum), total: trimDecimal(totalCredits) }, f('categoryMinimums')));
    }
    let courses: { id: number; title: string; titleKey: string }[] | null = null;
    if (input.requiredCourseIds) {
      courses = [];
      for (const [i, g] of input.requiredCourseIds.entries()) {
        try {
          const id = decodeIdOf('Course', g, f('requiredCourseIds', String(i)));
          const [c] = await conn.execute<{ id: number; title: string; title_key: string }[]>(`select id, title, title_key from course where id = ?`, [id]);
          if (!c) errors.push(DomainError.badInput('COURSE_NOT_FOUND', 'CERT_COURSE_NOT_FOUND', {}, f('requiredCourseIds', String(i))));
          else if (!courses.some((x) => x.titleKey === (c.title_key || normalizeTitleKey(c.title)))) courses.push({ id, title: c.title, titleKey: c.title_key || normalizeTitleKey(c.title) });
        } catch (e) {
          errors.push(e as DomainError);
        }
      }
    }
    if (errors.length) throw new DomainErrors(errors);
    return { code, name, description, totalCredits, windowMonths, validityMonths, minimums, courses };
  }

  private async saveProgram(existing: CertificationProgram | null, input: ProgramInput): Promise<CertificationProgram> {
    const v = await this.validateProgram(input, existing);
    try {
      return await this.scope.em.transactional(async (tx) => {
        const p = existing ? tx.merge(existing) : tx.create(CertificationProgram, { code: v.code, name: v.name, totalCredits: v.totalCredits });
        Object.assign(p, { name: v.name, description: v.description, totalCredits: v.totalCredits, windowMonths: v.windowMonths, validityMonths: v.validityMonths });
        if (input.active != null) p.active = input.active;
        await tx.flush();
        const conn = tx.getConnection();
        const ctx = tx.getTransactionContext();
        if (v.minimums) {
          await conn.execute(`delete from certification_program_category_minimum where program_id = ?`, [p.id], 'run', ctx);
          if (v.minimums.length)
            await conn.execute(
              `insert into certification_program_category_minimum (program_id, category_id, credits) select ?, c, m from unnest(?::int[], ?::numeric[]) as x(c, m)`,
              [p.id, pgArray(v.minimums.map((m) => m.categoryId)), pgArray(v.minimums.map((m) => m.credits))],
              'run',
              ctx,
            );
        }
        if (v.courses) {
          await conn.execute(`delete from certification_program_required_course where program_id = ?`, [p.id], 'run', ctx);
          if (v.courses.length)
            await conn.execute(
              `insert into certification_program_required_course (program_id, course_id, title, title_key) select ?, c, t, k from unnest(?::int[], ?::text[], ?::text[]) as x(c, t, k)`,
              [p.id, pgArray(v.courses.map((c) => c.id)), pgArray(v.courses.map((c) => c.title)), pgArray(v.courses.map((c) => c.titleKey))],
              'run',
              ctx,
            );
        }
        return p;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw DomainError.badInput('CODE_TAKEN', 'CERT_CODE_TAKEN', { code: v.code }, ['input', 'code']);
      throw e;
    }
  }

  /** `certificationProgramCreate` (institute administrators). */
  createProgram(input: ProgramInput): Promise<CertificationProgram> {
    this.requireInstituteAdmin();
    return this.saveProgram(null, { ...input, active: null });
  }

  private async programForChange(gid: string): Promise<CertificationProgram> {
    const id = decodeIdOf('CertificationProgram', gid, ['input', 'id']);
    const p = await this.scope.em.findOne(CertificationProgram, { id });
    if (!p) throw DomainError.badInput('PROGRAM_NOT_FOUND', 'CERT_PROGRAM_NOT_FOUND', {}, ['input', 'id']);
    return p;
  }

  /** `certificationProgramUpdate`: lists given replace the old ones. */
  async updateProgram(gid: string, input: ProgramInput): Promise<CertificationProgram> {
    this.requireInstituteAdmin();
    return this.saveProgram(await this.programForChange(gid), input);
  }

  /** `certificationProgramDeactivate`: no new awards; awarded certifications stay. */
  async deactivateProgram(gid: string): Promise<CertificationProgram> {
    this.requireInstituteAdmin();
    const p = await this.programForChange(gid);
    const rows = await this.scope.em
      .getConnection()
      .execute<Record<string, unknown>[]>(`update certification_program set active = false, updated_at = ? where id = ? and active returning *`, [now(), p.id]);
    if (!rows.length) throw DomainError.badInput('ALREADY_INACTIVE', 'CERT_ALREADY_INACTIVE', {}, ['input', 'id']);
    this.scope.em.clear();
    return this.scope.em.map(CertificationProgram, rows[0]);
  }

  // ================================================================ progress and awards

  private async progressRows(em: EntityManager, servantIds: readonly number[] | null): Promise<ProgressValue[]> {
    const ids = servantIds ? pgArray([...servantIds]) : null;
    const at = now();
    const rows = await em.getConnection().execute<ProgressRow[]>(PROGRESS_SQL, [at, kstDate(at), '{}', ids, ids], 'all', em.getTransactionContext());
    return rows.map(progressOf);
  }

  /** A servant's progress toward every active programme (the servant and administrators in scope), batched. */
  async progress(servant: Servant): Promise<(ProgressValue & { missingText: string[] })[]> {
    await this.servantService.readPersonal(servant, PersonalDataAction.READ_EDUCATION);
    const loader = this.scope.memoize(
      'cert.progress',
      () =>
        new DataLoader<number, ProgressValue[]>(async (ids) => {
          const all = await this.progressRows(this.scope.em, ids);
          return ids.map((id) => all.filter((p) => p.servantId === id));
        }),
    );
    const programs = await Promise.all((await loader.load(servant.id)).map(async (p) => ({ p, program: await this.programById(p.programId) })));
    return programs
      .sort((a, b) => (a.program?.name ?? '').localeCompare(b.program?.name ?? '', 'ko'))
      .map(({ p }) => ({ ...p, missingText: p.missing.map((m) => t(m.key, this.scope.locale, m.params)) }));
  }

  /** A servant's certifications, newest first (the servant and administrators in scope). */
  async certificationsOf(servant: Servant): Promise<Certification[]> {
    await this.servantService.readPersonal(servant, PersonalDataAction.READ_EDUCATION);
    const loader = this.scope.memoize(
      'cert.ofServant',
      () =>
        new DataLoader<number, Certification[]>(async (ids) => {
          const rows = await this.scope.em.find(Certification, { servant: { $in: [...ids] } }, { orderBy: { awardedAt: 'desc', id: 'desc' } });
          return ids.map((id) => rows.filter((r) => r.servant.id === id));
        }),
    );
    return loader.load(servant.id);
  }

  /** Certifications by id, only those whose holder the viewer may see. */
  async certificationsByIds(ids: number[]): Promise<Map<number, Certification>> {
    const rows = await this.scope.em.find(Certification, { id: { $in: ids } });
    const visible = await this.servantService.byIds([...new Set(rows.map((r) => r.servant.id))]);
    return new Map(rows.filter((r) => visible.has(r.servant.id)).map((r) => [r.id, r]));
  }

  /**
   * Awards every certification now earned by these servants (null = every servant), exactly
   * once per cycle: candidates are computed in one statement, inserted in one statement with
   * `on conflict do nothing` on (programme, servant, cycle), so two concurrent evaluations
   * award once. The holders are notified in the same transaction; `certificationAwarded` and
   * `notificationReceived` are published after commit (through the request scope).
   *
   * Pass `tx` to run inside the caller's transaction (the ledger calls it right after
   * crediting, so the award commits or rolls back with the credit); without it, this opens
   * its own transaction. No authorisation here: callers decide who may trigger it.
   */
  async evaluateAndAward(tx: EntityManager | null | undefined, servantIds: readonly number[] | null): Promise<Certification[]> {
    if (servantIds && servantIds.length === 0) return [];
    const run = async (em: EntityManager) => {
      const candidates = (await this.progressRows(em, servantIds)).filter((p) => p.eligible);
      if (!candidates.length) return { awarded: [] as Certification[], notified: [] as { id: number; servantId: number }[], payload: [] as CertificationAwardedPayload['awards'] };
      const at = now();
      const expires = candidates.map((c) => {
        if (c.validityMonths == null) return null;
        const d = new Date(at);
        d.setUTCMonth(d.getUTCMonth() + c.validityMonths);
        return d.toISOString();
      });
      const conn = em.getConnection();
      const ctx = em.getTransactionContext();
      const rows = await conn.execute<(Record<string, unknown> & { path: string; program_name: string })[]>(
        `with ins as (
           insert into certification (program_id, servant_id, cycle, awarded_at, expires_at, verification_code, credits_counted, ledger_watermark)
           select p, s, c, ?::timestamptz, e, v, cr, w from unnest(?::int[], ?::int[], ?::int[], ?::timestamptz[], ?::text[], ?::numeric[], ?::bigint[]) as x(p, s, c, e, v, cr, w)
           on conflict (program_id, servant_id, cycle) do nothing
           returning *
         )
         select ins.*, u.path, cp.name as program_name from ins join servant sv on sv.id = ins.servant_id
           join organization u on u.id = coalesce(sv.department_id, sv.organization_id) join certification_program cp on cp.id = ins.program_id`,
        [
          at,
          pgArray(candidates.map((c) => c.programId)),
          pgArray(candidates.map((c) => c.servantId)),
          pgArray(candidates.map((c) => c.nextCycle)),
          pgArray(expires),
          pgArray(candidates.map(() => newVerificationCode())),
          pgArray(candidates.map((c) => c.credits)),
          pgArray(candidates.map((c) => c.maxEntry)),
        ],
        'all',
        ctx,
      );
      const awarded = rows.map(({ path: _p, program_name: _n, ...r }) => em.map(Certification, r));
      const notified = await createNotifications(
        em,
        rows.map((r) => ({
          servantId: Number(r.servant_id),
          kind: NotificationKind.CERTIFICATION_AWARDED,
          params: {
            programName: r.program_name,
            expiresOn: r.expires_at ? kstDate(new Date(r.expires_at as string)) : '없음',
            verificationCode: r.verification_code,
            certificationId: Number(r.id),
          },
          dedupKey: `certification:${r.id}`,
        })),
      );
      const payload = rows.map((r) => ({ certificationId: Number(r.id), servantId: Number(r.servant_id), programId: Number(r.program_id), path: r.path }));
      return { awarded, notified, payload };
    };
    const result = tx ? await run(tx) : await this.scope.em.transactional(run);
    if (result.awarded.length) {
      this.scope.afterCommit(async () => {
        for (let i = 0; i < result.payload.length; i += 100) {
          await this.events.publishAsync(Topics.CERTIFICATION_AWARDED, { awards: result.payload.slice(i, i + 100) } satisfies CertificationAwardedPayload);
        }
        await publishNotified(this.events, result.notified);
      });
    }
    return result.awarded;
  }

  /**
   * After ledger entries were reversed (in the caller's transaction, under the servants' locks):
   * a certification not revoked that counted a reversed entry, and that met its requirements
   * without the reversal but does not with it, is revoked (kept, with when and why; verification
   * then says REVOKED) and its holder is told. The holders are then evaluated again, so newer
   * credits that meet the requirements award the next cycle at once. No authorisation here:
   * the ledger calls it.
   */
  async reviewAfterReversals(tx: EntityManager, reversals: readonly { id: string; reversesId: string }[]): Promise<Certification[]> {
    if (!reversals.length) return [];
    const conn = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const at = now();
    const entries = pgArray(reversals.map((r) => r.reversesId));
    const recheck = (ignored: string) => conn.execute<ProgressRow[]>(RECHECK_SQL, [at, kstDate(at), ignored, entries, entries], 'all', ctx);
    const metBefore = new Set((await recheck(pgArray(reversals.map((r) => r.id)))).filter((r) => progressOf(r).complete).map((r) => Number(r.certification_id)));
    const lost = (await recheck('{}')).filter((r) => !progressOf(r).complete && metBefore.has(Number(r.certification_id)));
    if (!lost.length) return [];
    const titles = await conn.execute<{ servant_id: number; titles: string }[]>(
      `select servant_id, string_agg(distinct coalesce(subject_title, '#' || id), ', ') as titles from credit_transaction where id = any(?::bigint[]) group by servant_id`,
      [entries],
      'all',
      ctx,
    );
    const titlesOf = new Map(titles.map((r) => [Number(r.servant_id), r.titles]));
    const rows = await conn.execute<(Record<string, unknown> & { program_name: string })[]>(
      `with x as (select * from unnest(?::int[], ?::text[]) as x(id, reason)),
       upd as (update certification c set revoked_at = ?, revoked_reason = x.reason from x where c.id = x.id and c.revoked_at is null returning c.*)
       select upd.*, p.name as program_name from upd join certification_program p on p.id = upd.program_id`,
      [
        pgArray(lost.map((r) => Number(r.certification_id))),
        pgArray(lost.map((r) => t('CERT_REVOKED_REASON', 'ko', { titles: titlesOf.get(Number(r.servant_id)) ?? '' }))),
        at,
      ],
      'all',
      ctx,
    );
    const notified = await createNotifications(
      tx,
      rows.map((r) => ({
        servantId: Number(r.servant_id),
        kind: NotificationKind.CERTIFICATION_REVOKED,
        params: { programName: r.program_name, verificationCode: r.verification_code, reason: r.revoked_reason, certificationId: Number(r.id) },
        dedupKey: `certification-revoked:${r.id}`,
      })),
    );
    this.scope.afterCommit(() => publishNotified(this.events, notified));
    await this.evaluateAndAward(tx, [...new Set(rows.map((r) => Number(r.servant_id)))]);
    return rows.map(({ program_name: _n, ...r }) => tx.map(Certification, r));
  }

  /** `certificationEvaluate`: administrators evaluate one servant in scope, or everyone in scope. */
  async evaluateByAdmin(servantGid: string | null | undefined): Promise<Certification[]> {
    this.requireAdmin();
    let ids: number[] | null;
    if (servantGid) {
      const id = decodeIdOf('Servant', servantGid, ['input', 'servantId']);
      if (!(await this.servantService.byId(id))) throw DomainError.badInput('SERVANT_NOT_FOUND', 'CERT_SERVANT_NOT_FOUND', {}, ['input', 'servantId']);
      ids = [id];
    } else if (this.scope.viewer!.roles.includes(Role.INSTITUTE_ADMIN)) {
      ids = null;
    } else {
      const vis = this.servantService.visibility();
      const rows = await this.scope.em.getConnection().execute<{ id: number }[]>(`select s.id from servant s where ${vis.sql}`, vis.params);
      ids = rows.map((r) => Number(r.id));
    }
    return this.evaluateAndAward(null, ids);
  }

  /** Public verification: only the holder's name, the programme's name, the dates and the state. */
  async verify(code: string): Promise<{ holderName: string; programName: string; awardedAt: Date; expiresAt: Date | null; status: CertificationState } | null> {
    const c = normalizeVerificationCode(code);
    if (!c) return null;
    const [row] = await this.scope.em.getConnection().execute<{ holder_name: string; program_name: string; awarded_at: Date; expires_at: Date | null; revoked_at: Date | null }[]>(
      `select s.name as holder_name, p.name as program_name, c.awarded_at, c.expires_at, c.revoked_at
       from certification c join servant s on s.id = c.servant_id join certification_program p on p.id = c.program_id where c.verification_code = ?`,
      [c],
    );
    if (!row) return null;
    const expiresAt = row.expires_at ? new Date(row.expires_at) : null;
    return { holderName: row.holder_name, programName: row.program_name, awardedAt: new Date(row.awarded_at), expiresAt, status: certificationState(row.revoked_at ? new Date(row.revoked_at) : null, expiresAt) };
  }

}
