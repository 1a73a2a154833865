import { act, screen, waitFor, within } from '@testing-library/react';
import { maskFragments } from 'gql.tada';
import { describe, expect, it } from 'vitest';
import { makeSubject } from 'wonka';
import type { ResultOf } from '../../graphql';
import { type ApiResult, createTestApi, renderWithApp, t } from '../../test/render';
import RoundsPage from './RoundsPage';
import { EnrollmentCountSubscription, OfferingCountsFields, RoundStatusSubscription, RoundsQuery } from './rounds.documents';

type Counts = ResultOf<typeof OfferingCountsFields>;
type RoundStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

const ROUND = 'Um91bmQ6MQ==';
const DATA = 'T2ZmZXJpbmc6MQ==';
const CIVIL = 'T2ZmZXJpbmc6Mg==';

/** An offering on `day` of April 2027, 10:00–12:00 in Korea. */
const offering = (id: string, title: string, day: number, capacity: number, minimumRegistrants: number, counts: Omit<Counts, 'id'>) => ({
  id,
  startsAt: `2027-04-${String(day).padStart(2, '0')}T01:00:00.000Z`,
  endsAt: `2027-04-${String(day).padStart(2, '0')}T03:00:00.000Z`,
  place: '인재개발원 101호',
  onlineUrl: null,
  instructorName: '이강사',
  capacity,
  minimumRegistrants,
  course: { id: `C-${id}`, code: `C${day}`, title, format: 'IN_PERSON' as const, lengthMinutes: 120 },
  eligibleOrganizations: [],
  ...maskFragments([OfferingCountsFields], { id, ...counts }),
});

/** What the API says the rounds are, as of the last time the list was asked for. */
function roundsList(status: RoundStatus, dataCounts: Omit<Counts, 'id'>): ResultOf<typeof RoundsQuery> {
  return {
    enrollmentRounds: {
      totalCount: 1,
      edges: [
        {
          node: {
            id: ROUND,
            month: '2027-04',
            status,
            opensAt: '2027-03-01T00:00:00.000Z',
            closesAt: '2027-03-20T09:00:00.000Z',
            minimumRegistrants: 5,
            outcome: null,
            offerings: {
              totalCount: 2,
              edges: [
                { node: offering(DATA, '공공 데이터 분석', 6, 30, 10, dataCounts) },
                { node: offering(CIVIL, '민원 응대 실무', 8, 20, 5, { registrantCount: 20, waitlistCount: 2, seatsLeft: 0, willOpen: true, status: 'SCHEDULED' }) },
              ],
            },
          },
        },
      ],
    },
  };
}

function setup() {
  let list = roundsList('OPEN', { registrantCount: 9, waitlistCount: 0, seatsLeft: 21, willOpen: false, status: 'SCHEDULED' });
  const counts = makeSubject<ApiResult<ResultOf<typeof EnrollmentCountSubscription>>>();
  const statuses = makeSubject<ApiResult<ResultOf<typeof RoundStatusSubscription>>>();
  const api = createTestApi()
    .on(RoundsQuery, () => ({ data: list }))
    .on(EnrollmentCountSubscription, () => counts.source)
    .on(RoundStatusSubscription, () => statuses.source);
  const view = renderWithApp(<RoundsPage />, api, { route: '/rounds' });
  /** The row of an offering, by its course title. */
  const row = (title: string) => within(screen.getByRole('table', { name: t('rounds.offeringsLabel', { month: '2027-04' }) })).getByRole('row', { name: new RegExp(title) });
  /** Pushes an `enrollmentCountChanged` event, as the server would over the WebSocket. */
  const pushCounts = (...offerings: Counts[]) =>
    act(() => counts.next({ data: { enrollmentCountChanged: { round: { id: ROUND }, offerings: [...maskFragments([OfferingCountsFields], offerings)] } } }));
  const pushStatus = (status: RoundStatus) => act(() => statuses.next({ data: { enrollmentRoundStatusChanged: { status, round: { id: ROUND } } } }));
  const serverNow = (next: ResultOf<typeof RoundsQuery>) => {
    list = next;
  };
  return { ...view, api, row, pushCounts, pushStatus, serverNow };
}

