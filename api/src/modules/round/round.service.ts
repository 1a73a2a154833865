import DataLoader from 'dataloader';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { now } from '../../common/clock.js';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { keysetPage, keysetPagesByParent } from '../../common/keyset.js';
import { kstDateTime, kstMonth } from '../../common/kst.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type EnrollmentCountChangedPayload, type EnrollmentRoundStatusChangedPayload, Topics } from '../../events/topics.js';
import { Role } from '../account/account.entity.js';
import { CourseFormat } from '../catalog/catalog.entity.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { createNotifications, type NotificationDraft, publishNotified } from '../notification/notification.service.js';
import type { ServantService } from '../servant/servant.service.js';
import { cleanText } from '../servant/servant.validation.js';
import { CourseOffering, CourseOfferingStatus, Enrollment, EnrollmentRound, EnrollmentRoundStatus, EnrollmentStatus } from './round.entity.js';

const ACTIVE = `('REGISTERED', 'WAITLISTED', 'CONFIRMED')`;

export interface RoundCreateInput {
  month: string;
  opensAt: Date;
  closesAt: Date;
  minimumRegistrants?: number | null;
}

export interface OfferingInput {
  courseId?: string;
  startsAt?: Date;
  endsAt?: Date;
  place?: string | null;
  onlineUrl?: string | null;
  capacity?: number;
  minimumRegistrants?: number | null;
  instructorName?: string | null;
  eligibleOrganizationIds?: string[] | null;
}

export interface CloseOutcome {
  round: EnrollmentRound;
  confirmedOfferings: number;
  cancelledOfferings: number;
  notified: number;
}

/** Who triggered a transition (for the log and events). */
export type Actor = 'ADMIN' | 'SCHEDULE';

/**
 * Monthly enrollment rounds, their offerings and registrations, and the rule of five.
 * Capacity decisions take the offering's row lock; round transitions are guarded UPDATEs, so
 * an administrator and the scheduled job closing at the same moment produce one outcome.
 */
export class RoundService {
  constructor(
    private readonly scope: RequestScope,
    private readonly servants: ServantService | null,
    private readonly events: EventPublisher,
  ) {}

