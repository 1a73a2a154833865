import { type ConnectionArgs, type Connection, pageRequest } from '../../common/connection.js';
import { keysetPage, keysetPagesByParent } from '../../common/keyset.js';
import { likeEscape, pgArray } from '../../common/sql.js';
import type { RequestScope } from '../../common/request-scope.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import DataLoader from 'dataloader';

export interface OrganizationFilter {
  kind?: OrganizationKind | null;
  search?: string | null;
}

/**
 * The organisation tree. Organisation names and structure are public within the platform,
 * so every signed-in viewer may read them; who may see the servants is decided in the
 * servant service.
 */
export class OrganizationService {
  constructor(private readonly scope: RequestScope) {}

  private filterSql(filter: OrganizationFilter): { sql: string; params: unknown[] } {
    const parts = ['true'];
    const params: unknown[] = [];
    if (filter.kind) {
      parts.push('o.kind = ?');
      params.push(filter.kind);
    }
    if (filter.search?.trim()) {
      parts.push(`o.name ilike ?`);
      params.push(`%${likeEscape(filter.search.trim().normalize('NFC'))}%`);
    }
    return { sql: parts.join(' and '), params };
  }

  /** All organisations (province first, then by administrative code). */
  list(args: ConnectionArgs, filter: OrganizationFilter = {}): Promise<Connection<Organization>> {
    this.scope.requireViewer();
    const f = this.filterSql(filter);
    return keysetPage<Organization>(
      this.scope.em,
      { entity: Organization, alias: 'o', from: 'organization o', where: f.sql, params: f.params, sortExpr: 'o.code', direction: 'asc' },
      pageRequest(args),
    );
  }

  /** Direct children of many organisations at once (one statement for any number of parents). */
  children(parentId: number, args: ConnectionArgs, filter: OrganizationFilter = {}): Promise<Connection<Organization>> {
    const f = this.filterSql(filter);
    const page = pageRequest(args);
    const key = `org.children:${JSON.stringify([args, filter])}`;
    const loader = this.scope.memoize(
      key,
      () =>
        new DataLoader<number, Connection<Organization>>(async (ids) => {
          const pages = await keysetPagesByParent<Organization>(
            this.scope.em,
            { entity: Organization, alias: 'o', from: 'organization o', where: f.sql, params: f.params, sortExpr: 'o.code', direction: 'asc', parentKey: 'o.parent_id' },
            page,
            ids,
          );
          return ids.map((id) => pages.get(id)!);
        }),
    );
    return loader.load(parentId);
  }

  /** Organisations by id, batched per operation. */
  byId(id: number): Promise<Organization | null> {
    const loader = this.scope.memoize(
      'org.byId',
      () =>
        new DataLoader<number, Organization | null>(async (ids) => {
          const rows = await this.scope.em.find(Organization, { id: { $in: [...ids] } });
          const map = new Map(rows.map((o) => [o.id, o]));
          return ids.map((id) => map.get(id) ?? null);
        }),
    );
    return loader.load(id);
  }

  async byIds(ids: number[]): Promise<Map<number, Organization>> {
    const rows = await Promise.all(ids.map((id) => this.byId(id)));
    return new Map(rows.filter((o): o is Organization => o !== null).map((o) => [o.id, o]));
  }

  /** Organisations by administrative code (used by imports). */
  async byCodes(codes: string[]): Promise<Map<string, Organization>> {
    if (codes.length === 0) return new Map();
    const rows = await this.scope.em.find(Organization, { code: { $in: [...new Set(codes)] } });
    return new Map(rows.map((o) => [o.code, o]));
  }

  /** Number of servants in each organisation's subtree, for many organisations in one statement. */
  servantCount(orgId: number, visibility: { sql: string; params: unknown[] }): Promise<number> {
    const loader = this.scope.memoize(
      'org.servantCount',
      () =>
        new DataLoader<number, number>(async (ids) => {
          const rows = await this.scope.em.getConnection().execute<{ id: number; n: string }[]>(
            `select p.id, count(s.id) as n from organization p
             join organization so on so.path like p.path || '%'
             join servant s on coalesce(s.department_id, s.organization_id) = so.id and (${visibility.sql})
             where p.id = any(?::int[]) group by p.id`,
            [...visibility.params, pgArray(ids)],
          );
          const map = new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
          return ids.map((id) => map.get(id) ?? 0);
        }),
    );
    return loader.load(orgId);
  }
}

export { OrganizationKind };
