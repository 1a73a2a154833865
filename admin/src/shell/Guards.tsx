import { Alert, Box, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { isAdmin } from '../auth/viewer';
import { useI18n } from '../i18n';
import { canUse, homeFor, type ScreenEntry } from '../routes/registry';
import { Loading } from './StatusViews';
import { PageHeading } from './PageHeading';

/** Screens behind sign-in: unknown sessions go to the login page and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, signOut } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!isAdmin(state.viewer)) {
    return (
      <Box component="main" sx={{ p: 4, maxWidth: 640 }}>
        <PageHeading title={t('app.forbidden')}>{t('app.forbidden')}</PageHeading>
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('auth.notAdmin')}
        </Alert>
        <Button variant="contained" onClick={() => void signOut()}>
          {t('auth.logout')}
        </Button>
      </Box>
    );
  }
  return children;
}

/** A screen that only some roles may open (the menu hides it; this guards a typed-in URL). */
export function RequireScreen({ screen, children }: { screen: ScreenEntry; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== 'signed-in') return null;
  if (!canUse(state.viewer.roles, screen)) return <Forbidden />;
  return children;
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('app.forbidden')}>{t('app.forbidden')}</PageHeading>
      <Alert severity="warning">{t('app.forbidden')}</Alert>
    </>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>
      <Alert severity="info">{t('app.notFound')}</Alert>
    </>
  );
}

/** `/`: the first screen of the viewer's roles. */
export function Home() {
  const { state } = useAuth();
  if (state.status !== 'signed-in') return null;
  const home = homeFor(state.viewer.roles);
  return home ? <Navigate to={home} replace /> : <Forbidden />;
}
