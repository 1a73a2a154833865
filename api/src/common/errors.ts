import { GraphQLError } from 'graphql';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';

/** What kind of failure a DomainError is; decides how it reaches the client. */
export enum DomainErrorKind {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_INPUT = 'BAD_INPUT',
}

/**
 * An expected failure raised by a service. `code` is the machine-readable code (in a
 * mutation, a value of that mutation's error-code enum); the message is rendered in the
 * caller's language only at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, unknown> = {},
    readonly field: string[] | null = null,
  ) {
    super(`${code}: ${messageKey}`);
  }

  static badInput(code: string, key: MessageKey, params: Record<string, unknown> = {}, field: string[] | null = null) {
    return new DomainError(DomainErrorKind.BAD_INPUT, code, key, params, field);
  }
  static forbidden(key: MessageKey = 'FORBIDDEN', params: Record<string, unknown> = {}) {
    return new DomainError(DomainErrorKind.FORBIDDEN, 'FORBIDDEN', key, params);
  }
  static unauthenticated(key: MessageKey = 'UNAUTHENTICATED') {
    return new DomainError(DomainErrorKind.UNAUTHENTICATED, 'UNAUTHENTICATED', key);
  }
  static notFound(key: MessageKey = 'NOT_FOUND_OR_FORBIDDEN', params: Record<string, unknown> = {}) {
    return new DomainError(DomainErrorKind.NOT_FOUND, 'NOT_FOUND', key, params);
  }
}

/** Collects several input problems so a client sees all of them at once. */
export class DomainErrors extends Error {
  constructor(readonly errors: DomainError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/**
 * The one place where a DomainError becomes a top-level GraphQL error (outside mutation
 * payloads). Exhaustive: a new kind does not compile until it is mapped here.
 */
export function toGraphQLError(e: DomainError, locale: Locale): GraphQLError {
  const message = t(e.messageKey, locale, e.params);
  switch (e.kind) {
    case DomainErrorKind.UNAUTHENTICATED:
      return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    case DomainErrorKind.FORBIDDEN:
      return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
    case DomainErrorKind.NOT_FOUND:
      return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
    case DomainErrorKind.BAD_INPUT:
      return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: e.code, field: e.field } });
    default: {
      const never: never = e.kind;
      throw new Error(`unmapped DomainErrorKind ${String(never)}`);
    }
  }
}
