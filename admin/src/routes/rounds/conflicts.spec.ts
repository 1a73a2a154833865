import { describe, expect, it } from 'vitest';
import { conflictingIds, kstInstant, kstParts, placeConflicts } from './conflicts';

const at = (hm: string) => kstInstant('2027-01-12', hm);
const o = (id: string, from: string, to: string, place: string | null) => ({ id, startsAt: at(from), endsAt: at(to), place });

describe('offering conflict warnings', () => {
  const round = [o('a', '10:00', '11:00', '본관 301호'), o('b', '10:30', '12:00', '본관301호'), o('c', '11:00', '12:00', '본관 301호'), o('d', '10:00', '11:00', null), o('e', '10:00', '11:00', '본관 302호')];

  it('warns about the same place at overlapping times, spacing ignored; back-to-back and online are fine', () => {
    expect(placeConflicts(round[0], round).map((x) => x.id)).toEqual(['b']);
    expect(placeConflicts({ startsAt: at('11:30'), endsAt: at('12:30'), place: ' 본관 301 호' }, round).map((x) => x.id)).toEqual(['b', 'c']);
    expect(placeConflicts(round[3], round)).toEqual([]);
    expect(conflictingIds(round)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('reads and writes times in Korea time whatever the browser zone', () => {
    expect(kstInstant('2027-01-12', '10:00')).toBe('2027-01-12T01:00:00.000Z');
    expect(kstParts('2027-01-11T15:30:00.000Z')).toEqual(['2027-01-12', '00:30']);
  });
});
