import { Alert, Box, Button, Chip, LinearProgress, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { type ResultOf, readFragment } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { ConfirmDialog, useCanManage } from '../../shell/dialogs';
import { LoadError, Loading } from '../../shell/StatusViews';
import { conflictingIds } from './conflicts';
import { EnrollmentsDialog, OfferingDialog, RoundCreateDialog } from './RoundDialogs';
import { applyCountEvent, type LiveCounts, withLiveCounts } from './live-counts';
import {
  CourseOfferingRemove,
  EnrollmentCountSubscription,
  EnrollmentRoundClose,
  EnrollmentRoundOpen,
  OfferingCountsFields,
  RoundStatusSubscription,
  RoundsQuery,
} from './rounds.documents';

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

  const canManage = useCanManage();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const rounds = result.data?.enrollmentRounds.edges.map((e) => e.node) ?? [];
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flexGrow: 1 }}>
          <PageHeading title={t('rounds.title')}>{t('rounds.title')}</PageHeading>
        </Box>
        {canManage && (
          <Button variant="contained" onClick={() => setCreating(true)}>
            {t('rounds.manage.create')}
          </Button>
        )}
      </Box>
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {creating && (
        <RoundCreateDialog
          onClose={() => setCreating(false)}
          onDone={(month) => {
            setCreating(false);
            setNotice(t('rounds.manage.created', { month }));
            reload();
          }}
        />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('rounds.liveHint')}
        {updatedAt ? ` (${t('rounds.updated', { time: fmt.time(updatedAt) })})` : ''}
      </Typography>
      {result.error && <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {!result.data && !result.error && <Loading />}
      {result.data && rounds.length === 0 && <Alert severity="info">{t('rounds.empty')}</Alert>}
      {rounds.map((round) => (
        <RoundSection key={round.id} round={round} live={live} reload={reload} onNotice={setNotice} />
      ))}
    </>
  );
}

const STATUS_COLOR = { DRAFT: 'default', OPEN: 'primary', CLOSED: 'secondary' } as const;

type Action = { kind: 'add' } | { kind: 'edit'; offering: OfferingNode } | { kind: 'remove'; offering: OfferingNode } | { kind: 'enrollments'; offering: OfferingNode } | { kind: 'open' } | { kind: 'close' } | null;

