/** A mutation's expected failure, as every payload's `userErrors` carries it. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
}

/**
 * Puts each user error next to the form field it names (the last segment of `field`, e.g.
 * ["input", "password"] → password); errors for no known field go to `form`. The first
 * message per field wins.
 */
export function fieldErrors<F extends string>(errors: readonly UserErrorLike[], fields: readonly F[]): Partial<Record<F | 'form', string>> {
  const out: Partial<Record<F | 'form', string>> = {};
  for (const e of errors) {
    const last = e.field?.at(-1);
    const key = (last && (fields as readonly string[]).includes(last) ? last : 'form') as F | 'form';
    if (!out[key]) out[key] = e.message;
    else if (key === 'form') out.form = `${out.form} ${e.message}`;
  }
  return out;
}

/**
 * Moves the focus to the first form field (in form order) that has an error, so a keyboard or
 * screen-reader user lands on what to fix. Fields have the id `${idPrefix}-${field}`, or the id
 * that `idPrefix` maps the field to.
 */
export function focusFirstError<F extends string>(errors: Partial<Record<F | 'form', string>>, fields: readonly F[], idPrefix: string | Record<F, string>): void {
  const first = fields.find((f) => errors[f]);
  const id = (f: F) => (typeof idPrefix === 'string' ? `${idPrefix}-${f}` : idPrefix[f]);
  if (first) setTimeout(() => document.getElementById(id(first))?.focus(), 0);
}
