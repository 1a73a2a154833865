import DataLoader from 'dataloader';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeTitleKey } from '@kok/korean-text';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf } from '../../common/global-id.js';
import { type KeysetQuery, keysetPage } from '../../common/keyset.js';
import type { RequestScope } from '../../common/request-scope.js';
import { pgArray } from '../../common/sql.js';
import { now } from '../../common/clock.js';
import { kstYear } from '../../common/kst.js';
import { Role } from '../account/account.entity.js';
import { Demand } from '../request/request.entity.js';
import { cleanText } from '../servant/servant.validation.js';
import { Category, Course, CourseFormat, CourseStatus, LearningResource, LearningResourceKind } from './catalog.entity.js';
import { creditValueFor, isValidCreditsPerHour, CREDITS_PER_HOUR } from './catalog.credits.js';
import { CategoryType, CourseOrderField, LearningResourceType } from './catalog.types.js';
import { SETTING_DEFAULTS } from './platform-settings.service.js';
import {
  COURSE_LIMITS,
  type CourseFields,
  searchKey,
  validateCategoryFields,
  validateCourseFields,
  validateResourceFields,
} from './catalog.validation.js';

const SORT_EXPR: Record<CourseOrderField, string> = {
  TITLE: 'c.title',
  CODE: 'c.code',
  LENGTH: 'c.length_minutes',
  // Ids grow with insertion: the creation order without a timestamp in the cursor.
  CREATED_AT: 'c.id',
};

/** Namespace of this module's transaction-scoped advisory locks (pg_advisory_xact_lock(ns, key)). */
const LOCK_NAMESPACE = 724250;

export interface CourseFilter {
  /** Database id of a category: courses in it or any subcategory. */
  categoryId?: number | null;
  format?: CourseFormat | null;
  /** null: every status. */
  status?: CourseStatus | null;
  search?: string | null;
  tag?: string | null;
}

export interface CourseOrder {
  field: CourseOrderField;
  direction: 'asc' | 'desc';
}

/** What `createCourse` needs; the same rules as the courseCreate mutation. */
export interface CourseCreateFields extends CourseFields {
  title: string;
  lengthMinutes: number;
  /** Global id of a Category (from GraphQL input) or its database id (from another module). */
  categoryId: string | number;
  format: CourseFormat;
  /** Database ids of demands this course answers (linked through `course.demands`). */
  demandIds?: number[];
}

export interface CourseUpdateFields extends CourseFields {
  id: string;
  categoryId?: string | null;
  format?: CourseFormat | null;
}

export interface ResourceAddFields {
  courseId: string;
  title: string;
  url: string;
  provider?: string | null;
  kind: LearningResourceKind;
}

export interface CategoryCreateFields {
  code: string;
  name: string;
  parentId?: string | null;
  sortOrder?: number | null;
}

export interface CategoryUpdateFields {
  id: string;
  name?: string | null;
  /** undefined: keep; null: make top-level. */
  parentId?: string | null;
  sortOrder?: number | null;
}

interface CategoryRow {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
  sort_order: number;
}

const CATEGORIES_MEMO = 'catalog.categories';
const COURSE_MEMO = 'catalog.courseById';

async function sql<R = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<R[]> {
  return em.getConnection().execute<R[]>(text, params, 'all', em.getTransactionContext());
}

