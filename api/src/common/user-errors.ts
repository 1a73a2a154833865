import { type ClassType, Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError, DomainErrorKind, DomainErrors } from './errors.js';
import type { RequestScope } from './request-scope.js';
import { t } from '../i18n/messages.js';

@InterfaceType({ description: 'An expected, user-facing failure of a mutation.' })
export abstract class UserError {
  @Field({ description: 'Human-readable message in the caller\'s language (Korean by default, English with `Accept-Language: en`).' })
  message!: string;

  @Field(() => [String], { nullable: true, description: 'Path to the input field the error concerns, e.g. ["input", "grade"].' })
  field!: string[] | null;
}

/**
 * Declares a mutation's error type with its own code enum (Saleor style): the enum is the
 * contract, and an error whose code is not in it is a fault, not a user error.
 */
export function UserErrorType<E extends Record<string, string>>(name: string, codes: E) {
  registerEnumType(codes, { name: `${name}Code`, description: `Error codes of ${name.replace(/Error$/, '')}.` });
  @ObjectType(name, { implements: UserError, description: `A user error of ${name.replace(/Error$/, '')}.` })
  class ErrorClass extends UserError {
    @Field(() => codes, { description: 'Machine-readable code.' })
    code!: E[keyof E];
  }
  return ErrorClass as ClassType<ErrorClass> & { codes: E };
}

export interface UserErrorValue {
  code: string;
  message: string;
  field: string[] | null;
}

/**
 * Runs a mutation: expected failures become `userErrors` (the service has already rolled
 * back its transaction), authentication failures and faults propagate as top-level errors.
 */
export async function mutationPayload<P extends object>(
  scope: RequestScope,
  codes: Record<string, string>,
  run: () => Promise<P>,
  empty: Record<string, unknown> = {},
): Promise<P | (Record<string, unknown> & { userErrors: UserErrorValue[] })> {
  try {
    const result = await run();
    return { userErrors: [], ...result };
  } catch (e) {
    const list = e instanceof DomainErrors ? e.errors : e instanceof DomainError ? [e] : null;
    const allowed = new Set(Object.values(codes));
    // Authentication, and authorisation the mutation does not report as a user error, stay
    // top-level errors (mapped in one place by the error middleware).
    if (!list || list.some((d) => d.kind === DomainErrorKind.UNAUTHENTICATED || (d.kind === DomainErrorKind.FORBIDDEN && !allowed.has(d.code)))) throw e;
    const unknown = list.find((d) => !allowed.has(d.code));
    if (unknown) throw new Error(`error code ${unknown.code} is not declared for this mutation`);
    return {
      ...empty,
      userErrors: list.map((d) => ({ code: d.code, message: t(d.messageKey, scope.locale, d.params), field: d.field })),
    };
  }
}
