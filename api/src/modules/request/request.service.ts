import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { now } from '../../common/clock.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { type KeysetQuery, keysetPage, keysetPagesByParent } from '../../common/keyset.js';
import { kstMonth } from '../../common/kst.js';
import type { RequestScope } from '../../common/request-scope.js';
import { likeEscape, pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type DemandThresholdReachedPayload, type TrainingRequestSubmittedPayload, Topics } from '../../events/topics.js';
import { Role } from '../account/account.entity.js';
import { Course, CourseFormat } from '../catalog/catalog.entity.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { cleanMultiline } from '../catalog/catalog.validation.js';
import { PlatformSettingsService } from '../catalog/platform-settings.service.js';
import { NotificationKind } from '../notification/notification.entity.js';
import type { NotificationDraft, NotificationService } from '../notification/notification.service.js';
import { cleanText } from '../servant/servant.validation.js';
import { bestDemand, type DemandCandidate, type DemandMatcher, requestText, TfIdfDemandMatcher } from './demand-matcher.js';
import { Demand, DemandStatus, SynonymGroup, TrainingRequest, TrainingRequestStatus } from './request.entity.js';

/** Limits of request and demand fields (also quoted in the GraphQL descriptions). */
export const REQUEST_LIMITS = {
  titleMin: 2,
  titleMax: 100,
  descriptionMax: 2000,
  labelMin: 2,
  labelMax: 100,
  reasonMin: 2,
  reasonMax: 500,
  mergeSourcesMax: 20,
  splitRequestsMax: 100,
  synonymTermsMin: 2,
  synonymTermsMax: 20,
  synonymTermLengthMax: 30,
  similarCoursesMax: 20,
} as const;

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** Advisory-lock key (namespace, key) of request grouping: see `submit`. */
const LOCK_NAMESPACE = 4242;
const GROUPING_LOCK = 'request.grouping';

export enum DemandOrderField {
  REQUESTER_COUNT = 'REQUESTER_COUNT',
  CREATED_AT = 'CREATED_AT',
}

/** Distinct servants behind demand `d`: authors of open requests and "me too" backers. */
const REQUESTER_COUNT_SQL = `(select count(*) from (select rq.servant_id from training_request rq where rq.demand_id = d.id and rq.status = 'OPEN'
  union select ds.servant_id from demand_support ds where ds.demand_id = d.id) rc)::int`;

const SORT_EXPR: Record<DemandOrderField, string> = {
  REQUESTER_COUNT: REQUESTER_COUNT_SQL,
  // Ids follow creation; unlike a timestamp they round-trip exactly through a cursor.
  CREATED_AT: 'd.id',
};

export interface DemandFilter {
  status?: DemandStatus | null;
  categoryId?: string | null;
  search?: string | null;
}

export interface TrainingRequestSubmitFields {
  title: string;
  description?: string | null;
  categoryId?: string | null;
  preferredFormat?: CourseFormat | null;
  preferredMonth?: string | null;
}

export interface CourseFromDemandFields {
  demandId: string;
  code?: string | null;
  title?: string | null;
  description?: string | null;
  categoryId?: string | null;
  lengthMinutes: number;
  format: CourseFormat;
  tags?: string[] | null;
}

interface DemandRow {
  id: number;
  label: string;
  status: DemandStatus;
  category_id: number | null;
  merged_into_id: number | null;
}

function sql<R = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<R[]> {
  return em.getConnection().execute<R[]>(text, params, 'all', em.getTransactionContext());
}

function textLength(v: string): number {
  return [...v].length;
}

/**
 * Training requests and the demand they are grouped into: submission with automatic
 * grouping, "me too", withdrawal, the administrators' merge/split/decline, synonyms, and the
 * course created from a demand. Every change runs in one transaction; events and
 * notifications are published after it commits.
 */
export class RequestService {
  constructor(
    readonly scope: RequestScope,
    readonly catalog: CatalogService,
    readonly notifications: NotificationService,
    readonly events: EventPublisher,
    readonly matcher: DemandMatcher = new TfIdfDemandMatcher(),
  ) {}

  // ------------------------------------------------------------------ who may do what

  private servantId(): number {
    const v = this.scope.requireViewer();
    if (!v.servantId || !v.roles.includes(Role.SERVANT)) throw DomainError.badInput('NOT_A_SERVANT', 'REQUEST_NOT_A_SERVANT');
    return v.servantId;
  }

