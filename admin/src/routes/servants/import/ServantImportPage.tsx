import { Alert, Box, Button, LinearProgress, Link, Paper, Typography } from '@mui/material';
import { type FormEvent, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation } from 'urql';
import type { ResultOf } from '../../../graphql';
import { useI18n } from '../../../i18n';
import { PageHeading } from '../../../shell/PageHeading';
import { fieldErrors } from '../../login/field-errors';
import { RowErrorTable } from '../../credits/ui';
import { ServantImportMutation } from './servant-import.documents';

type Outcome = ResultOf<typeof ServantImportMutation>['servantImport'];

/** Servants from the HR system's CSV: upsert by employee number, bad rows reported by line. */
export default function ServantImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching }, run] = useMutation(ServantImportMutation);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (!file) {
      setFileError(t('servantImport.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    const csv = await file.text();
    const r = await run({ input: { csv } });
    if (r.error || !r.data) {
      setFileError(r.error?.graphQLErrors[0]?.message ?? t('app.error'));
      fileRef.current?.focus();
      return;
    }
    const p = r.data.servantImport;
    const errs = fieldErrors(p.userErrors, ['csv']);
    if (p.userErrors.length) {
      setFileError(errs.csv ?? errs.form ?? null);
      fileRef.current?.focus();
      return;
    }
    setOutcome(p);
    // The report replaces the progress bar: move the reader there.
    setTimeout(() => resultRef.current?.focus(), 0);
  };

  return (
    <>
      <Link component={RouterLink} to="/servants" sx={{ display: 'inline-block', mb: 2 }}>
        ← {t('profile.back')}
      </Link>
      <PageHeading title={t('servantImport.title')}>{t('servantImport.title')}</PageHeading>
      <Paper component="section" aria-labelledby="import-form" sx={{ p: 2, mb: 2 }}>
        <Typography id="import-form" variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('servantImport.upload')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }} id="import-help">
          {t('servantImport.help')}
        </Typography>
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2, alignItems: 'flex-start' }}>
          <Box>
            <Typography component="label" htmlFor="import-file" sx={{ display: 'block', fontWeight: 600, mb: 0.5 }}>
              {t('servantImport.file')}
            </Typography>
            <input
              ref={fileRef}
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={fileError ? 'import-help import-file-error' : 'import-help'}
              aria-invalid={fileError ? true : false}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
              }}
            />
            {fileError && (
              <Typography id="import-file-error" color="error" variant="body2" role="alert" sx={{ mt: 0.5 }}>
                {fileError}
              </Typography>
            )}
          </Box>
          <Button type="submit" variant="contained" disabled={fetching}>
            {fetching ? t('servantImport.running') : t('servantImport.submit')}
          </Button>
          {fetching && (
            <Box sx={{ width: '100%', maxWidth: 480 }} role="status">
              <LinearProgress aria-label={t('servantImport.running')} />
              <Typography variant="body2">{t('servantImport.running')}</Typography>
            </Box>
          )}
        </Box>
      </Paper>

      {outcome && (
        <Paper component="section" aria-labelledby="import-result" sx={{ p: 2 }}>
          <Typography id="import-result" ref={resultRef} tabIndex={-1} variant="h6" component="h2" sx={{ mb: 1, outline: 'none' }}>
            {t('servantImport.resultTitle')}
          </Typography>
          <Alert severity={outcome.rowErrors.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
            {t('servantImport.result', {
              total: outcome.totalRows,
              created: outcome.createdCount,
              updated: outcome.updatedCount,
              unchanged: outcome.unchangedCount,
              errors: new Set(outcome.rowErrors.map((e) => e.line)).size,
            })}
          </Alert>
          {outcome.rowErrors.length > 0 ? (
            <RowErrorTable
              caption={t('servantImport.errorsTitle')}
              errors={outcome.rowErrors}
              labels={{ line: t('servantImport.columns.line'), employeeNumber: t('servantImport.columns.employeeNumber'), message: t('servantImport.columns.message') }}
            />
          ) : (
            <Typography>{t('servantImport.noErrors')}</Typography>
          )}
        </Paper>
      )}
    </>
  );
}
