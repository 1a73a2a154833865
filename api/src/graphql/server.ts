import crypto from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { type ExecutionArgs, type GraphQLFormattedError, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { type Context as WsContext, CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import { unwrapResolverError } from '@apollo/server/errors';
import { decodeJwt } from 'jose';
import { now } from '../common/clock.js';
import { type SessionRevokedPayload, Topics } from '../events/topics.js';
import { flushAccessLog } from '../modules/audit/access-log.service.js';
import { localeFrom, t } from '../i18n/messages.js';
import { type AppDeps, buildContext, type Context } from './context.js';
import { assertCostWithinLimit, costPlugin, limitValidationRules } from './limits.js';
import { ADMIN_DIST_DIR, adminBuildExists, serveAdmin } from './static-admin.js';
import { registerDocumentRoutes } from '../modules/certification/certification.documents.js';

/** What graphql-ws keeps per connection: the socket and request (from `useServer`), our context. */
type WsExtra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  ctx?: Context;
};

/** Error codes whose message is meant for the client; everything else is masked. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COSTLY',
]);

/**
 * Masks unexpected errors: the client gets a fixed message and an error id, the log gets the
 * detail under the same id. Never SQL, a stack trace or a file path in a response.
 */
export function maskError(deps: Pick<AppDeps, 'log'>, formatted: GraphQLFormattedError, error: unknown, production: boolean): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  const typed = !(original instanceof Error) || original instanceof GraphQLError;
  if (typeof code === 'string' && CLIENT_CODES.has(code) && typed) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const message = production ? formatted.message.replace(/ ?Did you mean .*$/, '') : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const errorId = crypto.randomUUID();
  deps.log.error('unexpected error', { errorId, path: formatted.path, error: describeFault(original) });
  return {
    message: t('INTERNAL', 'ko', { errorId }),
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId, messageEn: t('INTERNAL', 'en', { errorId }) },
  };
}

/**
 * What the log keeps of a fault. Database errors carry the failing statement with its values
 * inlined (possibly personal data), so only the SQLSTATE and the server's reason are kept.
 */
function describeFault(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const sqlState = (e as { sqlState?: string; code?: string }).sqlState ?? (e as { code?: string }).code;
  if (sqlState && /^[0-9A-Z]{5}$/.test(sqlState)) {
    return { name: e.name, sqlState, reason: e.message.split(' - ').pop() };
  }
  return { name: e.name, message: e.message, stack: e.stack };
}

/** Flushes the personal-data access log and publishes after-commit events at the end of each operation. */
function operationEndPlugin(deps: AppDeps): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          try {
            await flushAccessLog(contextValue.scope.em, contextValue.scope);
          } catch (e) {
            deps.log.error('access log write failed', { error: String(e) });
          }
          await contextValue.scope.runAfterCommit((e) => deps.log.error('event publication failed', { error: String(e) }));
        },
      };
    },
  };
}

function clientIp(req: http.IncomingMessage): string | null {
  return req.socket.remoteAddress ?? null;
}

export interface KokServer {
  httpServer: http.Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** HTTP (GraphQL, health probes) and WebSocket (graphql-ws subscriptions) on one server and path. */
export async function createServer(deps: AppDeps, schema: GraphQLSchema): Promise<KokServer> {
  const { config } = deps;
  const production = config.nodeEnv === 'production';
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const rules = limitValidationRules(config.limits);

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  // A subscription must not outlive its session: sockets are closed when the session is
  // revoked (on any process, through the pub/sub) or when its token expires.
  const socketsBySession = new Map<string, Set<{ close(code: number, reason: string): void }>>();
  const revocations = deps.pubsub.subscribe(Topics.SESSION_REVOKED)[Symbol.asyncIterator]();
  void (async () => {
    for (let r = await revocations.next(); !r.done; r = await revocations.next()) {
      const { sessionId } = r.value as SessionRevokedPayload;
      for (const socket of socketsBySession.get(sessionId) ?? []) socket.close(4401, 'Session revoked');
      socketsBySession.delete(sessionId);
    }
  })().catch((e) => deps.log.error('session revocation listener stopped', { error: String(e) }));
  const wsCleanup = useServer<Record<string, unknown>, WsExtra>(
    {
      schema,
      // Authenticated once, in connection_init; the token is in the payload, not a URL.
      onConnect: async (ctx: WsContext<Record<string, unknown>, WsExtra>) => {
        const params = ctx.connectionParams ?? {};
        const authorization = typeof params.authorization === 'string' ? params.authorization : typeof params.Authorization === 'string' ? params.Authorization : null;
        const req = ctx.extra.request;
        try {
          const context = await buildContext(deps, { authorization, acceptLanguage: req.headers['accept-language'], ip: clientIp(req) });
          const viewer = context.scope.viewer;
          if (!viewer) return false;
          ctx.extra.ctx = context;
          const socket = ctx.extra.socket;
          const sessionId = viewer.sessionId;
          if (sessionId) {
            const set = socketsBySession.get(sessionId) ?? new Set();
            set.add(socket);
            socketsBySession.set(sessionId, set);
            socket.once('close', () => set.delete(socket));
          }
          const exp = authorization ? decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp : undefined;
          if (exp) {
            // setTimeout cannot wait longer than ~24.8 days: wait in steps until expiry.
            let timer: NodeJS.Timeout;
            const arm = () => {
              const left = exp * 1000 - now().getTime();
              timer = left <= 0 ? setTimeout(() => socket.close(4401, 'Session expired'), 0) : setTimeout(arm, Math.min(left, 2 ** 31 - 1));
            };
            arm();
            socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => ctx.extra.ctx as unknown as Record<string, unknown>,
      onSubscribe: (ctx, _id, payload) => {
        const context = ctx.extra.ctx!;
        const locale = context.scope.locale;
        let document;
        try {
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (e) {
          return [new GraphQLError((e as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, [...specifiedRules, ...rules]);
        if (errors.length) return errors.map((e) => new GraphQLError(production ? e.message.replace(/ ?Did you mean .*$/, '') : e.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        try {
          assertCostWithinLimit(schema, document, payload.variables ?? undefined, payload.operationName, config.limits.maxCost, locale);
        } catch (e) {
          return [e as GraphQLError];
        }
        const args: ExecutionArgs = {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue: context,
        };
        return args;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => maskError(deps, e.toJSON(), e, production)) as unknown as GraphQLError[],
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGINT/SIGTERM: it stops the API, the jobs and the embedded database in order.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: rules,
    formatError: (formatted, error) => maskError(deps, formatted, error, production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costPlugin(config.limits.maxCost, (c) => (c as Context).scope.locale),
      operationEndPlugin(deps),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await deps.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  registerDocumentRoutes(app, deps);
  // The built admin app at / (pnpm start builds it); without a build the API runs alone.
  if (adminBuildExists()) serveAdmin(app, ADMIN_DIST_DIR);
  app.use(
    '/graphql',
    express.json({ limit: '20mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        buildContext(deps, {
          authorization: req.headers.authorization,
          acceptLanguage: req.headers['accept-language'],
          ip: clientIp(req),
          operationName: typeof req.body?.operationName === 'string' ? req.body.operationName : null,
        }),
    }),
  );

  return {
    httpServer,
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    close: async () => {
      await revocations.return?.();
      await apollo.stop();
      wsServer.close();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}

export { localeFrom, CloseCode };
