import DataLoader from 'dataloader';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { type Connection, type ConnectionArgs, pageRequest } from '../../common/connection.js';
import { now } from '../../common/clock.js';
import { DomainError, DomainErrors } from '../../common/errors.js';
import { decodeIdOf, toGlobalId } from '../../common/global-id.js';
import { type KeysetQuery, keysetPage, keysetPagesByParent } from '../../common/keyset.js';
import type { RequestScope } from '../../common/request-scope.js';
import { likeEscape, pgArray } from '../../common/sql.js';
import type { EventPublisher } from '../../events/publisher.js';
import { type ServantChangedPayload, Topics } from '../../events/topics.js';
import { Role } from '../account/account.entity.js';
import { Organization, OrganizationKind } from '../organization/organization.entity.js';
import type { OrganizationService } from '../organization/organization.service.js';
import { Assignment, EducationRecord, Servant } from './servant.entity.js';
import { type ServantFields, validateServantFields, validateTags } from './servant.validation.js';

export enum ServantOrderField {
  NAME = 'NAME',
  EMPLOYEE_NUMBER = 'EMPLOYEE_NUMBER',
  GRADE = 'GRADE',
  HIRE_DATE = 'HIRE_DATE',
}

const SORT_EXPR: Record<ServantOrderField, string> = {
  NAME: 's.name',
  EMPLOYEE_NUMBER: 's.employee_number',
  GRADE: 's.grade',
  // Dates sort as ISO text so that cursors carry a plain string; missing dates sort first.
  HIRE_DATE: `to_char(coalesce(s.hire_date, date '0001-01-01'), 'YYYY-MM-DD')`,
};

export interface ServantFilter {
  organizationId?: number | null;
  jobSeries?: string | null;
  grade?: number | null;
  search?: string | null;
}

export interface ServantOrder {
  field: ServantOrderField;
  direction: 'asc' | 'desc';
}

/** Which personal data a read touches; written to the access log with the reader. */
export enum PersonalDataAction {
  READ_PROFILE = 'READ_PROFILE',
  READ_CONTACT = 'READ_CONTACT',
  READ_WORK_HISTORY = 'READ_WORK_HISTORY',
  READ_EDUCATION = 'READ_EDUCATION',
  READ_INTERESTS = 'READ_INTERESTS',
  READ_CREDITS = 'READ_CREDITS',
  READ_RECOMMENDATIONS = 'READ_RECOMMENDATIONS',
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
}

export interface ServantCreateInput extends ServantFields {
  organizationId: string;
  departmentId?: string | null;
}

export interface ServantUpdateInput extends ServantFields {
  id: string;
  organizationId?: string | null;
  departmentId?: string | null;
}

export interface ServantProfileInput {
  interests?: string[] | null;
  hobbies?: string[] | null;
  consent?: boolean | null;
}

/** Servants: who may see whom (row-level scope), personal-data reads, and changes. */
export class ServantService {
  constructor(
    private readonly scope: RequestScope,
    private readonly orgs: OrganizationService,
    private readonly events: EventPublisher,
  ) {}

  /**
   * SQL condition (alias `s`) for the servants the viewer may see: everyone for institute
   * administrators, the organisation subtree for organisation administrators, oneself for a
   * servant, no one for reporters (they read statistics only).
   */
  visibility(): { sql: string; params: unknown[] } {
    const v = this.scope.viewer;
    if (!v) return { sql: 'false', params: [] };
    if (v.roles.includes(Role.INSTITUTE_ADMIN)) return { sql: 'true', params: [] };
    const parts: string[] = [];
    const params: unknown[] = [];
    if (v.roles.includes(Role.ORG_ADMIN) && v.scope) {
      parts.push(`exists (select 1 from organization vo where vo.id = coalesce(s.department_id, s.organization_id) and vo.path like ?)`);
      params.push(`${v.scope.path}%`);
    }
    if (v.roles.includes(Role.SERVANT) && v.servantId) {
      parts.push('s.id = ?');
      params.push(v.servantId);
    }
    return { sql: parts.length ? `(${parts.join(' or ')})` : 'false', params };
  }

  private filterSql(filter: ServantFilter): { sql: string; params: unknown[] } {
    const vis = this.visibility();
    const parts = [vis.sql];
    const params = [...vis.params];
    if (filter.organizationId) {
      parts.push(
        `exists (select 1 from organization fo, organization fp where fo.id = coalesce(s.department_id, s.organization_id) and fp.id = ? and fo.path like fp.path || '%')`,
      );
      params.push(filter.organizationId);
    }
    if (filter.jobSeries?.trim()) {
      parts.push('s.job_series = ?');
      params.push(filter.jobSeries.trim().normalize('NFC'));
    }
    if (filter.grade != null) {
      parts.push('s.grade = ?');
      params.push(filter.grade);
    }
    const search = filter.search?.normalize('NFC').trim();
    if (search) {
      parts.push(`(s.name ilike ? or s.employee_number ilike ?)`);
      params.push(`%${likeEscape(search)}%`, `${likeEscape(search.toUpperCase())}%`);
    }
    return { sql: parts.join(' and '), params };
  }

