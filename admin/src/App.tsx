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