/** Holds a transaction-scoped lock on `key`: concurrent writers of the same key wait for the commit. */
async function advisoryLock(em: EntityManager, key: string): Promise<void> {
  await sql(em, 'select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_NAMESPACE, key]);
}

/** Decodes an id of the expected type into `errors` instead of throwing (to report every problem at once). */
function decodeInto(type: string, gid: string | number, field: string[], errors: DomainError[]): number | null {
  if (typeof gid === 'number') return gid;
  try {
    return decodeIdOf(type, gid, field);
  } catch (e) {
    if (e instanceof DomainError) {
      errors.push(e);
      return null;
    }
    throw e;
  }
}

/**
 * The course catalogue: categories, courses and their gathered learning resources. Anyone
 * signed in reads it; institute administrators change it. Reads go through per-operation
 * loaders (categories: one statement per operation; resources, counts: one per level).
 */
export class CatalogService {
  constructor(readonly scope: RequestScope) {}

  private requireInstituteAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN)) throw DomainError.forbidden();
  }

  private inTransaction<T>(tx: EntityManager | null | undefined, fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return tx ? fn(tx) : this.scope.em.transactional((em) => fn(em));
  }

  private forgetCaches(): void {
    this.scope.memo.delete(CATEGORIES_MEMO);
    this.scope.memo.delete(COURSE_MEMO);
    this.scope.memo.delete('catalog.activeCourseCount');
  }

  // ---------------------------------------------------------------- categories (reads)

  /** Every category, read once per operation (the tree is small). */
  private categoryMap(): Promise<Map<number, CategoryType>> {
    return this.scope.memoize(CATEGORIES_MEMO, async () => {
      const rows = await sql<CategoryRow>(this.scope.em, 'select id, code, name, parent_id, sort_order from category order by sort_order, name, id');
      return new Map(rows.map((r) => [Number(r.id), CategoryType.from({ id: Number(r.id), code: r.code, name: r.name, parentId: r.parent_id == null ? null : Number(r.parent_id), sortOrder: Number(r.sort_order) })]));
    });
  }

  /** All categories in sort order (parents and children alike; the tree is rebuilt with `parent`/`children`). */
  async listCategories(): Promise<CategoryType[]> {
    this.scope.requireViewer();
    return [...(await this.categoryMap()).values()];
  }

  /** One category (for course.category, node(id:) and other modules' references to a category). */
  async categoryById(id: number): Promise<CategoryType | null> {
    return (await this.categoryMap()).get(id) ?? null;
  }

  async categoriesByIds(ids: number[]): Promise<Map<number, CategoryType>> {
    const all = await this.categoryMap();
    return new Map(ids.filter((id) => all.has(id)).map((id) => [id, all.get(id)!]));
  }

  /** Direct subcategories, in sort order. */
  async childCategories(id: number): Promise<CategoryType[]> {
    return [...(await this.categoryMap()).values()].filter((c) => c.parentId === id);
  }

  /** A category and everything below it. */
  private async subtreeIds(id: number): Promise<number[]> {
    const all = [...(await this.categoryMap()).values()];
    const out = [id];
    for (let i = 0; i < out.length; i++) for (const c of all) if (c.parentId === out[i] && !out.includes(c.id)) out.push(c.id);
    return out;
  }

  /** Active courses directly in a category, counted for every category of a page in one statement. */
  activeCourseCount(categoryId: number): Promise<number> {
    const loader = this.scope.memoize(
      'catalog.activeCourseCount',
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows = await sql<{ id: number; n: string }>(
            this.scope.em,
            `select category_id as id, count(*) as n from course where status = 'ACTIVE' and category_id = any(?::int[]) group by category_id`,
            [pgArray([...ids])],
          );
          const map = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
          return ids.map((id) => map.get(id) ?? 0);
        }),
    );
    return loader.load(categoryId);
  }

  // ---------------------------------------------------------------- courses (reads)

  private async courseQuery(filter: CourseFilter, order: CourseOrder): Promise<KeysetQuery> {
    const parts = ['true'];
    const params: unknown[] = [];
    if (filter.status) {
      parts.push('c.status = ?');
      params.push(filter.status);
    }
    if (filter.format) {
      parts.push('c.format = ?');
      params.push(filter.format);
    }
    if (filter.categoryId != null) {
      parts.push('c.category_id = any(?::int[])');
      params.push(pgArray(await this.subtreeIds(filter.categoryId)));
    }
    const key = searchKey(filter.search);
    if (key) {
      // Whitespace-insensitive: both sides without any spacing ("생성형AI" finds "생성형 AI").
      // Fields are joined with '|' so that a match cannot span two of them.
      parts.push(`strpos(regexp_replace(lower(concat_ws('|', c.title, c.description, array_to_string(c.tags, '|'), c.code)), '[[:space:]]+', '', 'g'), ?) > 0`);
      params.push(key);
    }
    const tag = cleanText(filter.tag);
    if (tag) {
      parts.push('? = any(c.tags)');
      params.push(tag);
    }
    return { entity: Course, alias: 'c', from: 'course c', where: parts.join(' and '), params, sortExpr: SORT_EXPR[order.field], direction: order.direction };
  }

  /** Courses, filtered and keyset-paged (any signed-in viewer). */
  async listCourses(filter: CourseFilter, args: ConnectionArgs, order: CourseOrder): Promise<Connection<Course>> {
    this.scope.requireViewer();
    const page = pageRequest(args);
    return keysetPage<Course>(this.scope.em, await this.courseQuery(filter, order), page);
  }

  /** A course by database id, batched per operation (for references from other modules). */
  courseById(id: number): Promise<Course | null> {
    const loader = this.scope.memoize(
      COURSE_MEMO,
      () =>
        new DataLoader<number, Course | null>(async (ids) => {
          const rows = await this.scope.em.find(Course, { id: { $in: [...ids] } });
          const map = new Map(rows.map((c) => [c.id, c]));
          return ids.map((id) => map.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  /** For references that must exist (a resource's course; the foreign key guarantees it). */
  async courseByIdOrFail(id: number): Promise<Course> {
    const c = await this.courseById(id);
    if (!c) throw new Error(`course ${id} vanished`);
    return c;
  }

  async coursesByIds(ids: number[]): Promise<Map<number, Course>> {
    const rows = await Promise.all(ids.map((id) => this.courseById(id)));
    return new Map(rows.filter((c): c is Course => c !== null).map((c) => [c.id, c]));
  }

  /** A course's learning resources in the order they were added (batched by MikroORM's dataloader). */
  async resources(course: Course): Promise<LearningResourceType[]> {
    const items = await course.resources.load({ dataloader: true });
    return [...items].sort((a, b) => a.id - b.id).map((r) => LearningResourceType.fromEntity(r));
  }

  async resourcesByIds(ids: number[]): Promise<Map<number, LearningResourceType>> {
    const rows = await this.scope.em.find(LearningResource, { id: { $in: ids } });
    return new Map(rows.map((r) => [r.id, LearningResourceType.fromEntity(r)]));
  }

  /**
   * Courses linked to a demand (`course_demand`), every status, by title. Batched: the demands
   * of a whole page cost one statement.
   */
  coursesAnsweringDemand(demandId: number): Promise<Course[]> {
    const loader = this.scope.memoize(
      'catalog.coursesByDemand',
      () =>
        new DataLoader<number, Course[]>(async (ids) => {
          const rows = await sql<Record<string, unknown> & { _demand_id: number }>(
            this.scope.em,
            `select c.*, cd.demand_id as _demand_id from course_demand cd join course c on c.id = cd.course_id
             where cd.demand_id = any(?::int[]) order by c.title, c.id`,
            [pgArray([...ids])],
          );
          const byDemand = new Map<number, Course[]>(ids.map((id) => [id, []]));
          for (const { _demand_id, ...row } of rows) byDemand.get(Number(_demand_id))?.push(this.scope.em.map(Course, row));
          return ids.map((id) => byDemand.get(id) ?? []);
        }),
    );
    return loader.load(demandId);
  }

  /** `coursesAnsweringDemand` for several demands at once, in the order given. */
  coursesAnsweringDemands(demandIds: number[]): Promise<Course[][]> {
    return Promise.all(demandIds.map((id) => this.coursesAnsweringDemand(id)));
  }

  /**
   * Credits per hour of the current year (Korea time): the credit bank's policy of that year is
   * the one source (the same value the ledger uses for EARNED entries); 1 without a policy.
   */
  async creditsPerHour(em: EntityManager = this.scope.em): Promise<string> {
    const [row] = await em
      .getConnection()
      .execute<{ v: string }[]>(`select credits_per_hour::text as v from credit_policy where year = ?`, [kstYear(now())], 'all', em.getTransactionContext());
    const v = row?.v ?? String(SETTING_DEFAULTS.creditsPerHour);
    return v.includes('.') ? v.replace(/\.?0+$/, '') : v;
  }

  // ---------------------------------------------------------------- courses (writes)

  /**
   * Checks, under the caller's locks, what only the database knows: the category exists, the
   * code is free, no other active course has the same title key.
   */
  private async courseConflicts(
    em: EntityManager,
    c: { selfId: number | null; categoryId: number | null; code: string | null; titleKey: string | null },
    errors: DomainError[],
  ): Promise<void> {
    const [row] = await sql<{ category_ok: boolean | null; code_taken: boolean | null; dup_code: string | null; dup_title: string | null }>(
      em,
      `select
         case when ?::int is null then null else exists (select 1 from category where id = ?::int) end as category_ok,
         case when ?::text is null then null else exists (select 1 from course where code = ?::text and id <> coalesce(?::int, 0)) end as code_taken,
         d.code as dup_code, d.title as dup_title
       from (select 1) one
       left join lateral (
         select code, title from course where ?::text is not null and title_key = ?::text and status = 'ACTIVE' and id <> coalesce(?::int, 0) order by id limit 1
       ) d on true`,
      [c.categoryId, c.categoryId, c.code, c.code, c.selfId, c.titleKey, c.titleKey, c.selfId],
    );
    if (row.category_ok === false) errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'CATALOG_CATEGORY_NOT_FOUND', {}, ['input', 'categoryId']));
    if (row.code_taken) errors.push(DomainError.badInput('COURSE_CODE_TAKEN', 'CATALOG_COURSE_CODE_TAKEN', { code: c.code }, ['input', 'code']));
    if (row.dup_code) errors.push(DomainError.badInput('DUPLICATE_TITLE', 'CATALOG_DUPLICATE_TITLE', { code: row.dup_code, title: row.dup_title }, ['input', 'title']));
  }

  /** The next free generated code (C-0001, C-0002, …); call under the `course.code` lock. */
  private async nextCourseCode(em: EntityManager): Promise<string> {
    const [row] = await sql<{ n: string }>(em, `select coalesce(max(substring(code from '^C-([0-9]{1,15})$')::bigint), 0) + 1 as n from course`);
    return `C-${String(row.n).padStart(4, '0')}`;
  }

  private codeTaken(code: string): DomainError {
    return DomainError.badInput('COURSE_CODE_TAKEN', 'CATALOG_COURSE_CODE_TAKEN', { code }, ['input', 'code']);
  }

  /**
   * Creates a course (institute administrators) with every rule of `courseCreate`: field
   * checks, known category, free code (generated when absent), no active course with the same
   * title key. Inside `tx` when given — the caller's transaction, e.g. the demand module's
   * `courseCreateFromDemand`, whose demands are linked through `input.demandIds` — otherwise in
   * a transaction of its own. Problems are thrown together as `DomainErrors` whose codes are
   * values of `CourseCreateErrorCode`; nothing is written then (the caller rolls back its own
   * transaction). Concurrent creations of the same title or of generated codes are serialised
   * by transaction-scoped advisory locks held until the (caller's) commit.
   *
   * @example
   * await em.transactional(async (tx) => {
   *   const course = await catalog.createCourse(tx, { title, categoryId: demand.category!.id, lengthMinutes: 90, format, demandIds: [demand.id] });
   *   demand.status = DemandStatus.PLANNED;
   * });
   */
  async createCourse(tx: EntityManager | null | undefined, input: CourseCreateFields): Promise<Course> {
    this.requireInstituteAdmin();
    const { values, errors } = validateCourseFields(input, true);
    const categoryId = decodeInto('Category', input.categoryId, ['input', 'categoryId'], errors);
    const titleKey = values.title ? normalizeTitleKey(values.title) || null : null;
    const course = await this.inTransaction(tx, async (em) => {
      // Lock order everywhere: title, then code. Without the locks two concurrent requests
      // could both pass the checks below (e2e: "creates a title once under concurrent requests").
      if (titleKey) await advisoryLock(em, `course.title:${titleKey}`);
      await advisoryLock(em, 'course.code');
      await this.courseConflicts(em, { selfId: null, categoryId, code: values.code ?? null, titleKey }, errors);
      if (errors.length) throw new DomainErrors(errors);
      const code = values.code ?? (await this.nextCourseCode(em));
      const c = em.create(Course, {
        code,
        title: values.title!,
        titleKey: titleKey ?? '',
        description: values.description ?? '',
        category: em.getReference(Category, categoryId!),
        tags: values.tags ?? [],
        lengthMinutes: values.lengthMinutes!,
        creditValue: creditValueFor(values.lengthMinutes!, await this.creditsPerHour(em)),
        format: input.format,
      });
      for (const demandId of new Set(input.demandIds ?? [])) c.demands.add(em.getReference(Demand, demandId));
      try {
        await em.flush();
      } catch (e) {
        if (e instanceof UniqueConstraintViolationException) throw this.codeTaken(code);
        throw e;
      }
      return c;
    });
    this.forgetCaches();
    return course;
  }

  /** courseCreate: `createCourse` in its own transaction, returned as read after the commit. */
  async create(input: CourseCreateFields): Promise<Course> {
    const c = await this.createCourse(null, input);
    return this.reload(c.id);
  }

  /** Re-reads a course after a committed change, in the operation's EntityManager. */
  private async reload(id: number): Promise<Course> {
    this.forgetCaches();
    const c = await this.scope.em.findOne(Course, id, { refresh: true });
    if (!c) throw new Error(`course ${id} vanished`);
    return c;
  }

  private courseNotFound(field = ['input', 'id']): DomainError {
    return DomainError.badInput('COURSE_NOT_FOUND', 'CATALOG_COURSE_NOT_FOUND', {}, field);
  }

  /**
   * Changes a course (institute administrators); omitted fields stay. The same rules as
   * creation; the credit value is recomputed from the length and the current setting.
   */
  async updateCourse(input: CourseUpdateFields): Promise<Course> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('Course', input.id, ['input', 'id']);
    const { values, errors } = validateCourseFields(input, false);
    const categoryId = input.categoryId != null ? decodeInto('Category', input.categoryId, ['input', 'categoryId'], errors) : null;
    await this.scope.em.transactional(async (em) => {
      const [current] = await sql<{ code: string; title_key: string; status: CourseStatus; length_minutes: number }>(
        em,
        'select code, title_key, status, length_minutes from course where id = ? for update',
        [id],
      );
      if (!current) throw this.courseNotFound();
      const titleKey = values.title !== undefined ? normalizeTitleKey(values.title) || null : null;
      const titleChanged = titleKey !== null && titleKey !== current.title_key;
      const codeChanged = values.code !== undefined && values.code !== current.code;
      if (titleChanged) await advisoryLock(em, `course.title:${titleKey}`);
      if (codeChanged) await advisoryLock(em, 'course.code');
      await this.courseConflicts(
        em,
        {
          selfId: id,
          categoryId,
          code: codeChanged ? values.code! : null,
          // A retired course may share a title with an active one (it was replaced).
          titleKey: titleChanged && current.status === CourseStatus.ACTIVE ? titleKey : null,
        },
        errors,
      );
      if (errors.length) throw new DomainErrors(errors);
      const length = values.lengthMinutes ?? Number(current.length_minutes);
      const creditValue = creditValueFor(length, await this.creditsPerHour(em));
      try {
        await sql(
          em,
          `update course set
             code = coalesce(?::text, code), title = coalesce(?::text, title), title_key = coalesce(?::text, title_key),
             description = coalesce(?::text, description), category_id = coalesce(?::int, category_id),
             tags = coalesce(?::text[], tags), length_minutes = ?, credit_value = ?::numeric,
             format = coalesce(?::text, format), updated_at = now()
           where id = ?`,
          [
            values.code ?? null,
            values.title ?? null,
            values.title !== undefined ? (titleKey ?? '') : null,
            values.description ?? null,
            categoryId,
            values.tags ? pgArray(values.tags) : null,
            length,
            creditValue,
            input.format ?? null,
            id,
          ],
        );
      } catch (e) {
        if (e instanceof UniqueConstraintViolationException) throw this.codeTaken(values.code ?? '');
        throw e;
      }
    });
    return this.reload(id);
  }

  /** Retires an active course (institute administrators): one guarded statement, so it happens once. */
  async retireCourse(gid: string): Promise<Course> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('Course', gid, ['input', 'id']);
    const done = await sql<{ id: number }>(this.scope.em, `update course set status = 'RETIRED', updated_at = now() where id = ? and status = 'ACTIVE' returning id`, [id]);
    if (!done.length) {
      const [row] = await sql<{ code: string }>(this.scope.em, 'select code from course where id = ?', [id]);
      if (!row) throw this.courseNotFound();
      throw DomainError.badInput('ALREADY_RETIRED', 'CATALOG_ALREADY_RETIRED', { code: row.code }, ['input', 'id']);
    }
    return this.reload(id);
  }

  // ---------------------------------------------------------------- learning resources

  /** Adds material to a course (institute administrators); at most 20 per course. */
  async addResource(input: ResourceAddFields): Promise<{ learningResource: LearningResourceType; course: Course }> {
    this.requireInstituteAdmin();
    const errors: DomainError[] = [];
    const courseId = decodeInto('Course', input.courseId, ['input', 'courseId'], errors);
    const { values, errors: fieldErrors } = validateResourceFields(input);
    errors.push(...fieldErrors);
    const resourceId = await this.scope.em.transactional(async (em) => {
      // The course row lock makes the count-then-insert safe against concurrent additions.
      const [course] = courseId ? await sql<{ n: string }>(em, `select (select count(*) from learning_resource r where r.course_id = c.id) as n from course c where c.id = ? for update`, [courseId]) : [];
      if (courseId && !course) errors.unshift(this.courseNotFound(['input', 'courseId']));
      else if (course && Number(course.n) >= COURSE_LIMITS.resourcesMax) {
        errors.push(DomainError.badInput('TOO_MANY_RESOURCES', 'CATALOG_TOO_MANY_RESOURCES', { max: COURSE_LIMITS.resourcesMax }, ['input', 'courseId']));
      }
      if (errors.length) throw new DomainErrors(errors);
      const [row] = await sql<{ id: number }>(em, `insert into learning_resource (course_id, title, url, provider, kind) values (?, ?, ?, ?, ?) returning id`, [
        courseId,
        values.title,
        values.url,
        values.provider,
        input.kind,
      ]);
      return Number(row.id);
    });
    const course = await this.reload(courseId!);
    const learningResource = (await this.resourcesByIds([resourceId])).get(resourceId)!;
    return { learningResource, course };
  }

  /** Removes a learning resource (institute administrators). */
  async removeResource(gid: string): Promise<{ id: number; course: Course }> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('LearningResource', gid, ['input', 'id']);
    const [row] = await sql<{ course_id: number }>(this.scope.em, 'delete from learning_resource where id = ? returning course_id', [id]);
    if (!row) throw DomainError.badInput('RESOURCE_NOT_FOUND', 'CATALOG_RESOURCE_NOT_FOUND', {}, ['input', 'id']);
    return { id, course: await this.reload(Number(row.course_id)) };
  }

  // ---------------------------------------------------------------- categories (writes)

  private async categoriesIn(em: EntityManager): Promise<CategoryRow[]> {
    return sql<CategoryRow>(em, 'select id, code, name, parent_id, sort_order from category order by id');
  }

  private nameTaken(rows: CategoryRow[], name: string, selfId: number | null): CategoryRow | undefined {
    const key = normalizeTitleKey(name);
    return rows.find((r) => Number(r.id) !== selfId && normalizeTitleKey(r.name) === key);
  }

  /** Creates a category (institute administrators). Codes and names are unique. */
  async createCategory(input: CategoryCreateFields): Promise<CategoryType> {
    this.requireInstituteAdmin();
    const { values, errors } = validateCategoryFields(input, true);
    const parentId = input.parentId != null ? decodeInto('Category', input.parentId, ['input', 'parentId'], errors) : null;
    const id = await this.scope.em.transactional(async (em) => {
      await advisoryLock(em, 'category');
      const rows = await this.categoriesIn(em);
      if (values.code && rows.some((r) => r.code === values.code)) {
        errors.push(DomainError.badInput('CATEGORY_CODE_TAKEN', 'CATALOG_CATEGORY_CODE_TAKEN', { code: values.code }, ['input', 'code']));
      }
      const clash = values.name ? this.nameTaken(rows, values.name, null) : undefined;
      if (clash) errors.push(DomainError.badInput('CATEGORY_NAME_TAKEN', 'CATALOG_CATEGORY_NAME_TAKEN', { name: clash.name }, ['input', 'name']));
      if (parentId && !rows.some((r) => Number(r.id) === parentId)) errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'CATALOG_CATEGORY_NOT_FOUND', {}, ['input', 'parentId']));
      if (errors.length) throw new DomainErrors(errors);
      const siblings = rows.filter((r) => (r.parent_id == null ? null : Number(r.parent_id)) === parentId);
      const sortOrder = values.sortOrder ?? Math.min(COURSE_LIMITS.sortOrderMax, siblings.reduce((m, r) => Math.max(m, Number(r.sort_order) + 1), 1));
      const [row] = await sql<{ id: number }>(em, 'insert into category (code, name, parent_id, sort_order) values (?, ?, ?, ?) returning id', [values.code, values.name, parentId, sortOrder]);
      return Number(row.id);
    });
    this.forgetCaches();
    return (await this.categoryById(id))!;
  }

  /** Renames or moves a category (institute administrators); its code never changes. */
  async updateCategory(input: CategoryUpdateFields): Promise<CategoryType> {
    this.requireInstituteAdmin();
    const id = decodeIdOf('Category', input.id, ['input', 'id']);
    const { values, errors } = validateCategoryFields({ name: input.name, sortOrder: input.sortOrder }, false);
    const parentId = input.parentId === undefined ? undefined : input.parentId === null ? null : decodeInto('Category', input.parentId, ['input', 'parentId'], errors);
    await this.scope.em.transactional(async (em) => {
      await advisoryLock(em, 'category');
      const rows = await this.categoriesIn(em);
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      if (!byId.has(id)) throw DomainError.badInput('CATEGORY_NOT_FOUND', 'CATALOG_CATEGORY_NOT_FOUND', {}, ['input', 'id']);
      const clash = values.name ? this.nameTaken(rows, values.name, id) : undefined;
      if (clash) errors.push(DomainError.badInput('CATEGORY_NAME_TAKEN', 'CATALOG_CATEGORY_NAME_TAKEN', { name: clash.name }, ['input', 'name']));
      if (parentId) {
        if (!byId.has(parentId)) errors.push(DomainError.badInput('CATEGORY_NOT_FOUND', 'CATALOG_CATEGORY_NOT_FOUND', {}, ['input', 'parentId']));
        else {
          // Walk up from the new parent: meeting the category itself would close a cycle.
          for (let p: number | null = parentId, hops = 0; p != null && hops <= rows.length; hops++) {
            if (p === id) {
              errors.push(DomainError.badInput('CATEGORY_CYCLE', 'CATALOG_CATEGORY_CYCLE', {}, ['input', 'parentId']));
              break;
            }
            const parent: number | null | undefined = byId.get(p)?.parent_id;
            p = parent == null ? null : Number(parent);
          }
        }
      }
      if (errors.length) throw new DomainErrors(errors);
      await sql(
        em,
        `update category set name = coalesce(?::text, name), sort_order = coalesce(?::int, sort_order),
           parent_id = case when ?::boolean then ?::int else parent_id end where id = ?`,
        [values.name ?? null, values.sortOrder ?? null, parentId !== undefined, parentId ?? null, id],
      );
    });
    this.forgetCaches();
    return (await this.categoryById(id))!;
  }

  // ---------------------------------------------------------------- settings

  /**
   * Changes platform settings (institute administrators). A new credits-per-hour recomputes
   * the credit value of every ACTIVE course in the same transaction (set-based); credits
   * already recorded for learners are history and are not touched.
   */
  async updateSettings(input: { creditsPerHour?: string | null }): Promise<{ creditsPerHour: string }> {
    this.requireInstituteAdmin();
    if (input.creditsPerHour != null) {
      const v = input.creditsPerHour.trim();
      if (!isValidCreditsPerHour(v)) throw DomainError.badInput('INVALID_CREDITS_PER_HOUR', 'CATALOG_CREDITS_PER_HOUR_RANGE', { max: CREDITS_PER_HOUR.max }, ['input', 'creditsPerHour']);
      // Stored without trailing zeros so the setting reads back as it is shown ("1.5").
      const canonical = v.includes('.') ? v.replace(/\.?0+$/, '') : v.replace(/^0+(?=\d)/, '');
      await this.scope.em.transactional(async (em) => {
        // The current year's credit policy holds the value (created with defaults if missing).
        await sql(
          em,
          `insert into credit_policy (year, credits_per_hour, required_hours_by_grade)
           values (?, ?::numeric, coalesce((select required_hours_by_grade from credit_policy order by year desc limit 1), '{}'::jsonb))
           on conflict (year) do update set credits_per_hour = excluded.credits_per_hour`,
          [kstYear(now()), canonical],
        );
        // round(numeric, 2) rounds half away from zero: the same rule as creditValueFor.
        await sql(
          em,
          `update course set credit_value = round(length_minutes * ?::numeric / 60, 2), updated_at = now()
           where status = 'ACTIVE' and credit_value <> round(length_minutes * ?::numeric / 60, 2)`,
          [canonical, canonical],
        );
      });
      this.forgetCaches();
    }
    return { creditsPerHour: await this.creditsPerHour() };
  }
}

export { CourseFormat, CourseStatus, LearningResourceKind };
