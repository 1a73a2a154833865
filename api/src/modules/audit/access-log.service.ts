import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestScope } from '../../common/request-scope.js';

/**
 * Writes what a request read of other people's personal data, in one INSERT. Reads of one's
 * own data are not logged (they are not "another person's data").
 */
export async function flushAccessLog(em: EntityManager, scope: RequestScope): Promise<number> {
  const viewer = scope.viewer;
  const entries = scope.drainAccessLog().filter((e) => e.subjectServantId !== viewer?.servantId);
  if (!viewer || entries.length === 0) return 0;
  await em.getConnection().execute(
    `insert into personal_data_access_log (actor_account_id, actor_roles, ip, subject_servant_id, action, operation)
     select ?, ?, ?, s, a, ? from unnest(?::int[], ?::text[]) as x(s, a)`,
    [
      viewer.accountId,
      viewer.roles.join(','),
      scope.ip,
      scope.operationName,
      `{${entries.map((e) => e.subjectServantId).join(',')}}`,
      `{${entries.map((e) => `"${e.action}"`).join(',')}}`,
    ],
  );
  return entries.length;
}
