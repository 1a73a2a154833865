import { Alert, Box, Button, CircularProgress } from '@mui/material';
import type { CombinedError } from 'urql';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 3 }}>
      <CircularProgress size={24} aria-hidden />
      <span>{t('app.loading')}</span>
    </Box>
  );
}

/** A failed query: the server's message when it is meant for users, and a way to try again. */
export function LoadError({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const { t } = useI18n();
  const detail = error.graphQLErrors[0]?.message;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        retry ? (
          <Button color="inherit" size="small" onClick={retry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    >
      {t('app.error')}
      {detail ? ` ${detail}` : ''}
    </Alert>
  );
}
