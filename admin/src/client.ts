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
  /** null when signed out: subscriptions need a session. */
  ws: WsClient | null;
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
  let disposed = false;
  const token = opts.token;
  let lost = false;
  const report = (state: LiveState) => {
    if (disposed) return;
    // Once lost, the banner stays through the reconnection attempts until a connection is up.
    if (state === 'connecting' && lost) return;
    lost = state === 'lost';
    opts.onLiveState(state);
  };
  const ws = token
    ? createWsClient({
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
            if (disposed) return;
            if (isAuthClose(e)) opts.onAuthLost();
            else report('lost');
          },
        },
      })
    : null;

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
      ...(ws
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => {
                const input = { ...request, query: request.query || '' };
                return {
                  subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }),
                };
              },
            }),
          ]
        : []),
    ],
  });

  return {
    urql,
    ws,
    dispose: () => {
      disposed = true;
      void ws?.dispose();
    },
  };
}
