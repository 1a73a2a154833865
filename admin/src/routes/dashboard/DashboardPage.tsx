import { Box, Chip, Paper, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useAuth } from '../../auth/AuthProvider';
import { type ResultOf, readFragment } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { ChartWithTable } from './ChartWithTable';
import { dashboardPeriod, daysUntil, registrationTotals } from './dashboard-period';
import { DashboardCountsSubscription, DashboardOfferingFields, DashboardQuery, DashboardRoundStatusSubscription } from './dashboard.documents';

type Offering = ResultOf<typeof DashboardOfferingFields>;
const pct = (rate: number) => Math.round(rate * 1000) / 10;

/**
 * The landing page of reporters and administrators: the current round with registrations
 * arriving live, and the reports of the API as charts that can also be read as tables. Every
 * figure is computed by the API (in SQL); the screen only draws them.
 */
export default function DashboardPage() {
  const { t, fmt } = useI18n();
  const { live: liveState } = useAuth();
  const period = useMemo(() => dashboardPeriod(new Date()), []);
  const [result, reexecute] = useQuery({ query: DashboardQuery, variables: period });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const round = result.data?.currentEnrollmentRound ?? null;

  // Registrations arriving live: the latest counts of each offering, over the loaded ones.
  const [live, setLive] = useState<Map<string, Offering>>(new Map());
  const [lastEvent, setLastEvent] = useState<Date | null>(null);
  useEffect(() => {
    if (result.data && !result.stale) setLive(new Map());
  }, [result.data, result.stale]);
  useSubscription({ query: DashboardCountsSubscription, variables: { roundId: round?.id ?? null }, pause: !round }, (_prev, event) => {
    const changed = event.enrollmentCountChanged.offerings.map((o) => readFragment(DashboardOfferingFields, o));
    setLive((m) => {
      const next = new Map(m);
      for (const o of changed) next.set(o.id, o);
      return next;
    });
    setLastEvent(new Date());
    return event;
  });
  useSubscription({ query: DashboardRoundStatusSubscription }, (_prev, event) => {
    reload();
    return event;
  });
  // Back from a lost connection: events may have been missed meanwhile.
  const previousLive = useRef(liveState);
  useEffect(() => {
    if (previousLive.current === 'lost' && liveState === 'connected') reexecute({ requestPolicy: 'network-only' });
    previousLive.current = liveState;
  }, [liveState, reexecute]);

  if (result.error && !result.data) return <LoadError error={result.error} retry={reload} />;
  if (!result.data) return <Loading />;
  const { demandFunnel: funnel, participationByOrganization: participation, creditsByCategoryAndOrganization: credits, mandatoryOverdueByOrganization: overdue } = result.data;

  const offerings = (round?.offerings.edges ?? []).map((e) => {
    const o = readFragment(DashboardOfferingFields, e.node);
    return live.get(o.id) ?? o;
  });
  const totals = registrationTotals(offerings);
  const now = new Date();
  const deadline = round?.status === 'OPEN' ? new Date(round.closesAt) : round?.status === 'DRAFT' ? new Date(round.opensAt) : null;
  const days = deadline ? daysUntil(now, deadline) : null;

  const funnelStages = [
    [t('dashboard.funnel.requests'), funnel.requests],
    [t('dashboard.funnel.demands'), funnel.demands],
    [t('dashboard.funnel.plannedCourses'), funnel.plannedCourses],
    [t('dashboard.funnel.confirmed'), funnel.confirmedOfferings],
    [t('dashboard.funnel.discontinued'), funnel.discontinuedOfferings],
  ] as const;
  const orgHeight = (n: number) => Math.max(160, 28 * n + 60);

  return (
    <>
      <PageHeading title={t('dashboard.title')}>{t('dashboard.title')}</PageHeading>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <Paper component="section" aria-labelledby="dashboard-round" variant="outlined" sx={{ p: 2 }} data-testid="dashboard-round">
          <Typography id="dashboard-round" variant="h6" component="h2" sx={{ mb: 1 }}>
            {t('dashboard.round.title')}
          </Typography>
          {round ? (
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dd': { m: 0 } }}>
              <dt>{t('dashboard.round.month')}</dt>
              <dd data-testid="round-month">{round.month}</dd>
              <dt>{t('dashboard.round.status')}</dt>
              <dd>
                <Chip size="small" label={t(`dashboard.round.statuses.${round.status}`)} data-testid="round-status" />
              </dd>
              <dt>{round.status === 'DRAFT' ? t('dashboard.round.opensIn') : t('dashboard.round.closesIn')}</dt>
              <dd data-testid="round-days-left">
                {days === null ? t('dashboard.round.noDeadline') : t('dashboard.round.days', { days })}
                {deadline ? ` (${fmt.dateTime(deadline.toISOString())})` : ''}
              </dd>
              <dt>{t('dashboard.round.offerings')}</dt>
              <dd>{fmt.number(round.offerings.totalCount)}</dd>
              <dt>{t('dashboard.round.registrations')}</dt>
              {/* Polite live region: a screen reader hears the new total as registrations arrive. */}
              <dd aria-live="polite" aria-atomic="true" data-testid="round-registrations">
                {t('dashboard.round.registrationsValue', { registrants: fmt.number(totals.registrants), capacity: fmt.number(totals.capacity) })}
              </dd>
              <dt>{t('dashboard.round.updated')}</dt>
              <dd>{lastEvent ? fmt.time(lastEvent) : t('dashboard.round.waiting')}</dd>
            </Box>
          ) : (
            <Typography>{t('dashboard.round.none')}</Typography>
          )}
        </Paper>

        <ChartWithTable
          testId="dashboard-funnel"
          title={t('dashboard.funnel.title', { month: funnel.month })}
          summary={t('dashboard.funnel.summary', {
            requests: funnel.requests,
            demands: funnel.demands,
            courses: funnel.plannedCourses,
            confirmed: funnel.confirmedOfferings,
            discontinued: funnel.discontinuedOfferings,
          })}
          csv={funnel.csv}
          csvName={t('dashboard.funnel.file', { month: funnel.month })}
          table={{ columns: [t('dashboard.funnel.stage'), t('dashboard.funnel.count')], rows: funnelStages.map(([l, n]) => [l, fmt.number(n)]), numeric: [1] }}
          chart={
            <BarChart
              height={260}
              hideLegend
              skipAnimation
              xAxis={[{ scaleType: 'band', data: funnelStages.map(([l]) => l) }]}
              series={[{ data: funnelStages.map(([, n]) => n), label: t('dashboard.funnel.count') }]}
            />
          }
        />

        <ChartWithTable
          testId="dashboard-participation"
          title={t('dashboard.participation.title', { year: participation.year })}
          summary={t('dashboard.participation.summary', {
            participants: fmt.number(participation.total.participants),
            servants: fmt.number(participation.total.servants),
            rate: pct(participation.total.rate),
          })}
          csv={participation.csv}
          csvName={t('dashboard.participation.file', { year: participation.year })}
          table={{
            columns: [t('dashboard.columns.organization'), t('dashboard.columns.servants'), t('dashboard.columns.participants'), t('dashboard.columns.rate')],
            rows: participation.rows.map((r) => [r.organizationName, fmt.number(r.servants), fmt.number(r.participants), `${pct(r.rate)}%`]),
            numeric: [1, 2, 3],
          }}
          chart={
            <BarChart
              height={orgHeight(participation.rows.length)}
              layout="horizontal"
              hideLegend
              skipAnimation
              yAxis={[{ scaleType: 'band', data: participation.rows.map((r) => r.organizationName), width: 80 }]}
              xAxis={[{ min: 0, max: 100 }]}
              series={[{ data: participation.rows.map((r) => pct(r.rate)), label: t('dashboard.columns.rate') }]}
            />
          }
        />

        <ChartWithTable
          testId="dashboard-credits"
          title={t('dashboard.credits.title', { from: fmt.localDate(credits.from), to: fmt.localDate(credits.to) })}
          summary={t('dashboard.credits.summary', { credits: fmt.number(credits.total.credits), servants: fmt.number(credits.total.servants) })}
          csv={credits.csv}
          csvName={t('dashboard.credits.file', { month: period.month })}
          table={{
            columns: [t('dashboard.columns.category'), t('dashboard.columns.credits'), t('dashboard.columns.earners')],
            rows: credits.byCategory.map((c) => [c.categoryName, fmt.number(c.credits), fmt.number(c.servants)]),
            numeric: [1, 2],
          }}
          chart={
            credits.byCategory.length ? (
              <BarChart
                height={260}
                hideLegend
                skipAnimation
                xAxis={[{ scaleType: 'band', data: credits.byCategory.map((c) => c.categoryName) }]}
                series={[{ data: credits.byCategory.map((c) => Number(c.credits)), label: t('dashboard.columns.credits') }]}
              />
            ) : (
              <Typography color="text.secondary">{t('dashboard.credits.none')}</Typography>
            )
          }
        />

        <ChartWithTable
          testId="dashboard-overdue"
          title={t('dashboard.overdue.title', { year: overdue.year })}
          summary={t('dashboard.overdue.summary', {
            overdue: fmt.number(overdue.total.overdueServants),
            servants: fmt.number(overdue.total.servants),
            items: fmt.number(overdue.total.overdueItems),
          })}
          csv={overdue.csv}
          csvName={t('dashboard.overdue.file', { year: overdue.year })}
          table={{
            columns: [t('dashboard.columns.organization'), t('dashboard.columns.servants'), t('dashboard.columns.overdueServants'), t('dashboard.columns.overdueItems')],
            rows: overdue.rows.map((r) => [r.organizationName, fmt.number(r.servants), fmt.number(r.overdueServants), fmt.number(r.overdueItems)]),
            numeric: [1, 2, 3],
          }}
          chart={
            <BarChart
              height={orgHeight(overdue.rows.length)}
              layout="horizontal"
              hideLegend
              skipAnimation
              yAxis={[{ scaleType: 'band', data: overdue.rows.map((r) => r.organizationName), width: 80 }]}
              series={[{ data: overdue.rows.map((r) => r.overdueServants), label: t('dashboard.columns.overdueServants') }]}
            />
          }
        />
      </Box>
    </>
  );
}
