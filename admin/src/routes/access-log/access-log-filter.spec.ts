import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toApiFilter } from './access-log-filter';

describe('access-log filter', () => {
  it('sends nothing for an empty filter', () => {
    expect(toApiFilter(EMPTY_FILTER)).toEqual({});
  });

  it('turns Korean calendar days into instants, the end day included', () => {
    expect(toApiFilter({ ...EMPTY_FILTER, from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-10-31T15:00:00.000Z',
      to: '2026-11-30T15:00:00.000Z',
    });
  });

  it('passes the chosen actor, subject and action', () => {
    expect(toApiFilter({ ...EMPTY_FILTER, action: 'READ_PROFILE', actor: { id: 'A', label: 'x' }, subject: { id: 'S', label: 'y' } })).toEqual({
      action: 'READ_PROFILE',
      actorId: 'A',
      subjectServantId: 'S',
    });
  });
});
