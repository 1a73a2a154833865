import { describe, expect, it } from 'vitest';
import { afterFor, FIRST_PAGE, recordPage } from './cursor-pages';

describe('page numbers over a keyset connection', () => {
  it('reaches page n with the end cursor of page n − 1 and goes back with the cursors it kept', () => {
    let c = FIRST_PAGE;
    expect(afterFor(c, 0)).toBeNull();
    expect(afterFor(c, 1)).toBeUndefined(); // not reachable before page 0 is known
    c = recordPage(c, 0, 'c25', true);
    c = recordPage(c, 1, 'c50', true);
    expect(afterFor(c, 1)).toBe('c25');
    expect(afterFor(c, 2)).toBe('c50');
    // back on page 0: the later cursors stay valid
    expect(recordPage(c, 0, 'c25', true)).toBe(c);
    // the data changed under page 0: later pages are forgotten
    c = recordPage(c, 0, 'c24', true);
    expect(c).toEqual([null, 'c24']);
    // the last page has no next page
    expect(recordPage(c, 1, 'c48', false)).toEqual([null, 'c24']);
  });
});