  private requireInstituteAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
  }

  // ---------------------------------------------------------------- reading

  list(args: ConnectionArgs, status?: EnrollmentRoundStatus | null): Promise<Connection<EnrollmentRound>> {
    this.scope.requireViewer();
    return keysetPage<EnrollmentRound>(
      this.scope.em,
      { entity: EnrollmentRound, alias: 'r', from: 'enrollment_round r', where: status ? 'r.status = ?' : 'true', params: status ? [status] : [], sortExpr: 'r.month', direction: 'desc' },
      pageRequest(args),
    );
  }

  /** The round servants should look at: the open one, else the next draft, else the latest. */
  async current(): Promise<EnrollmentRound | null> {
    this.scope.requireViewer();
    const [row] = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
      `select * from enrollment_round order by case status when 'OPEN' then 0 when 'DRAFT' then 1 else 2 end,
         case when status = 'CLOSED' then null else month end asc nulls last, month desc limit 1`,
    );
    return row ? this.scope.em.map(EnrollmentRound, row) : null;
  }

  roundById(id: number): Promise<EnrollmentRound | null> {
    const loader = this.scope.memoize(
      'round.byId',
      () =>
        new DataLoader<number, EnrollmentRound | null>(async (ids) => {
          const rows = await this.scope.em.find(EnrollmentRound, { id: { $in: [...ids] } });
          const m = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  offeringById(id: number): Promise<CourseOffering | null> {
    const loader = this.scope.memoize(
      'offering.byId',
      () =>
        new DataLoader<number, CourseOffering | null>(async (ids) => {
          const rows = await this.scope.em.find(CourseOffering, { id: { $in: [...ids] } });
          const m = new Map(rows.map((r) => [r.id, r]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  /** Offerings of many rounds at once (one windowed statement). */
  offerings(roundId: number, args: ConnectionArgs, status?: CourseOfferingStatus | null): Promise<Connection<CourseOffering>> {
    const page = pageRequest(args);
    const loader = this.scope.memoize(
      `round.offerings:${JSON.stringify([args, status])}`,
      () =>
        new DataLoader<number, Connection<CourseOffering>>(async (ids) => {
          const pages = await keysetPagesByParent<CourseOffering>(
            this.scope.em,
            {
              entity: CourseOffering,
              alias: 'o',
              from: 'course_offering o',
              where: status ? 'o.status = ?' : 'true',
              params: status ? [status] : [],
              sortExpr: `to_char(o.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')`,
              direction: 'asc',
              parentKey: 'o.round_id',
            },
            page,
            ids,
          );
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(roundId);
  }

  /** Registered and waitlisted counts of many offerings in one grouped statement. */
  counts(offeringId: number): Promise<{ registered: number; waitlisted: number; confirmed: number }> {
    const loader = this.scope.memoize(
      'offering.counts',
      () =>
        new DataLoader<number, { registered: number; waitlisted: number; confirmed: number }>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<{ id: number; r: string; w: string; c: string }[]>(
            `select offering_id as id, count(*) filter (where status = 'REGISTERED') as r, count(*) filter (where status = 'WAITLISTED') as w,
                    count(*) filter (where status in ('CONFIRMED', 'ATTENDED', 'COMPLETED', 'NO_SHOW')) as c
             from enrollment where offering_id = any(?::int[]) group by offering_id`,
            [pgArray([...ids])],
          );
          const m = new Map(rows.map((x) => [Number(x.id), { registered: Number(x.r), waitlisted: Number(x.w), confirmed: Number(x.c) }]));
          return ids.map((id) => m.get(id) ?? { registered: 0, waitlisted: 0, confirmed: 0 });
        }),
    );
    return loader.load(offeringId);
  }

  /** The minimum that applies to an offering: its own, else its round's. */
  async effectiveMinimum(o: CourseOffering): Promise<number> {
    if (o.minimumRegistrants != null) return o.minimumRegistrants;
    return (await this.roundById(o.round.id))?.minimumRegistrants ?? 5;
  }

  /** The viewer's own registration in an offering (servants), batched. */
  viewerEnrollment(offeringId: number): Promise<Enrollment | null> {
    const servantId = this.scope.viewer?.servantId;
    if (!servantId) return Promise.resolve(null);
    const loader = this.scope.memoize(
      'offering.viewerEnrollment',
      () =>
        new DataLoader<number, Enrollment | null>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
            `select distinct on (offering_id) * from enrollment where servant_id = ? and offering_id = any(?::int[]) order by offering_id, id desc`,
            [servantId, pgArray([...ids])],
          );
          const m = new Map(rows.map((r) => [Number(r.offering_id), this.scope.em.map(Enrollment, r)]));
          return ids.map((id) => m.get(id) ?? null);
        }),
    );
    return loader.load(offeringId);
  }

  /** Registrations of an offering that the viewer may see (administrators in scope; a servant only their own). */
  enrollmentsOfOffering(offeringId: number, args: ConnectionArgs, status?: EnrollmentStatus | null): Promise<Connection<Enrollment>> {
    const vis = this.servants!.visibility();
    const page = pageRequest(args);
    const loader = this.scope.memoize(
      `offering.enrollments:${JSON.stringify([args, status])}`,
      () =>
        new DataLoader<number, Connection<Enrollment>>(async (ids) => {
          const pages = await keysetPagesByParent<Enrollment>(
            this.scope.em,
            {
              entity: Enrollment,
              alias: 'e',
              from: 'enrollment e join servant s on s.id = e.servant_id',
              where: `${vis.sql}${status ? ' and e.status = ?' : ''}`,
              params: [...vis.params, ...(status ? [status] : [])],
              sortExpr: 'e.id',
              direction: 'asc',
              parentKey: 'e.offering_id',
            },
            page,
            ids,
          );
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(offeringId);
  }

  /** A servant's registrations, newest first (the servant and administrators in scope). */
  async enrollmentsOfServant(servantId: number, args: ConnectionArgs): Promise<Connection<Enrollment>> {
    const vis = this.servants!.visibility();
    return keysetPage<Enrollment>(
      this.scope.em,
      {
        entity: Enrollment,
        alias: 'e',
        from: 'enrollment e join servant s on s.id = e.servant_id',
        where: `e.servant_id = ? and ${vis.sql}`,
        params: [servantId, ...vis.params],
        sortExpr: 'e.id',
        direction: 'desc',
      },
      pageRequest(args),
    );
  }

  /** Position in the waiting list (1 = next to be promoted), or null. */
  async waitlistPosition(e: Enrollment): Promise<number | null> {
    if (e.status !== EnrollmentStatus.WAITLISTED) return null;
    const [r] = await this.scope.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from enrollment where offering_id = ? and status = 'WAITLISTED' and id <= ?`, [e.offering.id, e.id]);
    return Number(r.n);
  }

  /** What closing decided, counted from the rows (so it reads the same after any retry). */
  async outcome(roundId: number): Promise<{ confirmedOfferings: number; cancelledOfferings: number; confirmedRegistrations: number; discontinuedRegistrations: number }> {
    const [r] = await this.scope.em.getConnection().execute<{ co: string; ca: string; ce: string; de: string }[]>(
      `select (select count(*) from course_offering where round_id = ? and status in ('CONFIRMED', 'COMPLETED')) as co,
              (select count(*) from course_offering where round_id = ? and status = 'CANCELLED') as ca,
              (select count(*) from enrollment e join course_offering o on o.id = e.offering_id where o.round_id = ? and e.status in ('CONFIRMED', 'ATTENDED', 'COMPLETED', 'NO_SHOW')) as ce,
              (select count(*) from enrollment e join course_offering o on o.id = e.offering_id where o.round_id = ? and e.status = 'CANCELLED_COURSE_DISCONTINUED') as de`,
      [roundId, roundId, roundId, roundId],
    );
    return { confirmedOfferings: Number(r.co), cancelledOfferings: Number(r.ca), confirmedRegistrations: Number(r.ce), discontinuedRegistrations: Number(r.de) };
  }

  // ---------------------------------------------------------------- rounds

  /** Creates a month's round (institute administrators). */
  async createRound(input: RoundCreateInput): Promise<EnrollmentRound> {
    this.requireInstituteAdmin();
    const errors: DomainError[] = [];
    const month = cleanText(input.month);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) errors.push(DomainError.badInput('INVALID_MONTH', 'MONTH_FORMAT', {}, ['input', 'month']));
    if (!(input.closesAt > input.opensAt)) errors.push(DomainError.badInput('INVALID_WINDOW', 'WINDOW_ORDER', {}, ['input', 'closesAt']));
    const minimum = input.minimumRegistrants ?? 5;
    if (!Number.isInteger(minimum) || minimum < 1 || minimum > 1000) errors.push(DomainError.badInput('INVALID_MINIMUM', 'MINIMUM_RANGE', { max: 1000 }, ['input', 'minimumRegistrants']));
    if (errors.length) throw new DomainErrors(errors);
    try {
      return await this.scope.em.transactional(async (tx) => {
        const r = tx.create(EnrollmentRound, { month, opensAt: input.opensAt, closesAt: input.closesAt, minimumRegistrants: minimum });
        await tx.flush();
        return r;
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw DomainError.badInput('ROUND_EXISTS', 'ROUND_EXISTS', { month }, ['input', 'month']);
      throw e;
    }
  }

  private async roundForChange(roundGid: string, field: string[] = ['input', 'roundId']): Promise<EnrollmentRound> {
    const id = decodeIdOf('EnrollmentRound', roundGid, field);
    const round = await this.scope.em.findOne(EnrollmentRound, { id });
    if (!round) throw DomainError.badInput('ROUND_NOT_FOUND', 'ROUND_NOT_FOUND', {}, field);
    return round;
  }

  /** Opens a draft round for registration (administrators or the schedule). */
  async openRound(roundId: number, actor: Actor): Promise<EnrollmentRound | null> {
    if (actor === 'ADMIN') this.requireInstituteAdmin();
    const rows = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
      `update enrollment_round r set status = 'OPEN', opened_at = ? where r.id = ? and r.status = 'DRAFT'
         and exists (select 1 from course_offering o where o.round_id = r.id) returning r.*`,
      [now(), roundId],
    );
    if (!rows.length) return null;
    const round = this.scope.em.map(EnrollmentRound, rows[0]);
    this.scope.afterCommit(() =>
      this.events.publishAsync(Topics.ENROLLMENT_ROUND_STATUS_CHANGED, { roundId, status: 'OPEN' } satisfies EnrollmentRoundStatusChangedPayload),
    );
    return round;
  }

  /** `enrollmentRoundOpen`: explains why a round cannot open. */
  async openRoundByAdmin(roundGid: string): Promise<EnrollmentRound> {
    this.requireInstituteAdmin();
    const round = await this.roundForChange(roundGid);
    const opened = await this.openRound(round.id, 'ADMIN');
    if (opened) return opened;
    if (round.status !== EnrollmentRoundStatus.DRAFT) throw DomainError.badInput('ROUND_NOT_DRAFT', 'ROUND_NOT_DRAFT', { status: round.status }, ['input', 'roundId']);
    throw DomainError.badInput('NO_OFFERINGS', 'ROUND_HAS_NO_OFFERINGS', {}, ['input', 'roundId']);
  }

  /**
   * Closes a round and applies the rule of five, set-based and exactly once: the guarded
   * UPDATE lets one caller through; everyone else (another administrator, the job, a retry)
   * finds it closed and changes nothing. Offerings with at least their minimum are confirmed
   * with their registrations; the others are cancelled, their registrants told, and the
   * demands behind them reopened.
   */
  async closeRound(roundId: number, actor: Actor): Promise<CloseOutcome | null> {
    if (actor === 'ADMIN') this.requireInstituteAdmin();
    const at = now();
    const result = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const closed = await conn.execute<Record<string, unknown>[]>(
        `update enrollment_round set status = 'CLOSED', closed_at = ? where id = ? and status = 'OPEN' returning *`,
        [at, roundId],
        'all',
        ctx,
      );
      if (!closed.length) return null;
      const offerings = await conn.execute<{ id: number; status: string; n: string; min: number; title: string; starts_at: Date }[]>(
        `with counts as (
           select o.id, coalesce(o.minimum_registrants, r.minimum_registrants) as min,
                  count(e.id) filter (where e.status = 'REGISTERED') as n
           from course_offering o join enrollment_round r on r.id = o.round_id
           left join enrollment e on e.offering_id = o.id
           where o.round_id = ? and o.status = 'SCHEDULED'
           group by o.id, r.minimum_registrants
         )
         update course_offering o set status = case when c.n >= c.min then 'CONFIRMED' else 'CANCELLED' end
         from counts c, course co where o.id = c.id and co.id = o.course_id
         returning o.id, o.status, c.n, c.min, co.title, o.starts_at`,
        [roundId],
        'all',
        ctx,
      );
      const enrollments = await conn.execute<{ id: number; servant_id: number; status: string; offering_id: number }[]>(
        `update enrollment e set status = case when o.status = 'CONFIRMED' then 'CONFIRMED' else 'CANCELLED_COURSE_DISCONTINUED' end, updated_at = ?
         from course_offering o
         where o.id = e.offering_id and o.round_id = ?
           and (e.status = 'REGISTERED' or (e.status = 'WAITLISTED' and o.status = 'CANCELLED'))
         returning e.id, e.servant_id, e.status, e.offering_id`,
        [at, roundId],
        'all',
        ctx,
      );
      // Demands whose course was discontinued this month wait for a later month again,
      // unless another offering of the same course did open.
      await conn.execute(
        `update demand d set status = 'OPEN', updated_at = ?
         where d.status = 'PLANNED' and d.id in (
           select cd.demand_id from course_demand cd join course_offering o on o.course_id = cd.course_id
           where o.round_id = ? and o.status = 'CANCELLED')
         and not exists (
           select 1 from course_demand cd2 join course_offering o2 on o2.course_id = cd2.course_id
           where cd2.demand_id = d.id and o2.round_id = ? and o2.status = 'CONFIRMED')`,
        [at, roundId, roundId],
        'run',
        ctx,
      );
      const byOffering = new Map(offerings.map((o) => [Number(o.id), o]));
      const drafts: NotificationDraft[] = enrollments.map((e) => {
        const o = byOffering.get(Number(e.offering_id))!;
        const confirmed = e.status === EnrollmentStatus.CONFIRMED;
        return {
          servantId: Number(e.servant_id),
          kind: confirmed ? NotificationKind.ENROLLMENT_CONFIRMED : NotificationKind.COURSE_DISCONTINUED,
          params: { courseTitle: o.title, startsAt: kstDateTime(new Date(o.starts_at)), registrantCount: Number(o.n), minimum: o.min, offeringId: Number(o.id) },
          dedupKey: `round-close:${e.id}`,
        };
      });
      const notified = await createNotifications(tx, drafts);
      return {
        round: tx.map(EnrollmentRound, closed[0]),
        offeringIds: offerings.map((o) => Number(o.id)),
        confirmedOfferings: offerings.filter((o) => o.status === 'CONFIRMED').length,
        cancelledOfferings: offerings.filter((o) => o.status === 'CANCELLED').length,
        notified,
      };
    });
    if (!result) return null;
    this.scope.afterCommit(async () => {
      await this.events.publishAsync(Topics.ENROLLMENT_ROUND_STATUS_CHANGED, { roundId, status: 'CLOSED' } satisfies EnrollmentRoundStatusChangedPayload);
      if (result.offeringIds.length) await this.events.publishAsync(Topics.ENROLLMENT_COUNT_CHANGED, { roundId, offeringIds: result.offeringIds } satisfies EnrollmentCountChangedPayload);
      await publishNotified(this.events, result.notified);
    });
    return { round: result.round, confirmedOfferings: result.confirmedOfferings, cancelledOfferings: result.cancelledOfferings, notified: result.notified.length };
  }

  /** `enrollmentRoundClose`: a second close is refused with ALREADY_CLOSED and changes nothing. */
  async closeRoundByAdmin(roundGid: string): Promise<CloseOutcome> {
    this.requireInstituteAdmin();
    const round = await this.roundForChange(roundGid);
    const outcome = await this.closeRound(round.id, 'ADMIN');
    if (outcome) return outcome;
    const fresh = await this.scope.em.fork().findOne(EnrollmentRound, { id: round.id });
    if (fresh?.status === EnrollmentRoundStatus.CLOSED) throw DomainError.badInput('ALREADY_CLOSED', 'ROUND_NOT_OPEN', { status: fresh.status }, ['input', 'roundId']);
    throw DomainError.badInput('ROUND_NOT_OPEN', 'ROUND_NOT_OPEN', { status: fresh?.status ?? round.status }, ['input', 'roundId']);
  }

  /**
   * The schedule: opens draft rounds whose window has started and closes open rounds whose
   * window has ended. Safe to run on every API process and to retry.
   */
  async tick(): Promise<{ opened: number[]; closed: number[] }> {
    const at = now();
    const due = await this.scope.em.getConnection().execute<{ id: number; status: string }[]>(
      `select id, status from enrollment_round where (status = 'DRAFT' and opens_at <= ? and closes_at > ?) or (status = 'OPEN' and closes_at <= ?)`,
      [at, at, at],
    );
    const opened: number[] = [];
    const closed: number[] = [];
    for (const r of due) {
      if (r.status === 'DRAFT' && (await this.openRound(Number(r.id), 'SCHEDULE'))) opened.push(Number(r.id));
      if (r.status === 'OPEN' && (await this.closeRound(Number(r.id), 'SCHEDULE'))) closed.push(Number(r.id));
    }
    return { opened, closed };
  }

  // ---------------------------------------------------------------- offerings

  private async validateOffering(round: EnrollmentRound, input: OfferingInput, existing: CourseOffering | null): Promise<{ values: Partial<CourseOffering>; courseId: number }> {
    const errors: DomainError[] = [];
    const f = (n: string) => ['input', n];
    let courseId = existing?.course.id ?? 0;
    let course: { id: number; length_minutes: number; format: string } | undefined;
    if (input.courseId !== undefined) {
      try {
        courseId = decodeIdOf('Course', input.courseId, f('courseId'));
      } catch (e) {
        errors.push(e as DomainError);
      }
    }
    if (courseId) {
      [course] = await this.scope.em
        .getConnection()
        .execute<{ id: number; length_minutes: number; format: string }[]>(`select id, length_minutes, format from course where id = ? and status = 'ACTIVE'`, [courseId]);
      if (!course) errors.push(DomainError.badInput('COURSE_NOT_FOUND', 'COURSE_NOT_FOUND', {}, f('courseId')));
    }
    const startsAt = input.startsAt ?? existing?.startsAt;
    const endsAt = input.endsAt ?? existing?.endsAt;
    if (startsAt && endsAt) {
      const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
      if (minutes <= 0) errors.push(DomainError.badInput('INVALID_SLOT', 'SLOT_ORDER', {}, f('endsAt')));
      else if (course && minutes !== course.length_minutes) errors.push(DomainError.badInput('INVALID_SLOT', 'SLOT_LENGTH', { minutes, expected: course.length_minutes }, f('endsAt')));
      if (kstMonth(startsAt) !== round.month) errors.push(DomainError.badInput('INVALID_SLOT', 'SLOT_OUTSIDE_MONTH', { month: round.month }, f('startsAt')));
      else if (startsAt < round.closesAt) errors.push(DomainError.badInput('INVALID_SLOT', 'SLOT_BEFORE_CLOSE', {}, f('startsAt')));
    }
    const capacity = input.capacity ?? existing?.capacity;
    if (capacity === undefined || !Number.isInteger(capacity) || capacity < 1 || capacity > 10_000) errors.push(DomainError.badInput('INVALID_CAPACITY', 'CAPACITY_RANGE', {}, f('capacity')));
    const minimum = input.minimumRegistrants !== undefined ? input.minimumRegistrants : (existing?.minimumRegistrants ?? null);
    if (minimum != null && (!Number.isInteger(minimum) || minimum < 1 || minimum > 1000)) errors.push(DomainError.badInput('INVALID_MINIMUM', 'MINIMUM_RANGE', { max: 1000 }, f('minimumRegistrants')));
    else if (capacity && (minimum ?? round.minimumRegistrants) > capacity)
      errors.push(DomainError.badInput('INVALID_MINIMUM', 'MINIMUM_ABOVE_CAPACITY', { minimum: minimum ?? round.minimumRegistrants, capacity }, f('minimumRegistrants')));
    const place = input.place !== undefined ? cleanText(input.place) || null : (existing?.place ?? null);
    const onlineUrl = input.onlineUrl !== undefined ? cleanText(input.onlineUrl) || null : (existing?.onlineUrl ?? null);
    if (course?.format === CourseFormat.IN_PERSON && !place) errors.push(DomainError.badInput('LOCATION_REQUIRED', 'PLACE_REQUIRED', {}, f('place')));
    if (course && course.format !== CourseFormat.IN_PERSON && !(onlineUrl && /^https?:\/\/\S+$/.test(onlineUrl)))
      errors.push(DomainError.badInput('LOCATION_REQUIRED', 'LINK_REQUIRED', {}, f('onlineUrl')));
    let eligible: number[] | undefined;
    if (input.eligibleOrganizationIds) {
      try {
        eligible = [...new Set(input.eligibleOrganizationIds.map((g, i) => decodeIdOf('Organization', g, ['input', 'eligibleOrganizationIds', String(i)])))];
      } catch (e) {
        errors.push(e as DomainError);
      }
    }
    if (errors.length) throw new DomainErrors(errors);
    return {
      courseId,
      values: {
        startsAt,
        endsAt,
        capacity,
        minimumRegistrants: minimum,
        place,
        onlineUrl,
        instructorName: input.instructorName !== undefined ? cleanText(input.instructorName) || null : existing?.instructorName,
        ...(eligible ? { eligibleOrganizationIds: eligible } : {}),
      },
    };
  }

  private async draftRound(roundGid: string): Promise<EnrollmentRound> {
    const round = await this.roundForChange(roundGid);
    if (round.status !== EnrollmentRoundStatus.DRAFT) throw DomainError.badInput('ROUND_NOT_DRAFT', 'ROUND_NOT_DRAFT', { status: round.status }, ['input', 'roundId']);
    return round;
  }

  /** Adds an offering to a draft round. */
  async createOffering(roundGid: string, input: OfferingInput): Promise<CourseOffering> {
    this.requireInstituteAdmin();
    const round = await this.draftRound(roundGid);
    const { values, courseId } = await this.validateOffering(round, input, null);
    return this.scope.em.transactional(async (tx) => {
      const o = tx.create(CourseOffering, { ...values, round: tx.getReference(EnrollmentRound, round.id), course: courseId } as never);
      await tx.flush();
      return o as unknown as CourseOffering;
    });
  }

  private async offeringForChange(offeringGid: string): Promise<{ offering: CourseOffering; round: EnrollmentRound }> {
    const id = decodeIdOf('CourseOffering', offeringGid, ['input', 'id']);
    const offering = await this.scope.em.findOne(CourseOffering, { id });
    if (!offering) throw DomainError.badInput('OFFERING_NOT_FOUND', 'OFFERING_NOT_FOUND', {}, ['input', 'id']);
    const round = (await this.scope.em.findOne(EnrollmentRound, { id: offering.round.id }))!;
    if (round.status !== EnrollmentRoundStatus.DRAFT) throw DomainError.badInput('ROUND_NOT_DRAFT', 'ROUND_NOT_DRAFT', { status: round.status }, ['input', 'id']);
    return { offering, round };
  }

  /** Changes an offering of a draft round. */
  async updateOffering(offeringGid: string, input: OfferingInput): Promise<CourseOffering> {
    this.requireInstituteAdmin();
    const { offering, round } = await this.offeringForChange(offeringGid);
    const { values, courseId } = await this.validateOffering(round, input, offering);
    await this.scope.em.transactional(async (tx) => {
      const o = tx.merge(offering);
      Object.assign(o, values);
      if (courseId !== o.course.id) o.course = tx.getReference('Course', courseId) as never;
      await tx.flush();
    });
    return offering;
  }

  /** Removes an offering of a draft round. */
  async removeOffering(offeringGid: string): Promise<number> {
    this.requireInstituteAdmin();
    const { offering } = await this.offeringForChange(offeringGid);
    await this.scope.em.getConnection().execute(`delete from course_offering where id = ?`, [offering.id]);
    return offering.id;
  }

  // ---------------------------------------------------------------- registrations

  /**
   * The database's own guards, reached only when two requests race past the checks above:
   * a second active registration (unique index) or an overlapping one (exclusion constraint).
   */
  private async mapLockViolation(e: unknown, servantId: number, offeringId: number): Promise<never> {
    const code = (e as { code?: string }).code;
    if (e instanceof UniqueConstraintViolationException || code === '23505') throw DomainError.badInput('ALREADY_REGISTERED', 'ALREADY_REGISTERED', {}, ['input', 'offeringId']);
    if (code === '23P01') {
      const [c] = await this.scope.em.getConnection().execute<{ title: string; starts_at: Date }[]>(
        `select c.title, o2.starts_at from enrollment e join course_offering o2 on o2.id = e.offering_id join course c on c.id = o2.course_id
         join course_offering o on o.id = ? where e.servant_id = ? and e.status in ${ACTIVE} and tstzrange(e.starts_at, e.ends_at) && tstzrange(o.starts_at, o.ends_at) limit 1`,
        [offeringId, servantId],
      );
      throw DomainError.badInput('TIME_CONFLICT', 'TIME_CONFLICT', { course: c?.title ?? '', startsAt: c ? kstDateTime(new Date(c.starts_at)) : '' }, ['input', 'offeringId']);
    }
    throw e;
  }

  /**
   * Registers the viewer (a servant) in an offering while its round is open. Seats are
   * decided under the offering's row lock: when it is full the registration is waitlisted.
   */
  async enroll(offeringGid: string): Promise<Enrollment> {
    const v = this.scope.requireViewer();
    if (!v.servantId || !v.roles.includes(Role.SERVANT)) throw DomainError.badInput('NOT_A_SERVANT', 'ONLY_SERVANTS_ENROLL');
    const servantId = v.servantId;
    const offeringId = decodeIdOf('CourseOffering', offeringGid, ['input', 'offeringId']);
    const field = ['input', 'offeringId'];
    let enrollment: Enrollment;
    try {
      enrollment = await this.scope.em.transactional(async (tx) => {
        const conn = tx.getConnection();
        const ctx = tx.getTransactionContext();
        const q = <T>(sql: string, params: unknown[]) => conn.execute<T[]>(sql, params, 'all', ctx);
        const [o] = await q<{ id: number; status: string; capacity: number; starts_at: Date; ends_at: Date; eligible: number[]; round_status: string; opens_at: Date; closes_at: Date }>(
          `select o.id, o.status, o.capacity, o.starts_at, o.ends_at, o.eligible_organization_ids as eligible, r.status as round_status, r.opens_at, r.closes_at
           from course_offering o join enrollment_round r on r.id = o.round_id where o.id = ? for update of o`,
          [offeringId],
        );
        if (!o) throw DomainError.badInput('OFFERING_NOT_FOUND', 'OFFERING_NOT_FOUND', {}, field);
        const at = now();
        if (o.round_status !== 'OPEN' || at < new Date(o.opens_at) || at >= new Date(o.closes_at)) {
          throw DomainError.badInput('OUTSIDE_WINDOW', 'OUTSIDE_WINDOW', { opensAt: kstDateTime(new Date(o.opens_at)), closesAt: kstDateTime(new Date(o.closes_at)) }, field);
        }
        if (o.status !== 'SCHEDULED') throw DomainError.badInput('OUTSIDE_WINDOW', 'OFFERING_NOT_SCHEDULED', {}, field);
        if (o.eligible.length) {
          const [ok] = await q<{ ok: boolean }>(
            `select exists (select 1 from servant s join organization u on u.id = coalesce(s.department_id, s.organization_id)
               join organization e on e.id = any(?::int[]) where s.id = ? and u.path like e.path || '%') as ok`,
            [pgArray(o.eligible), servantId],
          );
          if (!ok.ok) throw DomainError.badInput('NOT_ELIGIBLE', 'NOT_ELIGIBLE', {}, field);
        }
        const [existing] = await q<{ id: number }>(`select id from enrollment where offering_id = ? and servant_id = ? and status in ${ACTIVE}`, [offeringId, servantId]);
        if (existing) throw DomainError.badInput('ALREADY_REGISTERED', 'ALREADY_REGISTERED', {}, field);
        const [conflict] = await q<{ title: string; starts_at: Date }>(
          `select c.title, o2.starts_at from enrollment e join course_offering o2 on o2.id = e.offering_id join course c on c.id = o2.course_id
           where e.servant_id = ? and e.status in ${ACTIVE} and tstzrange(e.starts_at, e.ends_at) && tstzrange(?::timestamptz, ?::timestamptz) limit 1`,
          [servantId, o.starts_at, o.ends_at],
        );
        if (conflict) throw DomainError.badInput('TIME_CONFLICT', 'TIME_CONFLICT', { course: conflict.title, startsAt: kstDateTime(new Date(conflict.starts_at)) }, field);
        const [{ n }] = await q<{ n: string }>(`select count(*) as n from enrollment where offering_id = ? and status = 'REGISTERED'`, [offeringId]);
        const status = Number(n) < o.capacity ? EnrollmentStatus.REGISTERED : EnrollmentStatus.WAITLISTED;
        const [row] = await q<Record<string, unknown>>(
          `insert into enrollment (offering_id, servant_id, status, starts_at, ends_at) values (?, ?, ?, ?, ?) returning *`,
          [offeringId, servantId, status, o.starts_at, o.ends_at],
        );
        return tx.map(Enrollment, row);
      });
    } catch (e) {
      if (e instanceof DomainError) throw e;
      return this.mapLockViolation(e, servantId, offeringId);
    }
    const round = await this.scope.em.getConnection().execute<{ round_id: number }[]>(`select round_id from course_offering where id = ?`, [offeringId]);
    this.scope.afterCommit(() =>
      this.events.publishAsync(Topics.ENROLLMENT_COUNT_CHANGED, { roundId: Number(round[0].round_id), offeringIds: [offeringId] } satisfies EnrollmentCountChangedPayload),
    );
    return enrollment;
  }

  /**
   * Cancels the viewer's registration while the round is open; a freed seat goes to the
   * first waitlisted servant, who is told.
   */
  async cancel(enrollmentGid: string): Promise<Enrollment> {
    const v = this.scope.requireViewer();
    const enrollmentId = decodeIdOf('Enrollment', enrollmentGid, ['input', 'enrollmentId']);
    const field = ['input', 'enrollmentId'];
    const result = await this.scope.em.transactional(async (tx) => {
      const conn = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const q = <T>(sql: string, params: unknown[]) => conn.execute<T[]>(sql, params, 'all', ctx);
      // Lock the offering first (the same order as enroll), then read the registration.
      const [o] = await q<{ id: number; round_id: number; round_status: string; opens_at: Date; closes_at: Date; title: string; starts_at: Date }>(
        `select o.id, o.round_id, r.status as round_status, r.opens_at, r.closes_at, c.title, o.starts_at
         from course_offering o join enrollment_round r on r.id = o.round_id join course c on c.id = o.course_id
         where o.id = (select offering_id from enrollment where id = ?) for update of o`,
        [enrollmentId],
      );
      const [e] = o ? await q<{ id: number; servant_id: number; status: string }>(`select id, servant_id, status from enrollment where id = ?`, [enrollmentId]) : [];
      if (!o || !e || e.servant_id !== v.servantId) throw DomainError.badInput('ENROLLMENT_NOT_FOUND', 'ENROLLMENT_NOT_FOUND', {}, field);
      const at = now();
      if (o.round_status !== 'OPEN' || at >= new Date(o.closes_at)) {
        throw DomainError.badInput('OUTSIDE_WINDOW', 'OUTSIDE_WINDOW', { opensAt: kstDateTime(new Date(o.opens_at)), closesAt: kstDateTime(new Date(o.closes_at)) }, field);
      }
      if (e.status !== EnrollmentStatus.REGISTERED && e.status !== EnrollmentStatus.WAITLISTED) throw DomainError.badInput('NOT_CANCELLABLE', 'NOT_CANCELLABLE', { status: e.status }, field);
      const [row] = await q<Record<string, unknown>>(`update enrollment set status = 'CANCELLED_BY_SERVANT', updated_at = ? where id = ? returning *`, [at, enrollmentId]);
      let notified: { id: number; servantId: number }[] = [];
      if (e.status === EnrollmentStatus.REGISTERED) {
        const promoted = await q<{ id: number; servant_id: number }>(
          `update enrollment set status = 'REGISTERED', updated_at = ? where id = (
             select id from enrollment where offering_id = ? and status = 'WAITLISTED' order by id limit 1) returning id, servant_id`,
          [at, o.id],
        );
        notified = await createNotifications(
          tx,
          promoted.map((p) => ({
            servantId: Number(p.servant_id),
            kind: NotificationKind.WAITLIST_PROMOTED,
            params: { courseTitle: o.title, startsAt: kstDateTime(new Date(o.starts_at)), offeringId: Number(o.id) },
            dedupKey: `promoted:${p.id}`,
          })),
        );
      }
      return { enrollment: tx.map(Enrollment, row), roundId: Number(o.round_id), offeringId: Number(o.id), notified };
    });
    this.scope.afterCommit(async () => {
      await this.events.publishAsync(Topics.ENROLLMENT_COUNT_CHANGED, { roundId: result.roundId, offeringIds: [result.offeringId] } satisfies EnrollmentCountChangedPayload);
      await publishNotified(this.events, result.notified);
    });
    return result.enrollment;
  }
}

export type { EntityManager };
