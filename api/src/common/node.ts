import { Field, ID, InterfaceType } from 'type-graphql';
import type { RequestScope } from './request-scope.js';
import { fromGlobalId, toGlobalId } from './global-id.js';

/**
 * Loads rows of one node type by database id, returning only those the viewer may see (the
 * same authorisation as every other path to the row).
 */
export type NodeLoader = (ctx: NodeContext, ids: number[]) => Promise<Map<number, object>>;

/** The part of the GraphQL context a node loader sees (resolvers narrow it to their Context). */
export interface NodeContext {
  scope: RequestScope;
}

interface NodeRegistration {
  typeName: string;
  entity: abstract new (...args: never[]) => object;
  load: NodeLoader;
}

const byTypeName = new Map<string, NodeRegistration>();
const byEntity = new Map<unknown, NodeRegistration>();

/** Each module registers its addressable types once, at import time. */
export function registerNodeType(typeName: string, entity: NodeRegistration['entity'], load: NodeLoader): void {
  const reg = { typeName, entity, load };
  byTypeName.set(typeName, reg);
  byEntity.set(entity, reg);
}

/** The GraphQL type name of an entity instance (used by `Node.resolveType` and ids). */
export function nodeTypeName(value: object): string {
  const reg = byEntity.get(value.constructor) ?? byEntity.get(Object.getPrototypeOf(value.constructor));
  if (!reg) throw new Error(`no Node type registered for ${value.constructor.name}`);
  return reg.typeName;
}

@InterfaceType('Node', {
  description: 'An object with a global, opaque id, fetchable with `node(id:)`.',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}

/** The global id of an entity. */
export function globalIdOf(value: object & { id: number | string }): string {
  return toGlobalId(nodeTypeName(value), value.id);
}

/**
 * Resolves global ids to objects the viewer may see; unknown, malformed-type or forbidden
 * ids resolve to null (existence is not revealed). A malformed id throws.
 */
export async function loadNodes(ctx: NodeContext, globalIds: readonly string[]): Promise<(object | null)[]> {
  const decoded = globalIds.map((g, i) => ({ ...fromGlobalId(g, ['ids', String(i)]) }));
  const groups = new Map<string, number[]>();
  for (const d of decoded) {
    if (!byTypeName.has(d.type)) continue;
    groups.set(d.type, [...(groups.get(d.type) ?? []), d.id]);
  }
  const loaded = new Map<string, Map<number, object>>();
  for (const [type, ids] of groups) loaded.set(type, await byTypeName.get(type)!.load(ctx, ids));
  return decoded.map((d) => loaded.get(d.type)?.get(d.id) ?? null);
}
