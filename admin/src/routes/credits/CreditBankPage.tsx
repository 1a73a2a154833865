import {
  Alert,
  Autocomplete,
  Box,
  Button,
  LinearProgress,
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
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ResultOf, readFragment } from '../../graphql';
import { useI18n } from '../../i18n';
import { PageHeading } from '../../shell/PageHeading';
import { LoadError, Loading } from '../../shell/StatusViews';
import { fieldErrors, focusFirstError } from '../login/field-errors';
import {
  AttendanceImportMutation,
  AttendanceOfferingsQuery,
  CategoryOptionsQuery,
  CreditLedgerEntryFields,
  CreditLedgerQuery,
  CreditRecordMutation,
  CreditReverseMutation,
  CreditServantOptionsQuery,
} from './credits.documents';
import { formatDecimal, isDecimalInput } from './decimal';
import { FormDialog, newIdempotencyKey, RowErrorTable } from './ui';
import { useDebounced } from '../../shell/use-debounced';

type ServantOption = ResultOf<typeof CreditServantOptionsQuery>['servants']['edges'][number]['node'];
type Entry = ResultOf<typeof CreditLedgerEntryFields>;
const PAGE = 20;

/** Today in Korea time, YYYY-MM-DD (the API's business calendar). */
function todayKst(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}

export default function CreditBankPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const servantId = params.get('servant');
  const [input, setInput] = useState('');
  const search = useDebounced(input.trim());
  const [options] = useQuery({ query: CreditServantOptionsQuery, variables: { search: search || null } });
  const choices = options.data?.servants.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeading title={t('credits.title')}>{t('credits.title')}</PageHeading>
      <Paper component="section" aria-labelledby="credit-servant" sx={{ p: 2, mb: 2 }}>
        <Typography id="credit-servant" variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('credits.chooseServant')}
        </Typography>
        <Autocomplete<ServantOption>
          id="credit-servant-search"
          options={choices}
          filterOptions={(x) => x}
          getOptionLabel={(o) => `${o.name} (${o.employeeNumber}, ${o.organization.name})`}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          value={null}
          inputValue={input}
          onInputChange={(_, v) => setInput(v)}
          onChange={(_, v) => {
            if (v) setParams({ servant: v.id });
            setInput('');
          }}
          loading={options.fetching}
          noOptionsText={t('credits.noServants')}
          sx={{ maxWidth: 480 }}
          renderInput={(p) => <TextField {...p} label={t('credits.servantSearch')} placeholder={t('credits.servantPlaceholder')} size="small" />}
        />
      </Paper>
      {servantId ? <Ledger key={servantId} servantId={servantId} /> : <Alert severity="info" sx={{ mb: 2 }}>{t('credits.pickFirst')}</Alert>}
      <AttendanceUpload />
    </>
  );
}

