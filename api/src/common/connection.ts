import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { DomainError } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Relay paging arguments, shared by every connection field. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Items after `after`; at most 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from a previous page.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Items before `before`; at most 100.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor from a previous page.' })
  before?: string | null;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;
  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `totalCount` is only computed when asked for. */
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: Promise<number> | number;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type.
 * @example `@ObjectType() class ServantConnection extends ConnectionType(ServantType, 'Servant') {}`
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `An edge to a ${name}.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;
    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Number of items across all pages (with the same filter).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export type SortValue = string | number;

export interface PageRequest {
  /** Rows to return. */
  limit: number;
  /** Walking backwards (`last`/`before`). */
  backward: boolean;
  cursor: { value: SortValue; id: number } | null;
}

/** Validates paging arguments (the limits layer refuses them earlier; this is the backstop). */
export function pageRequest(args: ConnectionArgs): PageRequest {
  if (args.first != null && args.last != null) throw DomainError.badInput('INVALID_ARGUMENT', 'FIRST_AND_LAST', {}, ['first']);
  for (const arg of ['first', 'last'] as const) {
    const v = args[arg];
    if (v != null && (v < 0 || v > MAX_PAGE_SIZE)) throw DomainError.badInput('INVALID_ARGUMENT', 'PAGE_SIZE_LIMIT', { arg, max: MAX_PAGE_SIZE }, [arg]);
  }
  const backward = args.last != null || (args.before != null && args.first == null);
  const limit = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const raw = backward ? args.before : args.after;
  return { limit, backward, cursor: raw ? decodeCursor(raw) : null };
}

export function encodeCursor(value: SortValue, id: number): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { value: SortValue; id: number } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && Number.isInteger(parsed[1])) {
      return { value: parsed[0] as SortValue, id: parsed[1] as number };
    }
  } catch {
    // fall through to the user-facing error
  }
  throw DomainError.badInput('INVALID_CURSOR', 'INVALID_CURSOR', {}, ['after']);
}