  private requireInstituteAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
  }

  /**
   * SQL condition (alias `r`) for the requests the viewer may list: administrators all of them
   * (the author is then shown only within their scope, by ServantService), a servant their own.
   */
  private requestVisibility(): { sql: string; params: unknown[] } {
    const v = this.scope.viewer;
    if (!v) return { sql: 'false', params: [] };
    if (v.roles.includes(Role.INSTITUTE_ADMIN) || v.roles.includes(Role.ORG_ADMIN)) return { sql: 'true', params: [] };
    if (v.roles.includes(Role.SERVANT) && v.servantId) return { sql: 'r.servant_id = ?', params: [v.servantId] };
    return { sql: 'false', params: [] };
  }

  /** Drops this module's per-operation caches after a change. */
  private forget(): void {
    for (const key of [...this.scope.memo.keys()]) if (key.startsWith('request.')) this.scope.memo.delete(key);
  }

  // ------------------------------------------------------------------ reads

  /** Demands by id (merged ones included); every signed-in viewer may read them. */
  async demandsByIds(ids: number[]): Promise<Map<number, Demand>> {
    this.scope.requireViewer();
    const loader = this.scope.memoize(
      'request.demandById',
      () =>
        new DataLoader<number, Demand | null>(async (keys) => {
          const rows = await sql(this.scope.em, `select * from demand where id = any(?::int[])`, [pgArray([...keys])]);
          const map = new Map(rows.map((r) => [Number(r.id), this.scope.em.map(Demand, r)]));
          return keys.map((k) => map.get(k) ?? null);
        }),
    );
    const found = (await Promise.all(ids.map((id) => loader.load(id)))).filter((d): d is Demand => d !== null);
    return new Map(found.map((d) => [d.id, d]));
  }

  async demandById(id: number): Promise<Demand | null> {
    return (await this.demandsByIds([id])).get(id) ?? null;
  }

  /** Requests by id that the viewer may see (node, nodes). */
  async requestsByIds(ids: number[]): Promise<Map<number, TrainingRequest>> {
    const vis = this.requestVisibility();
    const rows = await sql(this.scope.em, `select r.* from training_request r where r.id = any(?::int[]) and ${vis.sql}`, [pgArray(ids), ...vis.params]);
    return new Map(rows.map((r) => [Number(r.id), this.scope.em.map(TrainingRequest, r)]));
  }

  /** Distinct requesters of a demand; one statement for all the demands of a page. */
  requesterCount(demandId: number): Promise<number> {
    const loader = this.scope.memoize(
      'request.requesterCount',
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows = await sql<{ id: number; n: number }>(this.scope.em, `select d.id, ${REQUESTER_COUNT_SQL} as n from unnest(?::int[]) as d(id)`, [pgArray([...ids])]);
          const map = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
          return ids.map((id) => map.get(id) ?? 0);
        }),
    );
    return loader.load(demandId);
  }

  /** Whether the viewer (a servant) backs the demand or has an open request in it. */
  viewerIsRequester(demandId: number): Promise<boolean> {
    const servantId = this.scope.viewer?.servantId;
    if (!servantId) return Promise.resolve(false);
    const loader = this.scope.memoize(
      'request.viewerIsRequester',
      () =>
        new DataLoader<number, boolean>(async (ids) => {
          const rows = await sql<{ demand_id: number }>(
            this.scope.em,
            `select demand_id from training_request where servant_id = ? and status = 'OPEN' and demand_id = any(?::int[])
             union select demand_id from demand_support where servant_id = ? and demand_id = any(?::int[])`,
            [servantId, pgArray([...ids]), servantId, pgArray([...ids])],
          );
          const set = new Set(rows.map((r) => Number(r.demand_id)));
          return ids.map((id) => set.has(id));
        }),
    );
    return loader.load(demandId);
  }

  /** A demand's open requests the viewer may see, oldest first (batched across demands). */
  requestsOfDemand(demandId: number, args: ConnectionArgs): Promise<Connection<TrainingRequest>> {
    const page = pageRequest(args);
    const loader = this.scope.memoize(
      `request.ofDemand:${JSON.stringify(args)}`,
      () =>
        new DataLoader<number, Connection<TrainingRequest>>(async (ids) => {
          const vis = this.requestVisibility();
          const pages = await keysetPagesByParent<TrainingRequest>(
            this.scope.em,
            { entity: TrainingRequest, alias: 'r', from: 'training_request r', where: `r.status = 'OPEN' and ${vis.sql}`, params: vis.params, sortExpr: 'r.id', direction: 'asc', parentKey: 'r.demand_id' },
            page,
            ids,
          );
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(demandId);
  }

  /**
   * A servant's own requests, newest first, withdrawn ones included. The caller checks that
   * the viewer may read this servant (ServantService.canRead); batched across servants.
   */
  requestsOfServant(servantId: number, args: ConnectionArgs): Promise<Connection<TrainingRequest>> {
    const page = pageRequest(args);
    const loader = this.scope.memoize(
      `request.ofServant:${JSON.stringify(args)}`,
      () =>
        new DataLoader<number, Connection<TrainingRequest>>(async (ids) => {
          const pages = await keysetPagesByParent<TrainingRequest>(
            this.scope.em,
            { entity: TrainingRequest, alias: 'r', from: 'training_request r', where: 'true', params: [], sortExpr: 'r.id', direction: 'desc', parentKey: 'r.servant_id' },
            page,
            ids,
          );
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(servantId);
  }

  /** Demands (never merged ones), filtered and keyset-paged; administrators and servants. */
  async list(filter: DemandFilter, args: ConnectionArgs, order: { field: DemandOrderField; direction: 'asc' | 'desc' }): Promise<Connection<Demand>> {
    this.scope.requireViewer();
    const parts = ['d.merged_into_id is null'];
    const params: unknown[] = [];
    if (filter.status) {
      parts.push('d.status = ?');
      params.push(filter.status);
    }
    if (filter.categoryId) {
      parts.push('d.category_id = ?');
      params.push(decodeIdOf('Category', filter.categoryId, ['filter', 'categoryId']));
    }
    const search = cleanText(filter.search).toLowerCase().replace(/\s+/g, '');
    if (search) {
      const like = `%${likeEscape(search)}%`;
      parts.push(
        `(regexp_replace(lower(d.label), '\\s+', '', 'g') like ? or exists (select 1 from training_request sr where sr.demand_id = d.id and sr.status = 'OPEN' and regexp_replace(lower(sr.title), '\\s+', '', 'g') like ?))`,
      );
      params.push(like, like);
    }
    const q: KeysetQuery = { entity: Demand, alias: 'd', from: 'demand d', where: parts.join(' and '), params, sortExpr: SORT_EXPR[order.field], direction: order.direction };
    return keysetPage<Demand>(this.scope.em, q, pageRequest(args));
  }

  /** Courses linked to the demand (through `course_demand`); batched by the catalogue. */
  linkedCourses(demandId: number): Promise<Course[]> {
    return this.catalog.coursesAnsweringDemand(demandId);
  }

  /** Administrator synonym groups, read once per operation. */
  private adminSynonyms(em: EntityManager = this.scope.em): Promise<string[][]> {
    const load = async () => (await sql<{ terms: string[] }>(em, `select terms from synonym_group order by id`)).map((r) => r.terms);
    return em === this.scope.em ? this.scope.memoize('request.synonyms', load) : load();
  }

  /** Texts of active catalogue courses (matching background and similar-course search). */
  private activeCourseTexts(em: EntityManager = this.scope.em): Promise<{ id: number; text: string }[]> {
    const load = async () =>
      (await sql<{ id: number; title: string; description: string; tags: string[] }>(em, `select id, title, description, tags from course where status = 'ACTIVE' order by id`)).map((c) => ({
        id: Number(c.id),
        text: `${c.title} ${c.tags.join(' ')} ${c.description}`,
      }));
    return em === this.scope.em ? this.scope.memoize('request.courseTexts', load) : load();
  }

  /** Label and open-request texts of demands (batched). */
  private demandText(demandId: number): Promise<string> {
    const loader = this.scope.memoize(
      'request.demandText',
      () =>
        new DataLoader<number, string>(async (ids) => {
          const rows = await sql<{ id: number; label: string; texts: string[] }>(
            this.scope.em,
            `select d.id, d.label, coalesce(array_agg(r.title || ' ' || r.description order by r.id) filter (where r.id is not null), '{}') as texts
             from demand d left join training_request r on r.demand_id = d.id and r.status = 'OPEN' where d.id = any(?::int[]) group by d.id`,
            [pgArray([...ids])],
          );
          const map = new Map(rows.map((r) => [Number(r.id), [r.label, ...r.texts].join(' ')]));
          return ids.map((id) => map.get(id) ?? '');
        }),
    );
    return loader.load(demandId);
  }

  /**
   * Active catalogue courses that already cover a demand's topic (the same matcher as
   * grouping; the catalogue is indexed once per operation), linked courses excluded.
   */
  async similarCourses(demandId: number, first: number): Promise<{ course: Course; score: number }[]> {
    if (!Number.isInteger(first) || first < 1 || first > REQUEST_LIMITS.similarCoursesMax) {
      throw DomainError.badInput('INVALID_ARGUMENT', 'PAGE_SIZE_LIMIT', { arg: 'first', max: REQUEST_LIMITS.similarCoursesMax }, ['first']);
    }
    const ranker = await this.scope.memoize('request.courseRanker', async () => {
      const [courses, synonyms] = await Promise.all([this.activeCourseTexts(), this.adminSynonyms()]);
      return this.matcher.ranker(courses, { synonyms });
    });
    const [text, linked, threshold] = await Promise.all([
      this.demandText(demandId),
      this.linkedCourses(demandId),
      this.scope.memoize('request.threshold', () => new PlatformSettingsService(this.scope.em).get('demandGroupingThreshold')),
    ]);
    const linkedIds = new Set(linked.map((c) => c.id));
    const hits = ranker(text, first + linkedIds.size, Number(threshold)).filter((h) => !linkedIds.has(h.id)).slice(0, first);
    const courses = await this.catalog.coursesByIds(hits.map((h) => h.id));
    return hits.filter((h) => courses.has(h.id)).map((h) => ({ course: courses.get(h.id)!, score: Math.round(h.score * 1000) / 1000 }));
  }

  /** Administrator synonym groups, oldest first. */
  listSynonymGroups(args: ConnectionArgs): Promise<Connection<SynonymGroup>> {
    this.scope.requireViewer();
    return keysetPage<SynonymGroup>(
      this.scope.em,
      { entity: SynonymGroup, alias: 'g', from: 'synonym_group g', where: 'true', params: [], sortExpr: 'g.id', direction: 'asc' },
      pageRequest(args),
    );
  }

  async synonymGroupsByIds(ids: number[]): Promise<Map<number, SynonymGroup>> {
    this.scope.requireViewer();
    const rows = await sql(this.scope.em, `select * from synonym_group where id = any(?::int[])`, [pgArray(ids)]);
    return new Map(rows.map((r) => [Number(r.id), this.scope.em.map(SynonymGroup, r)]));
  }

  // ------------------------------------------------------------------ shared write steps

  /** Serialises everything that reads or changes which demand a request belongs to. */
  private async lockGrouping(tx: EntityManager): Promise<void> {
    await sql(tx, 'select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_NAMESPACE, GROUPING_LOCK]);
  }

  /** Locks demands (in id order, so concurrent callers cannot deadlock) and returns them. */
  private async lockDemands(tx: EntityManager, ids: number[]): Promise<Map<number, DemandRow>> {
    const rows = await sql<DemandRow>(tx, `select id, label, status, category_id, merged_into_id from demand where id = any(?::int[]) order by id for update`, [pgArray(ids)]);
    return new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id), category_id: r.category_id == null ? null : Number(r.category_id), merged_into_id: r.merged_into_id == null ? null : Number(r.merged_into_id) }]));
  }

  /** The usual refusals for a demand that must still be open (`allowPlanned` for "me too" and new courses). */
  private checkDemand(d: DemandRow | undefined, field: string[], opts: { allowPlanned?: boolean } = {}): DemandRow {
    if (!d) throw DomainError.badInput('DEMAND_NOT_FOUND', 'REQUEST_DEMAND_NOT_FOUND', {}, field);
    if (d.merged_into_id) throw DomainError.badInput('DEMAND_MERGED', 'REQUEST_DEMAND_MERGED', { label: d.label }, field);
    if (d.status === DemandStatus.DECLINED) throw DomainError.badInput('DEMAND_DECLINED', 'REQUEST_DEMAND_DECLINED', { label: d.label }, field);
    if (d.status === DemandStatus.PLANNED && !opts.allowPlanned) throw DomainError.badInput('DEMAND_PLANNED', 'REQUEST_DEMAND_PLANNED', { label: d.label }, field);
    return d;
  }

  private async countRequesters(tx: EntityManager, demandId: number): Promise<number> {
    const [row] = await sql<{ n: number }>(tx, `select ${REQUESTER_COUNT_SQL} as n from (select ?::int as id) d`, [demandId]);
    return Number(row.n);
  }

  private async requesterIds(tx: EntityManager, demandId: number): Promise<number[]> {
    const rows = await sql<{ servant_id: number }>(
      tx,
      `select servant_id from training_request where demand_id = ? and status = 'OPEN' union select servant_id from demand_support where demand_id = ? order by 1`,
      [demandId, demandId],
    );
    return rows.map((r) => Number(r.servant_id));
  }

  /**
   * Marks the demand as having reached the minimum, once: the guarded UPDATE succeeds for the
   * first transaction only (the demand row is locked by the caller), and the event is queued
   * for after the commit.
   */
  private async checkThreshold(tx: EntityManager, demandId: number, pending: (() => Promise<void>)[]): Promise<void> {
    const minimum = Number(await new PlatformSettingsService(tx).get('demandMinimumRequesters'));
    const count = await this.countRequesters(tx, demandId);
    if (count < minimum) return;
    const rows = await sql(tx, `update demand set threshold_reached_at = now() where id = ? and threshold_reached_at is null returning id`, [demandId]);
    if (rows.length > 0) {
      const payload: DemandThresholdReachedPayload = { demandId, requesterCount: count };
      pending.push(() => this.events.publishAsync(Topics.DEMAND_THRESHOLD_REACHED, payload));
    }
  }

  /** Tells the authors of moved or grouped requests where their request now is. */
  private async notifyGrouped(tx: EntityManager, demandId: number, label: string, requests: { id: number; servant_id: number; title: string }[]): Promise<void> {
    if (requests.length === 0) return;
    const requesterCount = await this.countRequesters(tx, demandId);
    const drafts: NotificationDraft[] = requests.map((r) => ({
      servantId: Number(r.servant_id),
      kind: NotificationKind.REQUEST_GROUPED,
      params: { requestTitle: r.title, demandLabel: label, requesterCount },
      dedupKey: `request-grouped:${r.id}:${demandId}`,
    }));
    await this.notifications.notify(tx, drafts);
  }

  /** Runs `fn` in a transaction and queues its events for after the commit. */
  private async write<T>(fn: (tx: EntityManager, pending: (() => Promise<void>)[]) => Promise<T>): Promise<T> {
    const pending: (() => Promise<void>)[] = [];
    const result = await this.scope.em.transactional((tx) => fn(tx, pending));
    for (const p of pending) this.scope.afterCommit(p);
    this.forget();
    return result;
  }

  // ------------------------------------------------------------------ servants' actions

  /**
   * A servant submits a request; it joins the most similar open demand at or above the
   * grouping threshold, or starts a new one labelled with its title. Grouping holds one
   * advisory lock until commit, so two similar requests submitted at the same moment see each
   * other and end up in one demand rather than creating two.
   */
  async submit(input: TrainingRequestSubmitFields): Promise<{ request: TrainingRequest; demand: Demand }> {
    const servantId = this.servantId();
    const errors: DomainError[] = [];
    const L = REQUEST_LIMITS;
    const title = cleanText(input.title);
    if (!title) errors.push(DomainError.badInput('REQUIRED', 'REQUEST_TITLE_LENGTH', { min: L.titleMin, max: L.titleMax }, ['input', 'title']));
    else if (textLength(title) < L.titleMin) errors.push(DomainError.badInput('TOO_SHORT', 'REQUEST_TITLE_LENGTH', { min: L.titleMin, max: L.titleMax }, ['input', 'title']));
    else if (textLength(title) > L.titleMax) errors.push(DomainError.badInput('TOO_LONG', 'REQUEST_TITLE_LENGTH', { min: L.titleMin, max: L.titleMax }, ['input', 'title']));
    const description = cleanMultiline(input.description);
    if (textLength(description) > L.descriptionMax) errors.push(DomainError.badInput('TOO_LONG', 'REQUEST_DESCRIPTION_LENGTH', { max: L.descriptionMax }, ['input', 'description']));
    const month = cleanText(input.preferredMonth) || null;
    if (month && !MONTH.test(month)) errors.push(DomainError.badInput('INVALID_MONTH', 'REQUEST_MONTH_FORMAT', {}, ['input', 'preferredMonth']));
    else if (month && month < kstMonth(now())) errors.push(DomainError.badInput('MONTH_IN_PAST', 'REQUEST_MONTH_PAST', { month, current: kstMonth(now()) }, ['input', 'preferredMonth']));
    let categoryId: number | null = null;
    if (input.categoryId) {
      try {
        categoryId = decodeIdOf('Category', input.categoryId, ['input', 'categoryId']);
        if (!(await this.catalog.categoryById(categoryId))) errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'REQUEST_CATEGORY_NOT_FOUND', {}, ['input', 'categoryId']));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        errors.push(e);
      }
    }
    if (errors.length) throw new DomainErrors(errors);

    const text = requestText(title, description);
    const ids = await this.write(async (tx, pending) => {
      await this.lockGrouping(tx);
      const threshold = Number(await new PlatformSettingsService(tx).get('demandGroupingThreshold'));
      const candidates = (
        await sql<{ id: number; label: string; texts: string[] }>(
          tx,
          `select d.id, d.label, coalesce(array_agg(r.title || ' ' || r.description order by r.id) filter (where r.id is not null), '{}') as texts
           from demand d left join training_request r on r.demand_id = d.id and r.status = 'OPEN'
           where d.status = 'OPEN' and d.merged_into_id is null group by d.id order by d.id`,
        )
      ).map((r): DemandCandidate => ({ demandId: Number(r.id), label: r.label, texts: r.texts }));
      const [synonyms, courses] = await Promise.all([this.adminSynonyms(tx), this.activeCourseTexts(tx)]);
      const best = bestDemand(this.matcher.scoreDemands(text, candidates, { synonyms, background: courses.map((c) => c.text) }), threshold);
      let demandId: number;
      let label: string;
      if (best) {
        const locked = await this.lockDemands(tx, [best.demandId]);
        demandId = best.demandId;
        label = locked.get(demandId)!.label;
      } else {
        const [d] = await sql<{ id: number }>(tx, `insert into demand (label, category_id, created_at, updated_at) values (?, ?, ?, ?) returning id`, [title, categoryId, now(), now()]);
        demandId = Number(d.id);
        label = title;
      }
      const [r] = await sql<{ id: number }>(
        tx,
        `insert into training_request (servant_id, title, description, category_id, preferred_format, preferred_month, demand_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [servantId, title, description, categoryId, input.preferredFormat ?? null, month, demandId, now()],
      );
      const requestId = Number(r.id);
      await this.notifyGrouped(tx, demandId, label, [{ id: requestId, servant_id: servantId, title }]);
      await this.checkThreshold(tx, demandId, pending);
      const [org] = await sql<{ path: string }>(tx, `select o.path from servant s join organization o on o.id = coalesce(s.department_id, s.organization_id) where s.id = ?`, [servantId]);
      const payload: TrainingRequestSubmittedPayload = { requestId, demandId, organizationPath: org?.path ?? '/' };
      // Published before the threshold event: a reporter sees the request, then the milestone.
      pending.unshift(() => this.events.publishAsync(Topics.TRAINING_REQUEST_SUBMITTED, payload));
      return { requestId, demandId };
    });
    const request = await this.scope.em.findOneOrFail(TrainingRequest, ids.requestId, { refresh: true });
    const demand = await this.scope.em.findOneOrFail(Demand, ids.demandId, { refresh: true });
    return { request, demand };
  }

  /** The author withdraws an open request; it no longer counts toward its demand. */
  async withdraw(gid: string): Promise<TrainingRequest> {
    const servantId = this.servantId();
    const id = decodeIdOf('TrainingRequest', gid, ['input', 'id']);
    await this.write(async (tx) => {
      await this.lockGrouping(tx);
      const [row] = await sql<{ status: string }>(tx, `select status from training_request where id = ? and servant_id = ? for update`, [id, servantId]);
      if (!row) throw DomainError.badInput('REQUEST_NOT_FOUND', 'REQUEST_NOT_FOUND', {}, ['input', 'id']);
      if (row.status !== TrainingRequestStatus.OPEN) throw DomainError.badInput('ALREADY_WITHDRAWN', 'REQUEST_NOT_OPEN', {}, ['input', 'id']);
      await sql(tx, `update training_request set status = 'WITHDRAWN', withdrawn_at = now() where id = ?`, [id]);
    });
    return this.scope.em.findOneOrFail(TrainingRequest, id, { refresh: true });
  }

  /** "Me too": the viewer backs a demand, once (the unique constraint decides). */
  async support(gid: string): Promise<Demand> {
    const servantId = this.servantId();
    const id = decodeIdOf('Demand', gid, ['input', 'demandId']);
    await this.write(async (tx, pending) => {
      const d = this.checkDemand((await this.lockDemands(tx, [id])).get(id), ['input', 'demandId'], { allowPlanned: true });
      const [own] = await sql(tx, `select 1 from training_request where demand_id = ? and servant_id = ? and status = 'OPEN' limit 1`, [id, servantId]);
      if (own) throw DomainError.badInput('ALREADY_REQUESTED', 'REQUEST_ALREADY_REQUESTED', { label: d.label }, ['input', 'demandId']);
      const inserted = await sql(tx, `insert into demand_support (demand_id, servant_id, created_at) values (?, ?, ?) on conflict on constraint demand_support_once do nothing returning id`, [id, servantId, now()]);
      if (inserted.length === 0) throw DomainError.badInput('ALREADY_SUPPORTED', 'REQUEST_ALREADY_SUPPORTED', { label: d.label }, ['input', 'demandId']);
      await this.checkThreshold(tx, id, pending);
    });
    return this.scope.em.findOneOrFail(Demand, id, { refresh: true });
  }

  // ------------------------------------------------------------------ administrators' actions

  /** Merges demands into a target: requests and backings move, sources point at the target. */
  async merge(targetGid: string, sourceGids: string[]): Promise<Demand> {
    this.requireInstituteAdmin();
    const targetId = decodeIdOf('Demand', targetGid, ['input', 'targetId']);
    const sourceIds = [...new Set(sourceGids.map((g, i) => decodeIdOf('Demand', g, ['input', 'sourceIds', String(i)])))];
    if (sourceIds.length === 0 || sourceIds.length > REQUEST_LIMITS.mergeSourcesMax) {
      throw DomainError.badInput('SOURCES_REQUIRED', 'REQUEST_MERGE_SOURCES_REQUIRED', { max: REQUEST_LIMITS.mergeSourcesMax }, ['input', 'sourceIds']);
    }
    if (sourceIds.includes(targetId)) throw DomainError.badInput('MERGE_INTO_SELF', 'REQUEST_MERGE_SELF', {}, ['input', 'sourceIds']);
    await this.write(async (tx, pending) => {
      await this.lockGrouping(tx);
      const rows = await this.lockDemands(tx, [targetId, ...sourceIds]);
      const target = this.checkDemand(rows.get(targetId), ['input', 'targetId']);
      sourceIds.forEach((id, i) => this.checkDemand(rows.get(id), ['input', 'sourceIds', String(i)]));
      const moved = await sql<{ id: number; servant_id: number; title: string; status: string }>(
        tx,
        `update training_request set demand_id = ? where demand_id = any(?::int[]) returning id, servant_id, title, status`,
        [targetId, pgArray(sourceIds)],
      );
      await sql(
        tx,
        `insert into demand_support (demand_id, servant_id, created_at)
         select ?, servant_id, min(created_at) from demand_support where demand_id = any(?::int[]) group by servant_id
         on conflict on constraint demand_support_once do nothing`,
        [targetId, pgArray(sourceIds)],
      );
      await sql(tx, `delete from demand_support where demand_id = any(?::int[])`, [pgArray(sourceIds)]);
      await sql(tx, `update demand set merged_into_id = ?, updated_at = now() where id = any(?::int[])`, [targetId, pgArray(sourceIds)]);
      if (target.category_id == null) {
        const withCategory = sourceIds.map((id) => rows.get(id)!).find((s) => s.category_id != null);
        if (withCategory) await sql(tx, `update demand set category_id = ? where id = ?`, [withCategory.category_id, targetId]);
      }
      await sql(tx, `update demand set updated_at = now() where id = ?`, [targetId]);
      await this.notifyGrouped(tx, targetId, target.label, moved.filter((m) => m.status === TrainingRequestStatus.OPEN));
      await this.checkThreshold(tx, targetId, pending);
    });
    return this.scope.em.findOneOrFail(Demand, targetId, { refresh: true });
  }

  /** Moves some open requests of a demand into a new demand with its own label. */
  async split(demandGid: string, requestGids: string[], rawLabel: string): Promise<{ demand: Demand; newDemand: Demand }> {
    this.requireInstituteAdmin();
    const demandId = decodeIdOf('Demand', demandGid, ['input', 'demandId']);
    const requestIds = [...new Set(requestGids.map((g, i) => decodeIdOf('TrainingRequest', g, ['input', 'requestIds', String(i)])))];
    const errors: DomainError[] = [];
    const label = cleanText(rawLabel);
    const L = REQUEST_LIMITS;
    if (textLength(label) < L.labelMin || textLength(label) > L.labelMax) errors.push(DomainError.badInput('INVALID_LABEL', 'REQUEST_LABEL_LENGTH', { min: L.labelMin, max: L.labelMax }, ['input', 'label']));
    if (requestIds.length === 0 || requestIds.length > L.splitRequestsMax) {
      errors.push(DomainError.badInput('REQUESTS_REQUIRED', 'REQUEST_SPLIT_REQUESTS_REQUIRED', { max: L.splitRequestsMax }, ['input', 'requestIds']));
    }
    if (errors.length) throw new DomainErrors(errors);
    const newId = await this.write(async (tx, pending) => {
      await this.lockGrouping(tx);
      const d = this.checkDemand((await this.lockDemands(tx, [demandId])).get(demandId), ['input', 'demandId']);
      const open = new Set((await sql<{ id: number }>(tx, `select id from training_request where demand_id = ? and status = 'OPEN'`, [demandId])).map((r) => Number(r.id)));
      if (requestIds.some((id) => !open.has(id))) throw DomainError.badInput('REQUEST_NOT_IN_DEMAND', 'REQUEST_SPLIT_NOT_IN_DEMAND', {}, ['input', 'requestIds']);
      if (requestIds.length >= open.size) throw DomainError.badInput('NOTHING_LEFT', 'REQUEST_SPLIT_NOTHING_LEFT', {}, ['input', 'requestIds']);
      const [nd] = await sql<{ id: number }>(tx, `insert into demand (label, category_id, created_at, updated_at) values (?, ?, ?, ?) returning id`, [label, d.category_id, now(), now()]);
      const newDemandId = Number(nd.id);
      const moved = await sql<{ id: number; servant_id: number; title: string }>(
        tx,
        `update training_request set demand_id = ? where id = any(?::int[]) returning id, servant_id, title`,
        [newDemandId, pgArray(requestIds)],
      );
      await sql(tx, `update demand set updated_at = now() where id = ?`, [demandId]);
      await this.notifyGrouped(tx, newDemandId, label, moved);
      await this.checkThreshold(tx, newDemandId, pending);
      return newDemandId;
    });
    return {
      demand: await this.scope.em.findOneOrFail(Demand, demandId, { refresh: true }),
      newDemand: await this.scope.em.findOneOrFail(Demand, newId, { refresh: true }),
    };
  }

  /** Declines an open demand; its requesters are told why, and the reason stays on the demand. */
  async decline(demandGid: string, rawReason: string): Promise<Demand> {
    this.requireInstituteAdmin();
    const demandId = decodeIdOf('Demand', demandGid, ['input', 'demandId']);
    const reason = cleanMultiline(rawReason);
    const L = REQUEST_LIMITS;
    if (textLength(reason) < L.reasonMin || textLength(reason) > L.reasonMax) {
      throw DomainError.badInput('INVALID_REASON', 'REQUEST_REASON_LENGTH', { min: L.reasonMin, max: L.reasonMax }, ['input', 'reason']);
    }
    await this.write(async (tx) => {
      await this.lockGrouping(tx);
      const d = this.checkDemand((await this.lockDemands(tx, [demandId])).get(demandId), ['input', 'demandId']);
      await sql(tx, `update demand set status = 'DECLINED', decline_reason = ?, updated_at = now() where id = ?`, [reason, demandId]);
      const servants = await this.requesterIds(tx, demandId);
      await this.notifications.notify(
        tx,
        servants.map((servantId) => ({ servantId, kind: NotificationKind.DEMAND_DECLINED, params: { demandLabel: d.label, reason }, dedupKey: `demand-declined:${demandId}:${servantId}` })),
      );
    });
    return this.scope.em.findOneOrFail(Demand, demandId, { refresh: true });
  }

  /**
   * Creates a catalogue course for a demand, pre-filled from it (title from the label,
   * category from the demand, description from its requests), links them, marks the demand
   * PLANNED and tells its requesters — all in one transaction.
   */
  async createCourseFromDemand(input: CourseFromDemandFields): Promise<{ course: Course; demand: Demand }> {
    this.requireInstituteAdmin();
    const demandId = decodeIdOf('Demand', input.demandId, ['input', 'demandId']);
    const courseId = await this.write(async (tx) => {
      const d = this.checkDemand((await this.lockDemands(tx, [demandId])).get(demandId), ['input', 'demandId'], { allowPlanned: true });
      const categoryId = input.categoryId ?? d.category_id;
      if (categoryId == null) throw DomainError.badInput('CATEGORY_REQUIRED', 'REQUEST_COURSE_CATEGORY_REQUIRED', {}, ['input', 'categoryId']);
      let description = input.description;
      if (description == null) {
        const titles = await sql<{ title: string }>(tx, `select distinct on (title) title from training_request where demand_id = ? and status = 'OPEN' order by title`, [demandId]);
        description = titles.map((t) => `· ${t.title}`).join('\n').slice(0, 2000);
      }
      const course = await this.catalog.createCourse(tx, {
        code: input.code,
        title: input.title ?? d.label,
        description,
        categoryId,
        lengthMinutes: input.lengthMinutes,
        format: input.format,
        tags: input.tags,
        demandIds: [demandId],
      });
      await sql(tx, `update demand set status = 'PLANNED', updated_at = now() where id = ?`, [demandId]);
      const servants = await this.requesterIds(tx, demandId);
      await this.notifications.notify(
        tx,
        servants.map((servantId) => ({
          servantId,
          kind: NotificationKind.DEMAND_PLANNED,
          params: { demandLabel: d.label, courseTitle: course.title },
          dedupKey: `demand-planned:${demandId}:${course.id}:${servantId}`,
        })),
      );
      return course.id;
    });
    return {
      course: await this.scope.em.findOneOrFail(Course, courseId, { refresh: true }),
      demand: await this.scope.em.findOneOrFail(Demand, demandId, { refresh: true }),
    };
  }

  // ------------------------------------------------------------------ synonyms

  private cleanTerms(terms: string[]): string[] {
    const L = REQUEST_LIMITS;
    const seen = new Set<string>();
    const out: string[] = [];
    for (const t of terms) {
      const v = cleanText(t);
      const key = v.toLowerCase().replace(/\s+/g, '');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(v);
      }
    }
    const ok = out.length >= L.synonymTermsMin && out.length <= L.synonymTermsMax && out.every((t) => t.length > 0 && textLength(t) <= L.synonymTermLengthMax);
    if (!ok) throw DomainError.badInput('INVALID_TERMS', 'REQUEST_SYNONYM_TERMS', { min: L.synonymTermsMin, max: L.synonymTermsMax, maxLength: L.synonymTermLengthMax }, ['input', 'terms']);
    return out;
  }

  private synonymNotFound(): DomainError {
    return DomainError.badInput('SYNONYM_GROUP_NOT_FOUND', 'REQUEST_SYNONYM_NOT_FOUND', {}, ['input', 'id']);
  }

  /** Adds a synonym group; it applies to the next grouping. */
  async createSynonymGroup(terms: string[]): Promise<SynonymGroup> {
    this.requireInstituteAdmin();
    const clean = this.cleanTerms(terms);
    const id = await this.write(async (tx) => Number((await sql<{ id: number }>(tx, `insert into synonym_group (terms) values (?::text[]) returning id`, [pgArray(clean)]))[0].id));
    return this.scope.em.findOneOrFail(SynonymGroup, id, { refresh: true });
  }

  /** Replaces a group's terms. */
  async updateSynonymGroup(gid: string, terms: string[]): Promise<SynonymGroup> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('SynonymGroup', gid, ['input', 'id']);
    const clean = this.cleanTerms(terms);
    await this.write(async (tx) => {
      const rows = await sql(tx, `update synonym_group set terms = ?::text[], updated_at = now() where id = ? returning id`, [pgArray(clean), id]);
      if (rows.length === 0) throw this.synonymNotFound();
    });
    return this.scope.em.findOneOrFail(SynonymGroup, id, { refresh: true });
  }

  /** Deletes a group; requests already grouped stay where they are. */
  async deleteSynonymGroup(gid: string): Promise<number> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('SynonymGroup', gid, ['input', 'id']);
    await this.write(async (tx) => {
      const rows = await sql(tx, `delete from synonym_group where id = ? returning id`, [id]);
      if (rows.length === 0) throw this.synonymNotFound();
    });
    return id;
  }
}
