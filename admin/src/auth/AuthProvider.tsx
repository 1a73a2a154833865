import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { type ApiClients, createApiClients, type LiveState } from '../client';
import { useI18n } from '../i18n';
import { graphql, readFragment } from '../graphql';
import { loadToken, saveToken } from './session';
import { type Viewer, ViewerFields, ViewerQuery } from './viewer';

const SessionRevoke = graphql(`
  mutation SessionRevoke {
    sessionRevoke {
      revoked
    }
  }
`);

type AuthState =
  | { status: 'signed-out'; notice: 'expired' | null }
  | { status: 'loading' }
  | { status: 'signed-in'; viewer: Viewer };

export interface Auth {
  state: AuthState;
  live: LiveState;
  signIn(token: string, viewer: Viewer): void;
  signOut(): Promise<void>;
}

/** Exported for component tests, which provide a session without a server (src/test/render.tsx). */
export const AuthContext = createContext<Auth | null>(null);

/** Holds the session, the API clients made for it, and the live-connection state. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const [token, setToken] = useState<string | null>(loadToken);
  const [state, setState] = useState<AuthState>(() => (token ? { status: 'loading' } : { status: 'signed-out', notice: null }));
  const [live, setLive] = useState<LiveState>('connecting');

  const expire = useCallback(() => {
    saveToken(null);
    setToken(null);
    setState({ status: 'signed-out', notice: 'expired' });
  }, []);

  const clients: ApiClients = useMemo(
    () => createApiClients({ token, lang: () => langRef.current, onAuthLost: expire, onLiveState: setLive }),
    [token, expire],
  );
  useEffect(() => {
    clients.connectLive();
    return () => clients.dispose();
  }, [clients]);

  // A token from an earlier page load: ask who it belongs to (null once it expired or was revoked).
  useEffect(() => {
    if (!token || state.status !== 'loading') return;
    let cancelled = false;
    void clients.urql
      .query(ViewerQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        if (cancelled) return;
        const viewer = r.data?.viewer ? readFragment(ViewerFields, r.data.viewer) : null;
        if (viewer) setState({ status: 'signed-in', viewer });
        else if (!r.error?.networkError) expire();
      });
    return () => {
      cancelled = true;
    };
  }, [token, clients, state.status, expire]);

  const signIn = useCallback((newToken: string, viewer: Viewer) => {
    saveToken(newToken);
    setLive('connecting');
    setToken(newToken);
    setState({ status: 'signed-in', viewer });
  }, []);

  const signOut = useCallback(async () => {
    await clients.urql.mutation(SessionRevoke, {}).toPromise().catch(() => undefined);
    saveToken(null);
    setToken(null);
    setState({ status: 'signed-out', notice: null });
  }, [clients]);

  const value = useMemo<Auth>(() => ({ state, live, signIn, signOut }), [state, live, signIn, signOut]);
  return (
    <AuthContext.Provider value={value}>
      <UrqlProvider value={clients.urql}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in viewer; only for screens behind the sign-in guard. */
export function useViewer(): Viewer {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useViewer while signed out');
  return state.viewer;
}
