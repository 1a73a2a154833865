import type { AuthChecker } from 'type-graphql';
import { DomainError, toGraphQLError } from '../common/errors.js';
import type { Role } from '../modules/account/account.entity.js';
import type { Context } from './context.js';

/**
 * Role gate for `@Authorized(...)`. Row-level scope (which servants an ORG_ADMIN sees) is
 * decided in the services, so every path to a row applies it.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const viewer = context.scope.viewer;
  if (!viewer) throw toGraphQLError(DomainError.unauthenticated(), context.scope.locale);
  if (roles.length === 0 || viewer.roles.some((r) => roles.includes(r))) return true;
  throw toGraphQLError(DomainError.forbidden(), context.scope.locale);
};
