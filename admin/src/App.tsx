import { CssBaseline, ThemeProvider } from '@mui/material';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider, useI18n } from './i18n';
import { LoginPage } from './routes/login/LoginPage';
import { screen } from './routes/registry';
import { AppShell } from './shell/AppShell';
import { Home, NotFound, RequireScreen, RequireSession } from './shell/Guards';
import { Loading } from './shell/StatusViews';
import { createAppTheme } from './theme';

// Heavy screens (the data grid) load when first opened, not with the login page.
const ServantsPage = lazy(() => import('./routes/servants/ServantsPage'));
const ServantProfilePage = lazy(() => import('./routes/servants/ServantProfilePage'));
const RoundsPage = lazy(() => import('./routes/rounds/RoundsPage'));
const DemandsPage = lazy(() => import('./routes/demands/DemandsPage'));
const CataloguePage = lazy(() => import('./routes/catalogue/CataloguePage'));

const CreditBankPage = lazy(() => import('./routes/credits/CreditBankPage'));
const CertificationsPage = lazy(() => import('./routes/certifications/CertificationsPage'));
const ServantImportPage = lazy(() => import('./routes/servants/import/ServantImportPage'));
const DashboardPage = lazy(() => import('./routes/dashboard/DashboardPage'));
const AccessLogPage = lazy(() => import('./routes/access-log/AccessLogPage'));

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const theme = useMemo(() => createAppTheme(lang), [lang]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireSession>
                      <AppShell />
                    </RequireSession>
                  }
                >
                  <Route index element={<Home />} />
                  <Route
                    path="servants"
                    element={
                      <RequireScreen screen={screen('/servants')}>
                        <ServantsPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="servants/:id"
                    element={
                      <RequireScreen screen={screen('/servants')}>
                        <ServantProfilePage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="rounds"
                    element={
                      <RequireScreen screen={screen('/rounds')}>
                        <RoundsPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="demands"
                    element={
                      <RequireScreen screen={screen('/demands')}>
                        <DemandsPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="catalogue"
                    element={
                      <RequireScreen screen={screen('/catalogue')}>
                        <CataloguePage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="servants/import"
                    element={
                      <RequireScreen screen={screen('/servants')}>
                        <ServantImportPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="credits"
                    element={
                      <RequireScreen screen={screen('/credits')}>
                        <CreditBankPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="certifications"
                    element={
                      <RequireScreen screen={screen('/certifications')}>
                        <CertificationsPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="dashboard"
                    element={
                      <RequireScreen screen={screen('/dashboard')}>
                        <DashboardPage />
                      </RequireScreen>
                    }
                  />
                  <Route
                    path="access-log"
                    element={
                      <RequireScreen screen={screen('/access-log')}>
                        <AccessLogPage />
                      </RequireScreen>
                    }
                  />
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </Themed>
    </I18nProvider>
  );
}