function Ledger({ servantId }: { servantId: string }) {
  const { t } = useI18n();
  // Keyset paging: the first page, then one page per `after` cursor seen ("show more").
  const [more, setMore] = useState<string[]>([]);
  const [recordOpen, setRecordOpen] = useState(false);
  const [reversing, setReversing] = useState<Entry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, reexecute] = useQuery({ query: CreditLedgerQuery, variables: { id: servantId, first: PAGE, after: null } });
  // After a change, back to the newest entries (where the change shows), fetched again.
  const refresh = () => {
    setMore([]);
    reexecute({ requestPolicy: 'network-only' });
  };

  if (result.error) return <LoadError error={result.error} retry={refresh} />;
  if (!result.data) return <Loading />;
  const s = result.data.node?.__typename === 'Servant' ? result.data.node : null;
  if (!s) return <Alert severity="warning">{t('app.notFound')}</Alert>;
  const conn = s.creditTransactions;
  const entries = conn?.edges.map((e) => readFragment(CreditLedgerEntryFields, e.node)) ?? [];
  const credits = (v: string) => t('learning.creditsValue', { amount: formatDecimal(v) });
  const addPage = (cursor: string | null | undefined) => cursor && setMore((m) => (m.includes(cursor) ? m : [...m, cursor]));

  return (
    <Paper component="section" aria-labelledby="ledger-title" sx={{ p: 2, mb: 2 }}>
      <Typography id="ledger-title" variant="h6" component="h2" tabIndex={-1} sx={{ mb: 1, outline: 'none' }}>
        {t('credits.ledger', { name: s.name, employeeNumber: s.employeeNumber })}
      </Typography>
      {s.creditSummary && (
        <Box sx={{ display: 'flex', gap: 3, mb: 2, flexWrap: 'wrap' }}>
          <Typography>
            <strong>{t('learning.balance')}</strong>: <span id="credit-balance-value">{credits(s.creditSummary.balance)}</span>
          </Typography>
          <Typography>
            <strong>{t('learning.thisYear')}</strong>: {credits(s.creditSummary.earnedThisYear)}
          </Typography>
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => setRecordOpen(true)}>
          {t('credits.record')}
        </Button>
        <Typography variant="body2">{t('credits.total', { count: conn?.totalCount ?? 0 })}</Typography>
      </Box>
      {notice && (
        <Alert severity="success" role="status" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {entries.length === 0 ? (
        <Typography>{t('credits.empty')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('credits.ledgerLabel')}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t('credits.columns.occurredOn')}</TableCell>
                <TableCell scope="col">{t('credits.columns.kind')}</TableCell>
                <TableCell scope="col">{t('credits.columns.subject')}</TableCell>
                <TableCell scope="col">{t('credits.columns.category')}</TableCell>
                <TableCell scope="col" align="right">
                  {t('credits.columns.amount')}
                </TableCell>
                <TableCell scope="col" align="right">
                  {t('credits.columns.hours')}
                </TableCell>
                <TableCell scope="col">{t('credits.columns.reason')}</TableCell>
                <TableCell scope="col">{t('credits.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <LedgerRows entries={entries} onReverse={setReversing} />
              {more.length === 0 && conn?.pageInfo.hasNextPage && <MoreRow onMore={() => addPage(conn.pageInfo.endCursor)} />}
              {more.map((cursor, i) => (
                <LedgerMorePage key={cursor} servantId={servantId} after={cursor} last={i === more.length - 1} onReverse={setReversing} onMore={addPage} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {result.fetching && <LinearProgress aria-label={t('app.loading')} sx={{ mt: 1 }} />}
      {recordOpen && (
        <RecordDialog
          servantId={servantId}
          onClose={() => setRecordOpen(false)}
          onDone={(amount) => {
            setRecordOpen(false);
            setNotice(t('credits.recorded', { amount: formatDecimal(amount) }));
            refresh();
          }}
        />
      )}
      {reversing && (
        <ReverseDialog
          entry={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            setNotice(t('credits.reversed'));
            refresh();
            // The row's button that opened the dialog is gone once reversed: give the focus to the ledger's title.
            setTimeout(() => document.getElementById('ledger-title')?.focus(), 0);
          }}
        />
      )}
    </Paper>
  );
}

const LEDGER_COLUMNS = 8;

function MoreRow({ onMore }: { onMore: () => void }) {
  const { t } = useI18n();
  return (
    <TableRow>
      <TableCell colSpan={LEDGER_COLUMNS}>
        <Button onClick={onMore}>{t('credits.loadMore')}</Button>
      </TableCell>
    </TableRow>
  );
}

/** A further page of the ledger, after `after`; the last one offers the next. */
function LedgerMorePage({ servantId, after, last, onReverse, onMore }: { servantId: string; after: string; last: boolean; onReverse: (e: Entry) => void; onMore: (cursor: string | null | undefined) => void }) {
  const { t } = useI18n();
  const [result] = useQuery({ query: CreditLedgerQuery, variables: { id: servantId, first: PAGE, after } });
  const conn = result.data?.node?.__typename === 'Servant' ? result.data.node.creditTransactions : null;
  if (!conn) {
    return (
      <TableRow>
        <TableCell colSpan={LEDGER_COLUMNS} role="status">
          {result.error ? t('app.error') : t('app.loading')}
        </TableCell>
      </TableRow>
    );
  }
  return (
    <>
      <LedgerRows entries={conn.edges.map((e) => readFragment(CreditLedgerEntryFields, e.node))} onReverse={onReverse} />
      {last && conn.pageInfo.hasNextPage && <MoreRow onMore={() => onMore(conn.pageInfo.endCursor)} />}
    </>
  );
}

function LedgerRows({ entries, onReverse }: { entries: Entry[]; onReverse: (e: Entry) => void }) {
  const { t, fmt } = useI18n();
  return (
    <>
      {entries.map((e) => {
        const subject = e.subjectTitle ?? e.course?.title ?? (e.reverses ? t('credits.reversesEntry', { date: fmt.localDate(e.reverses.occurredOn) }) : '');
        return (
          <TableRow key={e.id} data-entry-id={e.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{fmt.localDate(e.occurredOn)}</TableCell>
            <TableCell>
              {t(`credits.kinds.${e.kind}`)}
              {e.reversedBy ? ` (${t('credits.reversedMark')})` : ''}
            </TableCell>
            <TableCell>{subject}</TableCell>
            <TableCell>{e.category?.name ?? ''}</TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              {formatDecimal(e.amount)}
            </TableCell>
            <TableCell align="right">{formatDecimal(e.hours)}</TableCell>
            <TableCell>{e.reason}</TableCell>
            <TableCell>
              {e.kind !== 'REVERSED' && !e.reversedBy && (
                <Button size="small" variant="outlined" color="error" aria-label={t('credits.reverseLabel', { date: fmt.localDate(e.occurredOn), subject })} onClick={() => onReverse(e)}>
                  {t('credits.reverse')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </>
  );
}

const RECORD_FIELDS = ['kind', 'amount', 'title', 'evidence', 'categoryId', 'hours', 'occurredOn', 'reason'] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

function RecordDialog({ servantId, onClose, onDone }: { servantId: string; onClose: () => void; onDone: (amount: string) => void }) {
  const { t } = useI18n();
  // One key per dialog opening: a double submit or a retry after a timeout records once.
  const key = useMemo(() => newIdempotencyKey(), []);
  const [categories] = useQuery({ query: CategoryOptionsQuery });
  const [kind, setKind] = useState<'RECOGNIZED' | 'ADJUSTED'>('RECOGNIZED');
  const [values, setValues] = useState({ amount: '', title: '', evidence: '', categoryId: '', hours: '', occurredOn: todayKst(), reason: '' });
  const [errors, setErrors] = useState<Partial<Record<RecordField | 'form', string>>>({});
  const [{ fetching }, record] = useMutation(CreditRecordMutation);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const recognized = kind === 'RECOGNIZED';

  const focusFirst = (errs: Partial<Record<RecordField | 'form', string>>) => focusFirstError(errs, RECORD_FIELDS, 'record');

  const submit = async () => {
    const local: Partial<Record<RecordField, string>> = {};
    if (!isDecimalInput(values.amount, !recognized)) local.amount = t('credits.amountInvalid');
    if (recognized && !values.title.trim()) local.title = t('credits.required');
    if (recognized && !values.evidence.trim()) local.evidence = t('credits.required');
    if (!values.reason.trim()) local.reason = t('credits.required');
    if (values.hours && !isDecimalInput(values.hours, false)) local.hours = t('credits.amountInvalid');
    if (Object.keys(local).length) {
      setErrors(local);
      focusFirst(local);
      return;
    }
    const r = await record({
      input: {
        servantId,
        kind,
        amount: values.amount.trim(),
        reason: values.reason.trim(),
        occurredOn: values.occurredOn,
        idempotencyKey: key,
        title: values.title.trim() || null,
        evidence: values.evidence.trim() || null,
        categoryId: values.categoryId || null,
        hours: values.hours.trim() || null,
      },
    });
    const p = r.data?.creditTransactionRecord;
    if (!p) {
      setErrors({ form: r.error?.graphQLErrors[0]?.message ?? t('app.error') });
      return;
    }
    if (p.userErrors.length) {
      const errs = fieldErrors(p.userErrors, RECORD_FIELDS);
      setErrors(errs);
      focusFirst(errs);
      return;
    }
    onDone(p.transaction?.amount ?? values.amount);
  };

  const field = (name: RecordField) => ({
    id: `record-${name}`,
    error: !!errors[name],
    helperText: errors[name],
    slotProps: { formHelperText: { role: errors[name] ? 'alert' : undefined } },
  });

  return (
    <FormDialog open title={t('credits.recordTitle')} onClose={onClose} onSubmit={submit} submitLabel={fetching ? t('credits.submitting') : t('credits.submit')} cancelLabel={t('credits.cancel')} busy={fetching}>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <TextField {...field('kind')} select autoFocus label={t('credits.fields.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        <MenuItem value="RECOGNIZED">{t('credits.kindChoices.RECOGNIZED')}</MenuItem>
        <MenuItem value="ADJUSTED">{t('credits.kindChoices.ADJUSTED')}</MenuItem>
      </TextField>
      <TextField
        {...field('amount')}
        required
        label={t('credits.fields.amount')}
        value={values.amount}
        onChange={set('amount')}
        helperText={errors.amount ?? (recognized ? t('credits.fields.amountHelpRecognized') : t('credits.fields.amountHelpAdjusted'))}
        slotProps={{ htmlInput: { inputMode: 'decimal' }, formHelperText: { role: errors.amount ? 'alert' : undefined } }}
      />
      <TextField {...field('title')} required={recognized} label={t('credits.fields.title')} value={values.title} onChange={set('title')} />
      <TextField {...field('evidence')} required={recognized} label={t('credits.fields.evidence')} value={values.evidence} onChange={set('evidence')} helperText={errors.evidence ?? t('credits.fields.evidenceHelp')} />
      <TextField {...field('categoryId')} select label={t('credits.fields.category')} value={values.categoryId} onChange={set('categoryId')}>
        <MenuItem value="">{t('app.none')}</MenuItem>
        {(categories.data?.categories ?? []).map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {c.parent ? `— ${c.name}` : c.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField {...field('hours')} label={t('credits.fields.hours')} value={values.hours} onChange={set('hours')} slotProps={{ htmlInput: { inputMode: 'decimal' }, formHelperText: { role: errors.hours ? 'alert' : undefined } }} />
      <TextField {...field('occurredOn')} required type="date" label={t('credits.fields.occurredOn')} value={values.occurredOn} onChange={set('occurredOn')} slotProps={{ inputLabel: { shrink: true }, formHelperText: { role: errors.occurredOn ? 'alert' : undefined } }} />
      <TextField {...field('reason')} required multiline minRows={2} label={t('credits.fields.reason')} value={values.reason} onChange={set('reason')} />
    </FormDialog>
  );
}

function ReverseDialog({ entry, onClose, onDone }: { entry: Entry; onClose: () => void; onDone: () => void }) {
  const { t, fmt } = useI18n();
  const key = useMemo(() => newIdempotencyKey(), []);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'reason' | 'form', string>>>({});
  const [{ fetching }, reverse] = useMutation(CreditReverseMutation);
  const subject = entry.subjectTitle ?? entry.course?.title ?? '';

  const submit = async () => {
    if (!reason.trim()) {
      setErrors({ reason: t('credits.required') });
      document.getElementById('reverse-reason')?.focus();
      return;
    }
    const r = await reverse({ input: { transactionId: entry.id, reason: reason.trim(), idempotencyKey: key } });
    const p = r.data?.creditTransactionReverse;
    if (!p) return setErrors({ form: r.error?.graphQLErrors[0]?.message ?? t('app.error') });
    if (p.userErrors.length) {
      const errs = fieldErrors(p.userErrors, ['reason']);
      setErrors(errs);
      if (errs.reason) document.getElementById('reverse-reason')?.focus();
      return;
    }
    onDone();
  };

  return (
    <FormDialog open destructive title={t('credits.reverseTitle')} onClose={onClose} onSubmit={submit} submitLabel={fetching ? t('credits.submitting') : t('credits.reverseSubmit')} cancelLabel={t('credits.cancel')} busy={fetching}>
      <Typography>{t('credits.reverseConfirm', { date: fmt.localDate(entry.occurredOn), subject, amount: formatDecimal(entry.amount) })}</Typography>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <TextField
        id="reverse-reason"
        autoFocus
        required
        multiline
        minRows={2}
        label={t('credits.fields.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={!!errors.reason}
        helperText={errors.reason}
        slotProps={{ formHelperText: { role: errors.reason ? 'alert' : undefined } }}
      />
    </FormDialog>
  );
}

type AttendanceOutcome = ResultOf<typeof AttendanceImportMutation>['attendanceImport'];

/** A whole offering's attendance from a CSV; bad rows come back with their line. */
function AttendanceUpload() {
  const { t, fmt } = useI18n();
  const [offerings] = useQuery({ query: AttendanceOfferingsQuery });
  const [offeringId, setOfferingId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Partial<Record<'offeringId' | 'csv' | 'form', string>>>({});
  const [outcome, setOutcome] = useState<AttendanceOutcome | null>(null);
  const [{ fetching }, upload] = useMutation(AttendanceImportMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const choices = (offerings.data?.enrollmentRounds.edges ?? []).flatMap((r) =>
    r.node.offerings.edges.map((o) => ({ ...o.node, month: r.node.month })).filter((o) => o.status === 'CONFIRMED' || o.status === 'COMPLETED'),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const local: typeof errors = {};
    if (!offeringId) local.offeringId = t('credits.required');
    if (!file) local.csv = t('servantImport.fileRequired');
    if (Object.keys(local).length) return setErrors(local);
    const r = await upload({ input: { offeringId, csv: await file!.text() } });
    const p = r.data?.attendanceImport;
    if (!p) return setErrors({ form: r.error?.graphQLErrors[0]?.message ?? t('app.error') });
    if (p.userErrors.length) {
      const errs = fieldErrors(p.userErrors, ['offeringId', 'csv']);
      setErrors(errs);
      if (errs.csv) fileRef.current?.focus();
      return;
    }
    setErrors({});
    setOutcome(p);
  };

  return (
    <Paper component="section" aria-labelledby="attendance-title" sx={{ p: 2, mb: 2 }}>
      <Typography id="attendance-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('credits.attendance')}
      </Typography>
      <Typography variant="body2" id="attendance-help" sx={{ mb: 2 }}>
        {t('credits.attendanceHelp')}
      </Typography>
      <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
        {errors.form && (
          <Alert severity="error" role="alert">
            {errors.form}
          </Alert>
        )}
        <TextField
          id="attendance-offering"
          select
          size="small"
          label={t('credits.offering')}
          value={offeringId}
          onChange={(e) => setOfferingId(e.target.value)}
          error={!!errors.offeringId}
          helperText={errors.offeringId ?? (choices.length === 0 ? t('credits.noOfferings') : undefined)}
          sx={{ minWidth: 360 }}
        >
          {choices.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.course.title} · {fmt.slot(o.startsAt, o.endsAt)}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          <Typography component="label" htmlFor="attendance-file" sx={{ display: 'block', fontWeight: 600, mb: 0.5 }}>
            {t('credits.file')}
          </Typography>
          <input
            ref={fileRef}
            id="attendance-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={errors.csv ? 'attendance-help attendance-file-error' : 'attendance-help'}
            aria-invalid={errors.csv ? true : false}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {errors.csv && (
            <Typography id="attendance-file-error" color="error" variant="body2" role="alert">
              {errors.csv}
            </Typography>
          )}
        </Box>
        <Button type="submit" variant="contained" disabled={fetching}>
          {fetching ? t('credits.uploading') : t('credits.upload')}
        </Button>
        {fetching && <LinearProgress aria-label={t('credits.uploading')} sx={{ width: '100%', maxWidth: 480 }} />}
      </Box>
      {outcome && (
        <Box sx={{ mt: 2 }} role="status">
          <Typography sx={{ mb: 1 }}>{t('credits.attendanceResult', { total: outcome.totalRows, recorded: outcome.recordedCount, completed: outcome.completedCount })}</Typography>
          {outcome.rowErrors.length > 0 && (
            <RowErrorTable
              caption={t('credits.rowErrors')}
              errors={outcome.rowErrors}
              labels={{ line: t('servantImport.columns.line'), employeeNumber: t('servantImport.columns.employeeNumber'), message: t('servantImport.columns.message') }}
            />
          )}
        </Box>
      )}
    </Paper>
  );
}
