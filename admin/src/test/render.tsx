/**
 * Renders a screen or dialog of the app the way App.tsx mounts it (i18n, the app's MUI theme, a
 * signed-in session, a router), talking to a test urql client instead of the API.
 *
 * The client follows urql's documented testing approach: an object whose executeQuery,
 * executeMutation and executeSubscription return wonka sources. Each test says, per operation,
 * what the API answers: a plain result (`fromValue`, delivered a tick later like a response), or
 * a source of its own (`makeSubject` to push subscription events when the test says, `never` for
 * a request that stays pending). Every request is recorded, so a test can check the variables a
 * screen sent.
 */
import { CssBaseline, ThemeProvider } from '@mui/material';
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { type AnyVariables, type Client, type CombinedError, createRequest, type DocumentInput, getOperationName, type GraphQLRequest, type OperationContext, type OperationResult, type TypedDocumentNode } from '@urql/core';
import { type ReactElement, type ReactNode, useMemo } from 'react';
import { MemoryRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { vi } from 'vitest';
import { delay, fromValue, map, never, pipe, type Source, take, toPromise } from 'wonka';
import { type Auth, AuthContext } from '../auth/AuthProvider';
import type { Viewer } from '../auth/viewer';
import type { LiveState } from '../client';
import { I18nProvider, type MessageKey, translate, useI18n } from '../i18n';
import { createAppTheme } from '../theme';

/** What the API answers to one request: a result, or a source that answers when the test says. */
export type Answer<Data> = ApiResult<Data> | Source<ApiResult<Data>>;
export interface ApiResult<Data> {
  data?: Data;
  error?: CombinedError;
}

/** A request a screen sent, as the test client received it. */
export interface SentRequest<Variables> {
  variables: Variables;
  requestPolicy?: OperationContext['requestPolicy'];
}

export interface TestApi {
  /** The client to give the urql Provider. */
  client: Client;
  /** Answers every request of `document` with what `answer` returns for its variables. */
  on<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>, answer: (variables: Variables) => Answer<Data>): TestApi;
  /** The requests of `document` made so far (each call of the client's execute…), oldest first. */
  requests<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>): SentRequest<Variables>[];
}

/**
 * A urql client that answers from the test. Requests for a query or subscription the test did
 * not answer stay pending (`never`), like a slow server; an unanswered mutation fails the test.
 */
export function createTestApi(): TestApi {
  const handlers = new Map<string, (variables: never) => Answer<unknown>>();
  const log: { name: string; request: SentRequest<unknown> }[] = [];
  const nameOf = (query: GraphQLRequest['query']) => getOperationName(query) ?? '(anonymous)';

  const execute = (kind: 'query' | 'mutation' | 'subscription') => (request: GraphQLRequest, context?: Partial<OperationContext>) => {
    const name = nameOf(request.query);
    log.push({ name, request: { variables: request.variables, requestPolicy: context?.requestPolicy } });
    const handler = handlers.get(name);
    if (!handler) {
      if (kind === 'mutation') throw new Error(`The test API has no answer for mutation ${name}`);
      return never;
    }
    const operation = { kind, key: request.key, query: request.query, variables: request.variables, context: { requestPolicy: 'cache-first', url: '/graphql', ...context } };
    const complete = (r: ApiResult<unknown>) => ({ operation, stale: false, hasNext: false, ...r }) as unknown as OperationResult;
    const answer = handler(request.variables as never);
    // A plain answer arrives after the render that asked for it, as over a network: a render that
    // React throws away (a state update during render) never sees it, as with the real client.
    return typeof answer === 'function' ? pipe(answer, map(complete)) : pipe(fromValue(complete(answer)), delay(0));
  };

  const client = {
    // Read by urql's hooks: no React Suspense in this app.
    suspense: false,
    executeQuery: vi.fn(execute('query')),
    executeMutation: vi.fn(execute('mutation')),
    executeSubscription: vi.fn(execute('subscription')),
    // `client.query(…).toPromise()`, as screens use for one-off reads (CSV exports): the same
    // answers and the same log as executeQuery.
    query: vi.fn((query: DocumentInput, variables: AnyVariables, context?: Partial<OperationContext>) => {
      const source = execute('query')(createRequest(query, variables), context);
      return Object.assign(pipe(source, take(1)), { toPromise: () => pipe(source, take(1), toPromise) });
    }),
  } as unknown as Client;

  const api: TestApi = {
    client,
    on(document, answer) {
      handlers.set(nameOf(document), answer as (variables: never) => Answer<unknown>);
      return api;
    },
    requests<Data, Variables extends AnyVariables>(document: TypedDocumentNode<Data, Variables>) {
      const name = nameOf(document);
      return log.filter((l) => l.name === name).map((l) => l.request as SentRequest<Variables>);
    },
  };
  return api;
}

/** A text of the app in Korean (its default language), as the screens show it. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate('ko', key, params);
}

/** An institute administrator: may use and change every screen. */
export const instituteAdmin: Viewer = {
  id: 'VXNlcjox',
  displayName: '관리자',
  email: 'admin@example.kr',
  roles: ['INSTITUTE_ADMIN'],
  organization: { id: 'T3JnOjE=', name: '경기도인재개발원' },
};

export interface RenderOptions {
  /** The URL the router starts at (query string included, e.g. `/credits?servant=S1`). */
  route?: string;
  viewer?: Viewer;
  /** The state of the session's live (WebSocket) connection. */
  live?: LiveState;
}

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

/** Renders `ui` inside the app's providers; `user` drives it like a person (pointer and keyboard). */
export function renderWithApp(ui: ReactElement, api: TestApi, { route = '/', viewer = instituteAdmin, live = 'connected' }: RenderOptions = {}): RenderResult & { user: UserEvent } {
  const auth: Auth = { state: { status: 'signed-in', viewer }, live, signIn: vi.fn(), signOut: vi.fn(async () => undefined) };
  const user = userEvent.setup();
  const result = render(
    <I18nProvider>
      <Themed>
        <AuthContext.Provider value={auth}>
          <UrqlProvider value={api.client}>
            <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
          </UrqlProvider>
        </AuthContext.Provider>
      </Themed>
    </I18nProvider>,
  );
  return { ...result, user };
}
