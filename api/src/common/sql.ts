/**
 * Postgres array literals for set-based statements. MikroORM inlines parameters and would
 * spread a JS array into a list, so arrays travel as one literal string cast in SQL
 * (`?::text[]`).
 */
export function pgArray(values: readonly (string | number | null | undefined)[]): string {
  return `{${values
    .map((v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`))
    .join(',')}}`;
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
