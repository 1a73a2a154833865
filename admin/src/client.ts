import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

export type LiveState = 'connecting' | 'connected' | 'lost';

/** Close codes with which the server refuses the token: retrying cannot help. */
const AUTH_CLOSE_CODES = new Set([4401, 4403]);

function isAuthClose(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && AUTH_CLOSE_CODES.has((e as { code: number }).code);
}

export interface ApiClients {
  urql: Client;
  /**
   * Opens the session's live connection (a no-op when signed out). Creating the clients has no
   * side effect, so React may create and discard them while rendering; this runs in an effect.
   */
  connectLive(): void;
  dispose(): void;
}

export interface ApiClientOptions {
  token: string | null;
  /** Read on each request so that server messages follow the chosen language. */
  lang: () => string;
  /** The server refused the session (revoked or expired). */
  onAuthLost: () => void;
  onLiveState: (state: LiveState) => void;
  /** Base URL; defaults to the page's origin (the API serves the app, or Vite proxies it). */
  origin?: string;
}

/**
 * One urql client per session: queries and mutations over HTTP POST, subscriptions over
 * graphql-ws on the same /graphql path, authenticated in connection_init.
 */
export function createApiClients(opts: ApiClientOptions): ApiClients {
  const origin = opts.origin ?? window.location.origin;
  const wsUrl = origin.replace(/^http/, 'ws') + '/graphql';
  const token = opts.token;
  let current: WsClient | null = null;
  /** Bumped on dispose: events of an older connection are ignored. */
  let generation = 0;
  let lost = false;

  const open = (): WsClient => {
    // graphql-ws reports 'connecting' from inside createClient, so compare generations, not clients.
    const gen = generation;
    const report = (state: LiveState) => {
      if (gen !== generation) return;
      // Once lost, the banner stays through the reconnection attempts until a connection is up.
      if (state === 'connecting' && lost) return;
      lost = state === 'lost';
      opts.onLiveState(state);
    };
    return createWsClient({
      url: wsUrl,
      connectionParams: () => ({ authorization: `Bearer ${token}` }),
      // Connected for the whole session: a lost connection shows a banner and comes back by itself.
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (e) => !isAuthClose(e),
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 15_000) * (0.75 + Math.random() / 2)));
      },
      onNonLazyError: () => undefined,
      on: {
        connecting: () => report('connecting'),
        connected: () => report('connected'),
        closed: (e) => {
          if (gen !== generation) return;
          if (isAuthClose(e)) opts.onAuthLost();
          else report('lost');
        },
      },
    });
  };
  const live = (): WsClient | null => {
    if (!token) return null;
    current ??= open();
    return current;
  };

  const urql = new Client({
    url: `${origin}/graphql`,
    // POST only: the API's CSRF prevention refuses simple GET requests, and bodies stay out of logs.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      headers: {
        'accept-language': opts.lang(),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      ...(token
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => {
                const input = { ...request, query: request.query || '' };
                return {
                  subscribe: (sink) => ({ unsubscribe: live()?.subscribe(input, sink) ?? (() => undefined) }),
                };
              },
            }),
          ]
        : []),
    ],
  });

  return {
    urql,
    connectLive: () => void live(),
    dispose: () => {
      const c = current;
      current = null;
      generation++;
      void c?.dispose();
    },
  };
}
