import { DomainError } from './errors.js';

/**
 * How global ids are encoded. Clients must treat ids as opaque; the strategy exists so that a
 * deployment can switch to, say, encrypted ids without touching resolvers.
 *
 * @example
 * class PrefixedIdCodec implements IdCodecStrategy {
 *   encode(type, id) { return `${type}_${id}`; }
 *   decode(gid) { const [type, id] = gid.split('_'); return type && id ? { type, id } : null; }
 * }
 */
export interface IdCodecStrategy {
  encode(typeName: string, id: string | number): string;
  /** Returns null for anything that is not an id this codec produced. */
  decode(globalId: string): { type: string; id: string } | null;
}

/** Default: base64url of `Type:id` — opaque to clients, trivially debuggable by operators. */
export class Base64IdCodec implements IdCodecStrategy {
  encode(typeName: string, id: string | number): string {
    return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
  }
  decode(globalId: string): { type: string; id: string } | null {
    if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
    const raw = Buffer.from(globalId, 'base64url').toString('utf8');
    const m = /^([A-Z][A-Za-z]{0,63}):([0-9]{1,18})$/.exec(raw);
    return m ? { type: m[1], id: m[2] } : null;
  }
}

let codec: IdCodecStrategy = new Base64IdCodec();

/** Chosen once at start from the config. */
export function setIdCodec(c: IdCodecStrategy): void {
  codec = c;
}

export function toGlobalId(typeName: string, id: string | number): string {
  return codec.encode(typeName, id);
}

/** Decodes any global id; throws a user-facing error for a malformed one. */
export function fromGlobalId(globalId: string, field: string[] | null = null): { type: string; id: number } {
  const d = codec.decode(globalId);
  if (!d) throw DomainError.badInput('INVALID_ID', 'INVALID_ID', { id: globalId }, field);
  return { type: d.type, id: Number(d.id) };
}

/** Decodes an id that must be of `expected` type: an id of another type is an error, never another row. */
export function decodeIdOf(expected: string, globalId: string, field: string[] | null = null): number {
  const d = fromGlobalId(globalId, field);
  if (d.type !== expected) throw DomainError.badInput('INVALID_ID', 'WRONG_ID_TYPE', { expected, actual: d.type }, field);
  return d.id;
}
