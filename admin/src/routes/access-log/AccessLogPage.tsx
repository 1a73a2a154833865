import { Alert, Box, Button, Chip, MenuItem, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useI18n } from '../../i18n';
import { FormDialog } from '../../shell/dialogs';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { saveText } from '../credits/ui';
import { ACCESS_LOG_ACTIONS, type AccessLogFilterState, EMPTY_FILTER, toApiFilter } from './access-log-filter';
import { AccessLogExportQuery, AccessLogQuery } from './access-log.documents';

const PAGE_SIZE = 25;
const REASON_MAX = 500;

/**
 * Who read whose personal data (institute administrators only): a filterable list, newest
 * first, paged by keyset cursors, and an export that requires a reason (the API records it).
 */
export default function AccessLogPage() {
  const { t, fmt } = useI18n();
  const client = useClient();
  const [filter, setFilter] = useState<AccessLogFilterState>(EMPTY_FILTER);
  // Cursors of the pages seen so far: keyset paging walks one page at a time.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length - 1;
  const apiFilter = toApiFilter(filter);
  const [result, reexecute] = useQuery({ query: AccessLogQuery, variables: { first: PAGE_SIZE, after: cursors[page], filter: apiFilter } });
  const setFilterAndReset = (f: AccessLogFilterState) => {
    setFilter(f);
    setCursors([null]);
  };

  const [exportOpen, setExportOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const runExport = async () => {
    const why = reason.trim();
    if (!why) {
      setReasonError(t('accessLog.export.reasonRequired'));
      return;
    }
    setBusy(true);
    setFormError(null);
    const r = await client.query(AccessLogExportQuery, { filter: apiFilter, reason: why }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (!r.data?.personalDataAccessLogExport) {
      const err = r.error?.graphQLErrors[0];
      const onReason = (err?.path ?? []).length > 0 && err?.extensions?.code === 'BAD_USER_INPUT';
      if (onReason) setReasonError(err!.message);
      else setFormError(err?.message ?? t('accessLog.export.failed'));
      return;
    }
    saveText(`${t('accessLog.export.file', { date: new Date().toISOString().slice(0, 10) })}.csv`, r.data.personalDataAccessLogExport);
    setExportOpen(false);
    setReason('');
    setNotice(t('accessLog.export.done'));
    reexecute({ requestPolicy: 'network-only' });
  };

  const conn = result.data?.personalDataAccessLog;
  return (
    <>
      <PageHeading title={t('accessLog.title')}>{t('accessLog.title')}</PageHeading>
      <Typography sx={{ mb: 2 }}>{t('accessLog.intro')}</Typography>
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Paper component="form" variant="outlined" aria-label={t('accessLog.filters')} sx={{ p: 2, mb: 2, display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }} onSubmit={(e) => e.preventDefault()}>
        <TextField
          select
          size="small"
          label={t('accessLog.action')}
          value={filter.action}
          onChange={(e) => setFilterAndReset({ ...filter, action: e.target.value })}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('app.all')}</MenuItem>
          {ACCESS_LOG_ACTIONS.map((a) => (
            <MenuItem key={a} value={a}>
              {t(`accessLog.actions.${a}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" type="date" label={t('accessLog.from')} value={filter.from} onChange={(e) => setFilterAndReset({ ...filter, from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label={t('accessLog.to')} value={filter.to} onChange={(e) => setFilterAndReset({ ...filter, to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        {filter.actor && <Chip label={t('accessLog.actorChip', { name: filter.actor.label })} onDelete={() => setFilterAndReset({ ...filter, actor: null })} />}
        {filter.subject && <Chip label={t('accessLog.subjectChip', { name: filter.subject.label })} onDelete={() => setFilterAndReset({ ...filter, subject: null })} />}
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" onClick={() => { setReasonError(null); setFormError(null); setExportOpen(true); }}>
          {t('accessLog.export.button')}
        </Button>
      </Paper>

      {result.error && !result.data ? (
        <LoadError error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !conn ? (
        <Loading />
      ) : (
        <>
          <Typography role="status" sx={{ mb: 1 }}>
            {t('accessLog.count', { count: fmt.number(conn.totalCount) })}
          </Typography>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" data-testid="access-log-table">
              <caption>{t('accessLog.caption')}</caption>
              <TableHead>
                <TableRow>
                  {(['at', 'actor', 'subject', 'action', 'ip', 'reason'] as const).map((c) => (
                    <TableCell key={c} scope="col">
                      {t(`accessLog.columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {conn.edges.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={6}>{t('accessLog.empty')}</TableCell>
                  </TableRow>
                )}
                {conn.edges.map(({ node: e }) => (
                  <TableRow key={e.id}>
                    <TableCell component="th" scope="row">
                      {fmt.dateTime(e.at)}
                    </TableCell>
                    <TableCell>
                      {e.actor ? (
                        <Button size="small" onClick={() => setFilterAndReset({ ...filter, actor: { id: e.actor!.accountId, label: e.actor!.displayName } })} aria-label={t('accessLog.filterByActor', { name: e.actor.displayName })}>
                          {e.actor.displayName}
                        </Button>
                      ) : (
                        t('app.none')
                      )}
                    </TableCell>
                    <TableCell>
                      {e.subject ? (
                        <Button size="small" onClick={() => setFilterAndReset({ ...filter, subject: { id: e.subject!.id, label: e.subject!.name } })} aria-label={t('accessLog.filterBySubject', { name: `${e.subject.name} (${e.subject.employeeNumber})` })}>
                          {e.subject.name} ({e.subject.employeeNumber})
                        </Button>
                      ) : (
                        t('app.none')
                      )}
                    </TableCell>
                    <TableCell>{(ACCESS_LOG_ACTIONS as readonly string[]).includes(e.action) ? t(`accessLog.actions.${e.action as (typeof ACCESS_LOG_ACTIONS)[number]}`) : e.action}</TableCell>
                    <TableCell>{e.ip ?? ''}</TableCell>
                    <TableCell>{e.reason ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Box component="nav" aria-label={t('accessLog.paging')} sx={{ display: 'flex', gap: 1, alignItems: 'center', mt: 1 }}>
            <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('accessLog.previous')}
            </Button>
            <span>{t('accessLog.page', { page: page + 1 })}</span>
            <Button disabled={!conn.pageInfo.hasNextPage} onClick={() => setCursors((c) => [...c, conn.pageInfo.endCursor])}>
              {t('accessLog.next')}
            </Button>
          </Box>
        </>
      )}

      <FormDialog
        open={exportOpen}
        title={t('accessLog.export.title')}
        submitLabel={busy ? t('accessLog.export.exporting') : t('accessLog.export.submit')}
        busy={busy}
        formError={formError}
        onClose={() => setExportOpen(false)}
        onSubmit={() => void runExport()}
      >
        <Typography sx={{ mb: 2 }}>{t('accessLog.export.explain')}</Typography>
        <TextField
          autoFocus
          fullWidth
          required
          multiline
          minRows={2}
          label={t('accessLog.export.reason')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError(null);
          }}
          error={!!reasonError}
          helperText={reasonError ?? t('accessLog.export.reasonHelp', { max: REASON_MAX })}
          slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
        />
      </FormDialog>
    </>
  );
}