function RoundSection({ round, live, reload, onNotice }: { round: Round; live: LiveCounts; reload(): void; onNotice(text: string): void }) {
  const { t, fmt } = useI18n();
  const canManage = useCanManage();
  const headingId = `round-${round.id}`;
  const offerings = round.offerings.edges.map((e) => e.node);
  const conflicts = conflictingIds(offerings);
  const [action, setAction] = useState<Action>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [openState, openRound] = useMutation(EnrollmentRoundOpen);
  const [closeState, closeRound] = useMutation(EnrollmentRoundClose);
  const [removeState, removeOffering] = useMutation(CourseOfferingRemove);
  // Opening or closing removes the button that had the focus: the focus then goes to the round's
  // heading (right above the outcome) instead of being lost on the page body. This effect runs
  // after the confirmation dialog has given the focus back to that button.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  useEffect(() => {
    if (!focusHeading) return;
    setFocusHeading(false);
    headingRef.current?.focus();
  }, [focusHeading]);
  const finish = (text: string, moveFocus = false) => {
    setAction(null);
    setActionError(null);
    if (moveFocus) setFocusHeading(true);
    onNotice(text);
    reload();
  };
  const cancel = () => {
    setAction(null);
    setActionError(null);
  };
  const confirmOpen = async () => {
    const r = await openRound({ input: { roundId: round.id } });
    const errs = r.data?.enrollmentRoundOpen.userErrors;
    if (r.error || !errs) return setActionError(t('app.error'));
    if (errs.length) return setActionError(errs.map((e) => e.message).join(' '));
    finish(t('rounds.manage.opened', { month: round.month }), true);
  };
  const confirmClose = async () => {
    const r = await closeRound({ input: { roundId: round.id } });
    const p = r.data?.enrollmentRoundClose;
    if (r.error || !p) return setActionError(t('app.error'));
    if (p.userErrors.length) return setActionError(p.userErrors.map((e) => e.message).join(' '));
    finish(t('rounds.manage.closed', { month: round.month }), true);
  };
  const confirmRemove = async (id: string) => {
    const r = await removeOffering({ input: { id } });
    const p = r.data?.courseOfferingRemove;
    if (r.error || !p) return setActionError(t('app.error'));
    if (p.userErrors.length) return setActionError(p.userErrors.map((e) => e.message).join(' '));
    finish(t('rounds.manage.removed'));
  };
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2, mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} ref={headingRef} tabIndex={-1} variant="h6" component="h2" sx={{ outline: 'none' }}>
          {t('rounds.roundHeading', { month: round.month })}
        </Typography>
        {/* The status is written out: the colour only repeats it. */}
        <Chip label={t(`rounds.status.${round.status}`)} color={STATUS_COLOR[round.status]} size="small" />
        {canManage && (
          <Box sx={{ display: 'flex', gap: 1, ml: 'auto' }}>
            {round.status === 'DRAFT' && (
              <>
                <Button variant="outlined" onClick={() => setAction({ kind: 'add' })} aria-label={t('rounds.manage.addOfferingTo', { month: round.month })}>
                  {t('rounds.manage.addOffering')}
                </Button>
                <Button variant="contained" onClick={() => setAction({ kind: 'open' })} aria-label={t('rounds.manage.openRound', { month: round.month })}>
                  {t('rounds.manage.open')}
                </Button>
              </>
            )}
            {round.status === 'OPEN' && (
              <Button variant="contained" color="error" onClick={() => setAction({ kind: 'close' })} aria-label={t('rounds.manage.closeRound', { month: round.month })}>
                {t('rounds.manage.close')}
              </Button>
            )}
          </Box>
        )}
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
      {conflicts.size > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('rounds.manage.conflictsInRound', { count: fmt.number(conflicts.size) })}
        </Alert>
      )}
      {offerings.length === 0 ? (
        <Typography>{t('rounds.noOfferings')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('rounds.offeringsLabel', { month: round.month })}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('rounds.columns.course')}</TableCell>
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
                <TableCell scope="col">{t('rounds.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {offerings.map((o) => (
                <OfferingRow
                  key={o.id}
                  offering={withLiveCounts({ ...o, ...readFragment(OfferingCountsFields, o) }, live)}
                  roundStatus={round.status}
                  conflict={conflicts.has(o.id)}
                  actions={
                    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                      <Button size="small" onClick={() => setAction({ kind: 'enrollments', offering: o })} aria-label={t('rounds.manage.enrollmentsOf', { title: o.course.title })}>
                        {t('rounds.manage.enrollments')}
                      </Button>
                      {canManage && round.status === 'DRAFT' && (
                        <>
                          <Button size="small" onClick={() => setAction({ kind: 'edit', offering: o })} aria-label={t('rounds.manage.editOf', { title: o.course.title })}>
                            {t('rounds.manage.edit')}
                          </Button>
                          <Button size="small" color="error" onClick={() => setAction({ kind: 'remove', offering: o })} aria-label={t('rounds.manage.removeOf', { title: o.course.title })}>
                            {t('rounds.manage.remove')}
                          </Button>
                        </>
                      )}
                    </Box>
                  }
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {(action?.kind === 'add' || action?.kind === 'edit') && (
        <OfferingDialog
          round={round}
          siblings={offerings}
          offering={action.kind === 'edit' ? action.offering : undefined}
          onClose={cancel}
          onDone={() => finish(action.kind === 'edit' ? t('rounds.manage.saved') : t('rounds.manage.added'))}
        />
      )}
      {action?.kind === 'enrollments' && (
        <EnrollmentsDialog
          offeringId={action.offering.id}
          title={action.offering.course.title}
          liveCount={withLiveCounts({ ...action.offering, ...readFragment(OfferingCountsFields, action.offering) }, live).registrantCount}
          onClose={cancel}
        />
      )}
      {action?.kind === 'remove' && (
        <ConfirmDialog
          open
          title={t('rounds.manage.removeTitle', { title: action.offering.course.title })}
          message={t('rounds.manage.removeMessage')}
          confirmLabel={t('rounds.manage.remove')}
          busy={removeState.fetching}
          error={actionError}
          onClose={cancel}
          onConfirm={() => void confirmRemove(action.offering.id)}
        />
      )}
      {action?.kind === 'open' && (
        <ConfirmDialog
          open
          title={t('rounds.manage.openTitle', { month: round.month })}
          message={t('rounds.manage.openMessage', { count: fmt.number(offerings.length), opens: fmt.dateTime(round.opensAt), closes: fmt.dateTime(round.closesAt) })}
          confirmLabel={t('rounds.manage.open')}
          busy={openState.fetching}
          error={actionError}
          onClose={cancel}
          onConfirm={() => void confirmOpen()}
        />
      )}
      {action?.kind === 'close' && (
        <ConfirmDialog
          open
          title={t('rounds.manage.closeTitle', { month: round.month })}
          message={t('rounds.manage.closeMessage')}
          confirmLabel={t('rounds.manage.close')}
          busy={closeState.fetching}
          error={actionError}
          onClose={cancel}
          onConfirm={() => void confirmClose()}
        />
      )}
    </Paper>
  );
}

type Offering = OfferingNode & ResultOf<typeof OfferingCountsFields>;

function OfferingRow({ offering: o, roundStatus, conflict, actions }: { offering: Offering; roundStatus: Round['status']; conflict: boolean; actions: ReactNode }) {
  const { t, fmt } = useI18n();
  const toMinimum = Math.min(100, (o.registrantCount / Math.max(1, o.minimumRegistrants)) * 100);
  const outlook =
    roundStatus === 'CLOSED' || o.status !== 'SCHEDULED' ? t(`rounds.offeringStatus.${o.status}`) : o.willOpen ? `✓ ${t('rounds.willOpen')}` : `△ ${t('rounds.willNotOpen')}`;
  return (
    <TableRow>
      <TableCell sx={{ minWidth: 160 }}>
        {o.course.title}
        {o.eligibleOrganizations.length > 0 && (
          <Typography variant="caption" component="div">
            {t('rounds.manage.eligibleList', { names: o.eligibleOrganizations.map((g) => g.name).join(', ') })}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.slot(o.startsAt, o.endsAt)}</TableCell>
      <TableCell>
        {o.place ?? (o.onlineUrl ? t('rounds.online') : '')}
        {conflict && (
          <Typography variant="caption" component="div" sx={{ fontWeight: 700 }}>
            ⚠ {t('rounds.manage.conflictMark')}
          </Typography>
        )}
      </TableCell>
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
        <Typography variant="caption" component="div">
          {t('rounds.manage.minimumOf', { count: fmt.number(o.minimumRegistrants) })}
        </Typography>
      </TableCell>
      <TableCell align="right">{t('rounds.people', { count: fmt.number(o.waitlistCount) })}</TableCell>
      <TableCell align="right">{t('rounds.people', { count: fmt.number(o.seatsLeft) })}</TableCell>
      <TableCell>{outlook}</TableCell>
      <TableCell>{actions}</TableCell>
    </TableRow>
  );
}
