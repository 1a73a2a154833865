/**
 * Page numbers over a keyset (Relay) connection. The server pages with `first`/`after`, not
 * offsets, so page n can be asked for only once the end cursor of page n − 1 is known: the
 * list keeps the `after` cursor of every page it has seen (the grid moves one page at a time).
 * Any change of filter, sort or page size starts again from page 0.
 */
export type PageCursors = readonly (string | null)[];

export const FIRST_PAGE: PageCursors = [null];

/** The `after` argument for `page`, or undefined when that page cannot be reached yet. */
export function afterFor(cursors: PageCursors, page: number): string | null | undefined {
  return page < cursors.length ? cursors[page] : undefined;
}

/** Records that `page` ended at `endCursor`, which is where page + 1 starts. */
export function recordPage(cursors: PageCursors, page: number, endCursor: string | null, hasNextPage: boolean): PageCursors {
  if (!hasNextPage || endCursor === null) return cursors.slice(0, page + 1);
  if (cursors[page + 1] === endCursor) return cursors;
  const next = cursors.slice(0, page + 1);
  next[page + 1] = endCursor;
  return next;
}