  private query(filter: ServantFilter, order: ServantOrder, from = 'servant s'): KeysetQuery {
    const f = this.filterSql(filter);
    return { entity: Servant, alias: 's', from, where: f.sql, params: f.params, sortExpr: SORT_EXPR[order.field], direction: order.direction };
  }

  private logProfileReads(conn: Connection<Servant>): Connection<Servant> {
    this.scope.logAccess(
      conn.edges.map((e) => e.node.id),
      PersonalDataAction.READ_PROFILE,
    );
    return conn;
  }

  /** Servants visible to the viewer, filtered and keyset-paged. */
  async list(filter: ServantFilter, args: ConnectionArgs, order: ServantOrder): Promise<Connection<Servant>> {
    this.scope.requireViewer();
    return this.logProfileReads(await keysetPage<Servant>(this.scope.em, this.query(filter, order), pageRequest(args)));
  }

  /**
   * Servants in an organisation's subtree, for many organisations at once (a nested field under
   * a list costs two statements in all, whatever the number of parents or the page size).
   */
  async inOrganization(orgId: number, filter: ServantFilter, args: ConnectionArgs, order: ServantOrder): Promise<Connection<Servant>> {
    this.scope.requireViewer();
    const page = pageRequest(args);
    const loader = this.scope.memoize(
      `servant.inOrg:${JSON.stringify([filter, args, order])}`,
      () =>
        new DataLoader<number, Connection<Servant>>(async (ids) => {
          const q = this.query(filter, order, `servant s join organization so on so.id = coalesce(s.department_id, s.organization_id) join organization p on so.path like p.path || '%'`);
          const pages = await keysetPagesByParent<Servant>(this.scope.em, { ...q, parentKey: 'p.id' }, page, ids);
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return this.logProfileReads(await loader.load(orgId));
  }

  /** Number of visible servants in an organisation's subtree. */
  countInOrganization(orgId: number): Promise<number> {
    return this.orgs.servantCount(orgId, this.visibility());
  }

  /** Visible servants by id (node, nodes, references); others are simply absent. */
  async byIds(ids: number[]): Promise<Map<number, Servant>> {
    const loader = this.scope.memoize(
      'servant.byId',
      () =>
        new DataLoader<number, Servant | null>(async (keys) => {
          const vis = this.visibility();
          const rows = await this.scope.em.getConnection().execute<Record<string, unknown>[]>(
            `select s.* from servant s where s.id = any(?::int[]) and ${vis.sql}`,
            [pgArray([...keys]), ...vis.params],
          );
          const map = new Map(rows.map((r) => [Number(r.id), this.scope.em.map(Servant, r)]));
          return keys.map((k) => map.get(k) ?? null);
        }),
    );
    const found = (await Promise.all(ids.map((id) => loader.load(id)))).filter((s): s is Servant => s !== null);
    this.scope.logAccess(
      found.map((s) => s.id),
      PersonalDataAction.READ_PROFILE,
    );
    return new Map(found.map((s) => [s.id, s]));
  }

  async byId(id: number): Promise<Servant | null> {
    return (await this.byIds([id])).get(id) ?? null;
  }

  /** Whether the viewer may read this servant's personal data (self, or an administrator in scope). */
  async canRead(servant: Servant): Promise<boolean> {
    const v = this.scope.viewer;
    if (!v) return false;
    if (v.servantId === servant.id && v.roles.includes(Role.SERVANT)) return true;
    if (v.roles.includes(Role.INSTITUTE_ADMIN)) return true;
    if (v.roles.includes(Role.ORG_ADMIN) && v.scope) {
      const org = await this.orgs.byId(servant.department?.id ?? servant.organization.id);
      return !!org && org.path.startsWith(v.scope.path);
    }
    return false;
  }

  /**
   * Guards a personal-data field: throws for a viewer out of scope, logs the read otherwise.
   * Every field resolver of personal data goes through here.
   */
  async readPersonal(servant: Servant, action: PersonalDataAction): Promise<void> {
    if (!(await this.canRead(servant))) throw DomainError.forbidden();
    this.scope.logAccess([servant.id], action);
  }

  /** Work history, oldest first (batched across servants by MikroORM's dataloader). */
  async assignments(servant: Servant): Promise<Assignment[]> {
    await this.readPersonal(servant, PersonalDataAction.READ_WORK_HISTORY);
    const items = await servant.assignments.load({ dataloader: true });
    return [...items].sort((a, b) => a.startedOn.localeCompare(b.startedOn) || a.id - b.id);
  }

  /** Previous education, newest first. */
  async educationRecords(servant: Servant): Promise<EducationRecord[]> {
    await this.readPersonal(servant, PersonalDataAction.READ_EDUCATION);
    const items = await servant.educationRecords.load({ dataloader: true });
    return [...items].sort((a, b) => b.completedOn.localeCompare(a.completedOn) || b.id - a.id);
  }

  private requireAdmin(): void {
    const v = this.scope.requireViewer();
    if (!v.roles.includes(Role.INSTITUTE_ADMIN) && !v.roles.includes(Role.ORG_ADMIN)) throw DomainError.forbidden();
  }

  /** Whether an organisation is inside the viewer's administrative scope. */
  inScope(org: Organization): boolean {
    const v = this.scope.viewer;
    if (!v) return false;
    if (v.roles.includes(Role.INSTITUTE_ADMIN)) return true;
    return !!v.scope && v.roles.includes(Role.ORG_ADMIN) && org.path.startsWith(v.scope.path);
  }

  /**
   * Resolves and checks an organisation (province, city or county) and optional department:
   * the department must sit under the organisation and the pair must be in the viewer's scope.
   */
  async resolvePlacement(
    organizationGid: string,
    departmentGid: string | null | undefined,
    errors: DomainError[],
  ): Promise<{ organization: Organization; department: Organization | null } | null> {
    let orgId: number;
    let deptId: number | null = null;
    try {
      orgId = decodeIdOf('Organization', organizationGid, ['input', 'organizationId']);
      if (departmentGid) deptId = decodeIdOf('Organization', departmentGid, ['input', 'departmentId']);
    } catch (e) {
      errors.push(e as DomainError);
      return null;
    }
    const organization = await this.orgs.byId(orgId);
    const department = deptId ? await this.orgs.byId(deptId) : null;
    if (!organization) {
      errors.push(DomainError.badInput('INVALID_ORGANIZATION', 'ORGANIZATION_NOT_FOUND', { code: organizationGid }, ['input', 'organizationId']));
      return null;
    }
    if (![OrganizationKind.PROVINCE, OrganizationKind.CITY, OrganizationKind.COUNTY].includes(organization.kind)) {
      errors.push(DomainError.badInput('INVALID_ORGANIZATION', 'ORGANIZATION_NOT_TOP_LEVEL', {}, ['input', 'organizationId']));
      return null;
    }
    if (deptId && (!department || department.parent?.id !== organization.id)) {
      errors.push(
        DomainError.badInput('INVALID_ORGANIZATION', 'DEPARTMENT_NOT_IN_ORGANIZATION', { department: department?.name ?? departmentGid, organization: organization.name }, [
          'input',
          'departmentId',
        ]),
      );
      return null;
    }
    const unit = department ?? organization;
    if (!this.inScope(unit)) {
      errors.push(DomainError.badInput('OUT_OF_SCOPE', 'OUT_OF_SCOPE', { organization: unit.name }, ['input', department ? 'departmentId' : 'organizationId']));
      return null;
    }
    return { organization, department };
  }

  private changed(servant: Servant, kind: ServantChangedPayload['kind'], unit: Organization): void {
    const payload: ServantChangedPayload = { servantIds: [servant.id], organizationPaths: [unit.path], kind };
    this.scope.afterCommit(() => this.events.publishAsync(Topics.SERVANT_CHANGED, payload));
  }

  /** Registers a servant (administrators, within their scope). */
  async create(input: ServantCreateInput): Promise<Servant> {
    this.requireAdmin();
    const { values, errors } = validateServantFields(input, true);
    const placement = await this.resolvePlacement(input.organizationId, input.departmentId, errors);
    if (errors.length || !placement) throw new DomainErrors(errors);
    const em = this.scope.em;
    try {
      const servant = await em.transactional(async (tx) => {
        const s = tx.create(Servant, {
          employeeNumber: values.employeeNumber!,
          name: values.name!,
          email: values.email ?? null,
          phone: values.phone ?? null,
          organization: placement.organization,
          department: placement.department,
          jobSeries: values.jobSeries!,
          grade: values.grade!,
          position: values.position ?? '',
          hireDate: values.hireDate ?? null,
        });
        await tx.flush();
        return s;
      });
      this.scope.logAccess([servant.id], PersonalDataAction.CREATE);
      this.changed(servant, 'CREATED', placement.department ?? placement.organization);
      return servant;
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw DomainError.badInput('EMPLOYEE_NUMBER_TAKEN', 'EMPLOYEE_NUMBER_TAKEN', { employeeNumber: values.employeeNumber }, ['input', 'employeeNumber']);
      }
      throw e;
    }
  }

  /** Changes a servant's record (administrators, within their scope, before and after the change). */
  async update(input: ServantUpdateInput): Promise<Servant> {
    this.requireAdmin();
    const id = decodeIdOf('Servant', input.id, ['input', 'id']);
    const servant = await this.byId(id);
    if (!servant) throw DomainError.badInput('SERVANT_NOT_FOUND', 'SERVANT_NOT_FOUND', {}, ['input', 'id']);
    const { values, errors } = validateServantFields(input, false);
    let placement: { organization: Organization; department: Organization | null } | null = null;
    if (input.organizationId != null || input.departmentId !== undefined) {
      // A new organisation without a department clears the department; otherwise keep it.
      const orgGid = input.organizationId ?? toGlobalId('Organization', servant.organization.id);
      const deptGid =
        input.departmentId !== undefined ? input.departmentId : input.organizationId == null && servant.department ? toGlobalId('Organization', servant.department.id) : null;
      placement = await this.resolvePlacement(orgGid, deptGid, errors);
    }
    if (errors.length) throw new DomainErrors(errors);
    const em = this.scope.em;
    try {
      await em.transactional(async (tx) => {
        const s = tx.merge(servant);
        if (values.employeeNumber !== undefined) s.employeeNumber = values.employeeNumber;
        if (values.name !== undefined) s.name = values.name;
        if (values.email !== undefined) s.email = values.email;
        if (values.phone !== undefined) s.phone = values.phone;
        if (values.jobSeries !== undefined) s.jobSeries = values.jobSeries;
        if (values.grade !== undefined) s.grade = values.grade;
        if (values.position !== undefined) s.position = values.position ?? '';
        if (values.hireDate !== undefined) s.hireDate = values.hireDate;
        if (placement) {
          s.organization = placement.organization;
          s.department = placement.department;
        }
        await tx.flush();
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw DomainError.badInput('EMPLOYEE_NUMBER_TAKEN', 'EMPLOYEE_NUMBER_TAKEN', { employeeNumber: values.employeeNumber }, ['input', 'employeeNumber']);
      }
      throw e;
    }
    this.scope.logAccess([servant.id], PersonalDataAction.UPDATE);
    const unit = await this.orgs.byId(servant.department?.id ?? servant.organization.id);
    if (unit) this.changed(servant, 'UPDATED', unit);
    return servant;
  }

  /**
   * A servant edits their own optional data. Interests and hobbies need consent; withdrawing
   * consent erases them in the same statement.
   */
  async updateOwnProfile(input: ServantProfileInput): Promise<Servant> {
    const v = this.scope.requireViewer();
    if (!v.servantId || !v.roles.includes(Role.SERVANT)) throw DomainError.badInput('NOT_A_SERVANT', 'NOT_A_SERVANT');
    const servant = await this.byId(v.servantId);
    if (!servant) throw DomainError.badInput('NOT_A_SERVANT', 'NOT_A_SERVANT');
    const errors: DomainError[] = [];
    const interests = input.interests != null ? validateTags(input.interests, 'interests') : null;
    const hobbies = input.hobbies != null ? validateTags(input.hobbies, 'hobbies') : null;
    if (interests?.error) errors.push(interests.error);
    if (hobbies?.error) errors.push(hobbies.error);
    const consentAfter = input.consent ?? servant.consentGivenAt != null;
    const addsData = (interests?.values.length ?? 0) > 0 || (hobbies?.values.length ?? 0) > 0;
    if (!consentAfter && addsData) errors.push(DomainError.badInput('CONSENT_REQUIRED', 'CONSENT_REQUIRED', {}, ['input', 'consent']));
    if (errors.length) throw new DomainErrors(errors);
    await this.scope.em.transactional(async (tx) => {
      const s = tx.merge(servant);
      if (!consentAfter) {
        s.interests = [];
        s.hobbies = [];
        s.consentGivenAt = null;
      } else {
        s.consentGivenAt ??= now();
        if (interests) s.interests = interests.values;
        if (hobbies) s.hobbies = hobbies.values;
      }
      await tx.flush();
    });
    const unit = await this.orgs.byId(servant.department?.id ?? servant.organization.id);
    if (unit) this.changed(servant, 'UPDATED', unit);
    return servant;
  }
}
