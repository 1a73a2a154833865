import type { MiddlewareFn } from 'type-graphql';
import { DomainError, DomainErrors, toGraphQLError } from '../common/errors.js';
import type { Context } from './context.js';

/** Turns expected domain failures in queries into typed GraphQL errors in the caller's language. */
export const domainErrorMiddleware: MiddlewareFn<Context> = async ({ context }, next) => {
  try {
    return await next();
  } catch (e) {
    if (e instanceof DomainError) throw toGraphQLError(e, context.scope.locale);
    if (e instanceof DomainErrors && e.errors[0]) throw toGraphQLError(e.errors[0], context.scope.locale);
    throw e;
  }
};
