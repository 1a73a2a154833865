import { Alert, Box, Chip, LinearProgress, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { type ResultOf, readFragment } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { applyCountEvent, type LiveCounts, withLiveCounts } from './live-counts';
import { EnrollmentCountSubscription, OfferingCountsFields, RoundStatusSubscription, RoundsQuery } from './rounds.documents';

type Round = ResultOf<typeof RoundsQuery>['enrollmentRounds']['edges'][number]['node'];
type OfferingNode = Round['offerings']['edges'][number]['node'];

export default function RoundsPage() {
  const { t, fmt } = useI18n();
  const { live: liveState } = useAuth();
  const [result, reexecute] = useQuery({ query: RoundsQuery });
  const [live, setLive] = useState<LiveCounts>(new Map());
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  // Fresh list data supersedes the counts received before it.
  useEffect(() => {
    if (result.data && !result.stale) setLive(new Map());
  }, [result.data, result.stale]);

  useSubscription({ query: EnrollmentCountSubscription }, (_prev, event) => {
    const offerings = event.enrollmentCountChanged.offerings.map((o) => readFragment(OfferingCountsFields, o));
    setLive((l) => applyCountEvent(l, offerings));
    setUpdatedAt(new Date());
    return event;
  });
  // A round opened or closed: statuses, outcome and offering states all change; reload.
  useSubscription({ query: RoundStatusSubscription }, (_prev, event) => {
    reexecute({ requestPolicy: 'network-only' });
    return event;
  });
  // Back from a lost connection: events may have been missed meanwhile.
  const previousLive = useRef(liveState);
  useEffect(() => {
    if (previousLive.current === 'lost' && liveState === 'connected') reexecute({ requestPolicy: 'network-only' });
    previousLive.current = liveState;
  }, [liveState, reexecute]);

  const rounds = result.data?.enrollmentRounds.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeading title={t('rounds.title')}>{t('rounds.title')}</PageHeading>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('rounds.liveHint')}
        {updatedAt ? ` (${t('rounds.updated', { time: fmt.time(updatedAt) })})` : ''}
      </Typography>
      {result.error && <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!result.data && !result.error && <Loading />}
      {result.data && rounds.length === 0 && <Alert severity="info">{t('rounds.empty')}</Alert>}
      {rounds.map((round) => (
        <RoundSection key={round.id} round={round} live={live} />
      ))}
    </>
  );
}

const STATUS_COLOR = { DRAFT: 'default', OPEN: 'primary', CLOSED: 'secondary' } as const;

function RoundSection({ round, live }: { round: Round; live: LiveCounts }) {
  const { t, fmt } = useI18n();
  const headingId = `round-${round.id}`;
  const offerings = round.offerings.edges.map((e) => e.node);
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2, mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} variant="h6" component="h2">
          {t('rounds.roundHeading', { month: round.month })}
        </Typography>
        {/* The status is written out: the colour only repeats it. */}
        <Chip label={t(`rounds.status.${round.status}`)} color={STATUS_COLOR[round.status]} size="small" />
      </Box>
      <Typography variant="body2">{t('rounds.window', { opens: fmt.dateTime(round.opensAt), closes: fmt.dateTime(round.closesAt) })}</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('rounds.minimum', { count: fmt.number(round.minimumRegistrants) })}
      </Typography>
      {round.outcome && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('rounds.outcome', {
            confirmed: fmt.number(round.outcome.confirmedOfferings),
            cancelled: fmt.number(round.outcome.cancelledOfferings),
            registrations: fmt.number(round.outcome.confirmedRegistrations),
            discontinued: fmt.number(round.outcome.discontinuedRegistrations),
          })}
        </Alert>
      )}
      {offerings.length === 0 ? (
        <Typography>{t('rounds.noOfferings')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('rounds.offeringsLabel', { month: round.month })}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('rounds.columns.time')}</TableCell>
                <TableCell scope="col">{t('rounds.columns.location')}</TableCell>
                <TableCell scope="col">{t('rounds.columns.instructor')}</TableCell>
                <TableCell scope="col">{t('rounds.columns.registrants')}</TableCell>
                <TableCell scope="col" align="right">
                  {t('rounds.columns.waitlist')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('rounds.columns.seatsLeft')}
                </TableCell>
                <TableCell scope="col">{t('rounds.columns.outlook')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {offerings.map((o) => (
                <OfferingRow key={o.id} offering={withLiveCounts({ ...o, ...readFragment(OfferingCountsFields, o) }, live)} roundStatus={round.status} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Paper>
  );
}

type Offering = OfferingNode & ResultOf<typeof OfferingCountsFields>;

function OfferingRow({ offering: o, roundStatus }: { offering: Offering; roundStatus: Round['status'] }) {
  const { t, fmt } = useI18n();
  const toMinimum = Math.min(100, (o.registrantCount / Math.max(1, o.minimumRegistrants)) * 100);
  const outlook =
    roundStatus === 'CLOSED' || o.status !== 'SCHEDULED' ? t(`rounds.offeringStatus.${o.status}`) : o.willOpen ? `✓ ${t('rounds.willOpen')}` : `△ ${t('rounds.willNotOpen')}`;
  return (
    <TableRow>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.slot(o.startsAt, o.endsAt)}</TableCell>
      <TableCell>{o.place ?? (o.onlineUrl ? t('rounds.online') : '')}</TableCell>
      <TableCell>{o.instructorName ?? ''}</TableCell>
      <TableCell sx={{ minWidth: 160 }}>
        <span>{t('rounds.registrantsOf', { count: fmt.number(o.registrantCount), capacity: fmt.number(o.capacity) })}</span>
        <LinearProgress
          variant="determinate"
          value={toMinimum}
          color={o.willOpen ? 'success' : 'warning'}
          aria-label={`${t('rounds.columns.minimum')} ${fmt.number(o.registrantCount)} / ${fmt.number(o.minimumRegistrants)}`}
          sx={{ mt: 0.5 }}
        />
      </TableCell>
      <TableCell align="right">{t('rounds.people', { count: fmt.number(o.waitlistCount) })}</TableCell>
      <TableCell align="right">{t('rounds.people', { count: fmt.number(o.seatsLeft) })}</TableCell>
      <TableCell>{outlook}</TableCell>
    </TableRow>
  );
}