describe('RoundsPage: live registration counts merged into the list', () => {
  it('changes the numbers on screen when a count event arrives, without asking for the list again', async () => {
    const { api, row, pushCounts } = setup();
    await screen.findByRole('heading', { name: t('rounds.roundHeading', { month: '2027-04' }) });
    const data = () => row('공공 데이터 분석');
    expect(data()).toHaveTextContent(t('rounds.registrantsOf', { count: 9, capacity: 30 }));
    expect(data()).toHaveTextContent(t('rounds.willNotOpen'));
    expect(screen.queryByText(/갱신\)/)).not.toBeInTheDocument();

    // A tenth servant registers: the minimum (10) is reached.
    pushCounts({ id: DATA, registrantCount: 10, waitlistCount: 0, seatsLeft: 20, willOpen: true, status: 'SCHEDULED' });
    await waitFor(() => expect(data()).toHaveTextContent(t('rounds.registrantsOf', { count: 10, capacity: 30 })));
    expect(data()).toHaveTextContent(t('rounds.willOpen'));
    expect(within(data()).getByRole('progressbar')).toHaveAccessibleName(`${t('rounds.columns.minimum')} 10 / 10`);
    expect(within(data()).getAllByRole('cell').map((c) => c.textContent)).toContain(t('rounds.people', { count: 20 }));
    // The other offering keeps its numbers; the time of the last update shows.
    expect(row('민원 응대 실무')).toHaveTextContent(t('rounds.registrantsOf', { count: 20, capacity: 20 }));
    expect(screen.getByText(/갱신\)/)).toBeInTheDocument();

    // Later events win over earlier ones: one cancels, and a waitlisted servant moves up elsewhere.
    pushCounts(
      { id: DATA, registrantCount: 9, waitlistCount: 0, seatsLeft: 21, willOpen: false, status: 'SCHEDULED' },
      { id: CIVIL, registrantCount: 20, waitlistCount: 1, seatsLeft: 0, willOpen: true, status: 'SCHEDULED' },
    );
    await waitFor(() => expect(data()).toHaveTextContent(t('rounds.registrantsOf', { count: 9, capacity: 30 })));
    expect(data()).toHaveTextContent(t('rounds.willNotOpen'));
    expect(within(row('민원 응대 실무')).getAllByRole('cell').map((c) => c.textContent)).toContain(t('rounds.people', { count: 1 }));

    // All of it came over the subscription: the list was asked for once.
    expect(api.requests(RoundsQuery)).toHaveLength(1);
  });

  it('reloads the list when the round opens or closes, and the reloaded numbers replace the live ones', async () => {
    const { api, row, pushCounts, pushStatus, serverNow } = setup();
    await screen.findByRole('heading', { name: t('rounds.roundHeading', { month: '2027-04' }) });
    pushCounts({ id: DATA, registrantCount: 10, waitlistCount: 0, seatsLeft: 20, willOpen: true, status: 'SCHEDULED' });
    await waitFor(() => expect(row('공공 데이터 분석')).toHaveTextContent(t('rounds.registrantsOf', { count: 10, capacity: 30 })));

    // The round closes with 11 registered (one more came in through another process).
    serverNow(roundsList('CLOSED', { registrantCount: 11, waitlistCount: 0, seatsLeft: 19, willOpen: true, status: 'CONFIRMED' }));
    pushStatus('CLOSED');

    await waitFor(() => expect(api.requests(RoundsQuery)).toHaveLength(2));
    expect(api.requests(RoundsQuery)[1].requestPolicy).toBe('network-only');
    await waitFor(() => expect(row('공공 데이터 분석')).toHaveTextContent(t('rounds.registrantsOf', { count: 11, capacity: 30 })));
    expect(row('공공 데이터 분석')).toHaveTextContent(t('rounds.offeringStatus.CONFIRMED'));
    expect(screen.getByText(t('rounds.status.CLOSED'))).toBeInTheDocument();
  });
});
