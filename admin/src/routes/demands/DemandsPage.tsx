import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  FormGroup,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { type ResultOf, type VariablesOf } from '../../graphql';
import { useI18n } from '../../i18n';
import { FormDialog, useCanManage } from '../../shell/dialogs';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { fieldErrors } from '../login/field-errors';
import { afterFor, FIRST_PAGE, type PageCursors, recordPage } from '../servants/cursor-pages';
import { DEMAND_MINIMUM_REQUESTERS, demandProgress } from './demand-progress';
import { CategoriesQuery, CourseCreateFromDemand, DemandDecline, DemandDetailQuery, DemandMerge, DemandSplit, DemandsQuery } from './demands.documents';
import { useDebounced } from '../../shell/use-debounced';

type DemandRow = ResultOf<typeof DemandsQuery>['demands']['edges'][number]['node'];
type DemandStatus = DemandRow['status'];
type Detail = Extract<NonNullable<ResultOf<typeof DemandDetailQuery>['node']>, { __typename: 'Demand' }>;
const PAGE_SIZE = 25;
const STATUSES: DemandStatus[] = ['OPEN', 'PLANNED', 'DECLINED'];

export default function DemandsPage() {
  const { t, fmt } = useI18n();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<DemandStatus | ''>('OPEN');
  const [page, setPage] = useState(0);
  const [cursors, setCursors] = useState<PageCursors>(FIRST_PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const debounced = useDebounced(search.trim());
  const filter = useMemo(() => {
    const f: NonNullable<VariablesOf<typeof DemandsQuery>['filter']> = {};
    if (debounced) f.search = debounced;
    if (status) f.status = status;
    return f;
  }, [debounced, status]);
  const key = JSON.stringify(filter);
  const lastKey = useRef(key);
  if (lastKey.current !== key) {
    lastKey.current = key;
    if (page !== 0) setPage(0);
    if (cursors !== FIRST_PAGE) setCursors(FIRST_PAGE);
  }
  const after = afterFor(cursors, page);
  const [result, reexecute] = useQuery({ query: DemandsQuery, variables: { first: PAGE_SIZE, after: after ?? null, filter }, pause: after === undefined });
  const connection = result.data?.demands;
  useEffect(() => {
    if (!connection || result.stale) return;
    setCursors((c) => recordPage(c, page, connection.pageInfo.endCursor ?? null, connection.pageInfo.hasNextPage));
  }, [connection, result.stale, page]);
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <>
      <PageHeading title={t('demands.title')}>{t('demands.title')}</PageHeading>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('demands.intro', { minimum: fmt.number(DEMAND_MINIMUM_REQUESTERS) })}
      </Typography>
      <Box role="search" aria-label={t('demands.filters')} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        <TextField id="demand-search" size="small" type="search" label={t('demands.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <TextField
          id="demand-status"
          select
          size="small"
          label={t('demands.statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.target.value as DemandStatus | '')}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">{t('app.all')}</MenuItem>
          {STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {t(`demands.status.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {result.error && <LoadError error={result.error} retry={refresh} />}
      <Typography role="status" aria-live="polite" sx={{ mb: 1 }}>
        {connection ? t('demands.total', { count: fmt.number(connection.totalCount) }) : t('app.loading')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, alignItems: 'start' }}>
        <Paper>
          <TableContainer>
            <Table size="small" aria-label={t('demands.listLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('demands.columns.label')}</TableCell>
                  <TableCell scope="col">{t('demands.columns.category')}</TableCell>
                  <TableCell scope="col">{t('demands.columns.requesters')}</TableCell>
                  <TableCell scope="col">{t('demands.columns.status')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((d) => (
                  <DemandRowView key={d.id} demand={d} selected={selected === d.id} onSelect={() => setSelected(d.id)} />
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {connection && rows.length === 0 && <Alert severity="info">{t('demands.empty')}</Alert>}
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, p: 1 }}>
            <Button disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
              {t('demands.previousPage')}
            </Button>
            <Button disabled={!connection?.pageInfo.hasNextPage} onClick={() => setPage((p) => p + 1)}>
              {t('demands.nextPage')}
            </Button>
          </Box>
        </Paper>
        {selected ? (
          <DemandDetailPanel key={selected} id={selected} onChanged={refresh} onGone={() => setSelected(null)} />
        ) : (
          <Paper sx={{ p: 2 }}>
            <Typography>{t('demands.pick')}</Typography>
          </Paper>
        )}
      </Box>
    </>
  );
}

function RequesterProgress({ count, reachedAt }: { count: number; reachedAt?: string | null }) {
  const { t, fmt } = useI18n();
  const p = demandProgress(count, DEMAND_MINIMUM_REQUESTERS, reachedAt);
  const text = t('demands.requestersOf', { count: fmt.number(count), minimum: fmt.number(DEMAND_MINIMUM_REQUESTERS) });
  return (
    <Box sx={{ minWidth: 150 }}>
      <span>{text}</span>{' '}
      <Typography component="span" variant="body2">
        {p.reached ? `✓ ${t('demands.reached')}` : t('demands.remaining', { count: fmt.number(p.remaining) })}
      </Typography>
      <LinearProgress variant="determinate" value={p.percent} color={p.reached ? 'success' : 'primary'} aria-label={text} sx={{ mt: 0.5 }} />
    </Box>
  );
}

function DemandRowView({ demand: d, selected, onSelect }: { demand: DemandRow; selected: boolean; onSelect(): void }) {
  const { t } = useI18n();
  return (
    <TableRow selected={selected} aria-selected={selected}>
      <TableCell>
        <Button variant="text" onClick={onSelect} sx={{ textAlign: 'left', justifyContent: 'flex-start' }} aria-label={t('demands.open', { label: d.label })} aria-pressed={selected}>
          {d.label}
        </Button>
      </TableCell>
      <TableCell>{d.category?.name ?? ''}</TableCell>
      <TableCell>
        <RequesterProgress count={d.requesterCount} reachedAt={d.thresholdReachedAt} />
      </TableCell>
      <TableCell>
        <Chip size="small" label={t(`demands.status.${d.status}`)} variant={d.status === 'OPEN' ? 'filled' : 'outlined'} />
      </TableCell>
    </TableRow>
  );
}

type Dialog = 'decline' | 'merge' | 'split' | 'course' | null;

function DemandDetailPanel({ id, onChanged, onGone }: { id: string; onChanged(): void; onGone(): void }) {
  const { t, fmt } = useI18n();
  const canManage = useCanManage();
  const [result, reexecute] = useQuery({ query: DemandDetailQuery, variables: { id } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const node = result.data?.node;
  const demand = node?.__typename === 'Demand' ? (node as Detail) : null;
  // The detail takes the focus when a demand is chosen, so a screen reader continues there.
  useEffect(() => {
    if (demand) headingRef.current?.focus();
  }, [demand?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (result.error) return <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading />;
  if (!demand) return <Alert severity="info">{t('app.notFound')}</Alert>;
  const done = (message: string, gone = false) => {
    setDialog(null);
    setNotice(message);
    // The buttons that opened the dialog may be gone (the demand is no longer open): the focus
    // goes to the demand's heading, right above the notice.
    setTimeout(() => headingRef.current?.focus(), 0);
    onChanged();
    if (gone) onGone();
    else reexecute({ requestPolicy: 'network-only' });
  };
  const requests = demand.requests.edges.map((e) => e.node);
  const open = demand.status === 'OPEN';
  return (
    <Paper component="section" aria-labelledby="demand-detail-heading" sx={{ p: 2 }}>
      <Typography id="demand-detail-heading" ref={headingRef} tabIndex={-1} variant="h6" component="h2" sx={{ outline: 'none' }}>
        {demand.label}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t(`demands.status.${demand.status}`)}
        {demand.category ? ` · ${demand.category.name}` : ''}
      </Typography>
      <RequesterProgress count={demand.requesterCount} />
      {notice && (
        <Alert severity="success" role="status" sx={{ mt: 1 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {demand.declineReason && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {t('demands.declinedBecause', { reason: demand.declineReason })}
        </Alert>
      )}
      {canManage && open && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 2 }}>
          <Button variant="contained" onClick={() => setDialog('course')}>
            {t('demands.actions.createCourse')}
          </Button>
          <Button variant="outlined" onClick={() => setDialog('merge')}>
            {t('demands.actions.merge')}
          </Button>
          <Button variant="outlined" onClick={() => setDialog('split')} disabled={requests.length < 2}>
            {t('demands.actions.split')}
          </Button>
          <Button variant="outlined" color="error" onClick={() => setDialog('decline')}>
            {t('demands.actions.decline')}
          </Button>
        </Box>
      )}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('demands.requests', { count: fmt.number(demand.requests.totalCount) })}
      </Typography>
      <List dense>
        {requests.map((r) => (
          <ListItem key={r.id} disableGutters>
            <ListItemText
              primary={r.title}
              secondary={[r.servant ? `${r.servant.name} (${r.servant.organization.name})` : null, fmt.dateTime(r.createdAt), r.preferredMonth ? t('demands.preferredMonth', { month: r.preferredMonth }) : null]
                .filter(Boolean)
                .join(' · ')}
            />
          </ListItem>
        ))}
      </List>
      {demand.courses.length > 0 && (
        <>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
            {t('demands.linkedCourses')}
          </Typography>
          <List dense>
            {demand.courses.map((c) => (
              <ListItem key={c.id} disableGutters>
                <ListItemText primary={c.title} secondary={c.code} />
              </ListItem>
            ))}
          </List>
        </>
      )}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('demands.similarCourses')}
      </Typography>
      {demand.similarCourses.length === 0 ? (
        <Typography variant="body2">{t('demands.noSimilar')}</Typography>
      ) : (
        <List dense>
          {demand.similarCourses.map((s) => (
            <ListItem key={s.course.id} disableGutters>
              <ListItemText primary={s.course.title} secondary={t('demands.similarity', { code: s.course.code, percent: fmt.number(Math.round(s.score * 100)) })} />
            </ListItem>
          ))}
        </List>
      )}
      {dialog === 'decline' && <DeclineDialog demand={demand} onClose={() => setDialog(null)} onDone={() => done(t('demands.declined'))} />}
      {dialog === 'merge' && <MergeDialog demand={demand} onClose={() => setDialog(null)} onDone={() => done(t('demands.merged'))} />}
      {dialog === 'split' && <SplitDialog demand={demand} onClose={() => setDialog(null)} onDone={() => done(t('demands.split'))} />}
      {dialog === 'course' && <CourseFromDemandDialog demand={demand} onClose={() => setDialog(null)} onDone={(title) => done(t('demands.courseCreated', { title }))} />}
    </Paper>
  );
}

interface DialogProps {
  demand: Detail;
  onClose(): void;
}

function DeclineDialog({ demand, onClose, onDone }: DialogProps & { onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'reason' | 'form', string>>>({});
  const [state, decline] = useMutation(DemandDecline);
  const reasonRef = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const r = await decline({ input: { demandId: demand.id, reason } });
    if (r.error) return setErrors({ form: t('app.error') });
    const payload = r.data!.demandDecline;
    if (payload.userErrors.length) {
      const next = fieldErrors(payload.userErrors, ['reason'] as const);
      setErrors(next);
      if (next.reason) reasonRef.current?.focus();
      return;
    }
    onDone();
  };
  return (
    <FormDialog open title={t('demands.declineTitle', { label: demand.label })} submitLabel={t('demands.actions.decline')} busy={state.fetching} formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('demands.declineHint')}
      </Typography>
      <TextField
        id="decline-reason"
        inputRef={reasonRef}
        autoFocus
        fullWidth
        multiline
        minRows={3}
        label={t('demands.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={Boolean(errors.reason)}
        helperText={errors.reason ?? t('demands.reasonHelp')}
      />
    </FormDialog>
  );
}

function MergeDialog({ demand, onClose, onDone }: DialogProps & { onDone(): void }) {
  const { t, fmt } = useI18n();
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim());
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [others] = useQuery({ query: DemandsQuery, variables: { first: 50, after: null, filter: { status: 'OPEN', ...(debounced ? { search: debounced } : {}) } } });
  const [state, merge] = useMutation(DemandMerge);
  const options = (others.data?.demands.edges.map((e) => e.node) ?? []).filter((d) => d.id !== demand.id);
  const toggle = (id: string) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const submit = async () => {
    const r = await merge({ input: { targetId: demand.id, sourceIds: [...chosen] } });
    if (r.error) return setError(t('app.error'));
    const errs = r.data!.demandMerge.userErrors;
    if (errs.length) return setError(errs.map((e) => e.message).join(' '));
    onDone();
  };
  return (
    <FormDialog open title={t('demands.mergeTitle', { label: demand.label })} submitLabel={t('demands.actions.merge')} busy={state.fetching} formError={error} onClose={onClose} onSubmit={() => void submit()}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('demands.mergeHint')}
      </Typography>
      <TextField id="merge-search" autoFocus fullWidth size="small" type="search" label={t('demands.search')} value={search} onChange={(e) => setSearch(e.target.value)} sx={{ mb: 1 }} />
      <FormGroup aria-label={t('demands.mergeSources')}>
        {options.map((d) => (
          <FormControlLabel
            key={d.id}
            control={<Checkbox checked={chosen.has(d.id)} onChange={() => toggle(d.id)} />}
            label={`${d.label} (${t('demands.requestersOf', { count: fmt.number(d.requesterCount), minimum: fmt.number(DEMAND_MINIMUM_REQUESTERS) })})`}
          />
        ))}
      </FormGroup>
      {others.data && options.length === 0 && <Typography>{t('demands.empty')}</Typography>}
    </FormDialog>
  );
}

function SplitDialog({ demand, onClose, onDone }: DialogProps & { onDone(): void }) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Partial<Record<'label' | 'requestIds' | 'form', string>>>({});
  const [state, split] = useMutation(DemandSplit);
  const requests = demand.requests.edges.map((e) => e.node);
  const submit = async () => {
    const r = await split({ input: { demandId: demand.id, label, requestIds: [...chosen] } });
    if (r.error) return setErrors({ form: t('app.error') });
    const errs = r.data!.demandSplit.userErrors;
    if (errs.length) return setErrors(fieldErrors(errs, ['label', 'requestIds'] as const));
    onDone();
  };
  return (
    <FormDialog open title={t('demands.splitTitle', { label: demand.label })} submitLabel={t('demands.actions.split')} busy={state.fetching} formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <TextField
        id="split-label"
        autoFocus
        fullWidth
        label={t('demands.newLabel')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        error={Boolean(errors.label)}
        helperText={errors.label ?? ' '}
        sx={{ mb: 1 }}
      />
      <Typography id="split-requests" variant="subtitle2">
        {t('demands.splitRequests')}
      </Typography>
      <FormGroup aria-labelledby="split-requests">
        {requests.map((r) => (
          <FormControlLabel
            key={r.id}
            control={
              <Checkbox
                checked={chosen.has(r.id)}
                onChange={() =>
                  setChosen((s) => {
                    const n = new Set(s);
                    if (n.has(r.id)) n.delete(r.id);
                    else n.add(r.id);
                    return n;
                  })
                }
              />
            }
            label={r.title}
          />
        ))}
      </FormGroup>
      {errors.requestIds && (
        <Typography color="error" role="alert" variant="body2">
          {errors.requestIds}
        </Typography>
      )}
    </FormDialog>
  );
}

const FORMATS = ['IN_PERSON', 'LIVE_ONLINE', 'RECORDED'] as const;

function CourseFromDemandDialog({ demand, onClose, onDone }: DialogProps & { onDone(title: string): void }) {
  const { t } = useI18n();
  const requests = demand.requests.edges.map((e) => e.node);
  const [categories] = useQuery({ query: CategoriesQuery });
  const [form, setForm] = useState({
    title: demand.label,
    categoryId: demand.category?.id ?? '',
    description: requests.map((r) => r.title).join('\n'),
    format: (requests.find((r) => r.preferredFormat)?.preferredFormat ?? 'IN_PERSON') as (typeof FORMATS)[number],
    lengthMinutes: '60',
    tags: '',
  });
  type F = 'title' | 'categoryId' | 'description' | 'format' | 'lengthMinutes' | 'tags';
  const [errors, setErrors] = useState<Partial<Record<F | 'form', string>>>({});
  const [state, create] = useMutation(CourseCreateFromDemand);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async () => {
    const tags = form.tags.split(',').map((s) => s.trim()).filter(Boolean);
    const r = await create({
      input: {
        demandId: demand.id,
        title: form.title,
        categoryId: form.categoryId || null,
        description: form.description,
        format: form.format,
        lengthMinutes: Number(form.lengthMinutes),
        tags,
      },
    });
    if (r.error) return setErrors({ form: t('app.error') });
    const p = r.data!.courseCreateFromDemand;
    if (p.userErrors.length) return setErrors(fieldErrors(p.userErrors, ['title', 'categoryId', 'description', 'format', 'lengthMinutes', 'tags'] as const));
    onDone(p.course!.title);
  };
  const err = (k: F, help = ' ') => ({ error: Boolean(errors[k]), helperText: errors[k] ?? help });
  return (
    <FormDialog open title={t('demands.courseTitle', { label: demand.label })} submitLabel={t('demands.actions.createCourse')} busy={state.fetching} formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {t('demands.courseHint')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1 }}>
        <TextField id="cfd-title" autoFocus fullWidth label={t('catalogue.fields.title')} value={form.title} onChange={set('title')} {...err('title')} />
        <TextField id="cfd-category" select fullWidth label={t('catalogue.fields.category')} value={form.categoryId} onChange={set('categoryId')} {...err('categoryId')}>
          {(categories.data?.categories ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.parent ? `${c.parent.name} › ${c.name}` : c.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField id="cfd-format" select fullWidth label={t('catalogue.fields.format')} value={form.format} onChange={set('format')} {...err('format')}>
          {FORMATS.map((f) => (
            <MenuItem key={f} value={f}>
              {t(`catalogue.format.${f}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField id="cfd-length" type="number" fullWidth label={t('catalogue.fields.lengthMinutes')} value={form.lengthMinutes} onChange={set('lengthMinutes')} slotProps={{ htmlInput: { min: 60, max: 120, step: 10 } }} {...err('lengthMinutes', t('catalogue.lengthHelp'))} />
        <TextField id="cfd-description" fullWidth multiline minRows={3} label={t('catalogue.fields.description')} value={form.description} onChange={set('description')} {...err('description')} />
        <TextField id="cfd-tags" fullWidth label={t('catalogue.fields.tags')} value={form.tags} onChange={set('tags')} {...err('tags', t('catalogue.tagsHelp'))} />
      </Box>
    </FormDialog>
  );
}

