import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { MikroORM } from '@mikro-orm/postgresql';
import proxyaddr from 'proxy-addr';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Config } from './config';
import type { Context } from './common/context';
import { ServiceUnavailableError, UnauthenticatedError } from './common/errors';
import { createFormatError } from './common/format-error';
import { BODY_LIMIT, handlePlainGraphQLPost, isPlainGraphQLPost, type PlainGraphQLRoute } from './common/graphql-http';
import { logger } from './common/logger';
import { textGuard } from './common/text-guard';
import { isDatabaseUnavailable, serviceUnavailablePlugin } from './db/availability';
import { AccessLog, accessLogPlugin } from './modules/access-log/access-log';
import { capFeedHandler } from './modules/alert/cap.route';
import { policeReadLog } from './modules/access-log/police-read.middleware';
import { AuthService } from './modules/auth/auth.service';
import { buildLanternSubgraphSchema } from './federation';
import { guardSchema } from './policy/guard-schema';
import { policy, SHIELD_OPTIONS, subgraphPolicy } from './policy/shield';
import { buildLanternSchema } from './schema';

/** Query limits (graphql-armor). Generous for the dashboard, tight for abuse. */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxTokens: 2000, maxCost: 5000, maxDirectives: 20 } as const;

export interface AppOptions {
  orm: MikroORM;
  config: Config;
  /** True once migrations have run; /readyz answers 503 until then. */
  isMigrated?: () => boolean;
}

export interface App {
  httpServer: http.Server;
  /** Starts the GraphQL server and mounts the routes; call before listening. */
  start(): Promise<void>;
  listen(port?: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Builds the whole HTTP application. Nothing happens on import; nothing listens until `listen`. */
export function createApp({ orm, config, isMigrated = () => true }: AppOptions): App {
  const app = express();
  app.disable('x-powered-by');
  // Forwarded headers only from the configured reverse proxies (LANTERN_TRUST_PROXY); the same
  // rule gives every request's context its caller's address (requestContext).
  const trustProxy = config.trustProxy.length ? proxyaddr.compile(config.trustProxy) : () => false;
  app.set('trust proxy', trustProxy);
  // No ETag on answers: they are personal and never cached, and hashing each one costs CPU.
  app.set('etag', false);
  // Plain GraphQL POSTs skip express once the server has started (common/graphql-http.ts).
  let plainRoute: PlainGraphQLRoute<Context> | undefined;
  const httpServer = http.createServer((req, res) => {
    if (plainRoute && isPlainGraphQLPost(req)) void handlePlainGraphQLPost(plainRoute, req, res);
    else app(req, res);
  });
  // A client that trickles its headers or body cannot hold a connection open for long.
  httpServer.headersTimeout = 15_000;
  httpServer.requestTimeout = 30_000;

  // The shield first (outermost): only fields it allows reach the police read log, then resolve.
  const schema = config.subgraph
    ? guardSchema(buildLanternSubgraphSchema(), subgraphPolicy, SHIELD_OPTIONS, textGuard, policeReadLog)
    : guardSchema(buildLanternSchema(), policy, SHIELD_OPTIONS, textGuard, policeReadLog);
  // Limits are never told to the caller (exposeLimits: false); the messages say only what kind.
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: false, ignoreIntrospection: true, errorMessage: 'Query refused: nested too deeply' },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: false, errorMessage: 'Query refused: too many aliases' },
    // The token limit is graphql-js's own (parseOptions below): armor's re-parses the document in a
    // plugin hook, where any syntax error escaped Apollo's handling and answered HTTP 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost, exposeLimits: false, ignoreIntrospection: true, errorMessage: 'Query refused: too costly' },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: false, errorMessage: 'Query refused: too many directives' },
    // "Did you mean ...?" hints help developers and map the schema for attackers.
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    // Past the limit, parsing stops: a syntax error (HTTP 400, BAD_USER_INPUT), its message trimmed by formatError.
    parseOptions: { maxLexicalTokens: LIMITS.maxTokens },
    introspection: !config.isProduction,
    csrfPrevention: true,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    includeStacktraceInErrorResponses: !config.isProduction,
    allowBatchedHttpRequests: false,
    formatError: createFormatError({ isProduction: config.isProduction }),
    plugins: [
      ...armor.plugins,
      accessLogPlugin,
      serviceUnavailablePlugin,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No HTTP caching of answers (they are personal), so no per-field cache hints to compute.
      ApolloServerPluginCacheControlDisabled(),
      // As a subgraph, Apollo would otherwise send per-field timings to any gateway that asks.
      ...(config.subgraph ? [ApolloServerPluginInlineTraceDisabled()] : []),
    ],
    validationRules: armor.validationRules,
  });

  app.use((_req, res, next) => {
    setSecurityHeaders(res);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      if (!isMigrated()) {
        res.status(503).json({ status: 'migrating' });
        return;
      }
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.get('/feeds/alerts.cap.xml', capFeedHandler(orm, config));

  /** The request's context: its own EntityManager, the signed-in caller, its access log. */
  async function requestContext(req: http.IncomingMessage): Promise<Context> {
    const em = orm.em.fork();
    let session;
    try {
      // viewer, or enrolling: an account that may only turn on two-factor sign-in yet
      session = await new AuthService(em, config).session(req.headers.authorization);
    } catch (err) {
      // A bad, expired or revoked token: HTTP 401 with the UNAUTHENTICATED code.
      if (err instanceof UnauthenticatedError) {
        throw new GraphQLError(err.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      // PostgreSQL is down or restarting: HTTP 503 with the SERVICE_UNAVAILABLE code, not a 500.
      if (isDatabaseUnavailable(err)) throw new ServiceUnavailableError();
      throw err;
    }
    return { em, ...session, config, requestId: randomUUID(), accessLog: new AccessLog(), clientAddress: proxyaddr(req, trustProxy) ?? 'unknown' };
  }

  let started = false;
  return {
    httpServer,
    async start() {
      if (started) return;
      started = true;
      await apollo.start();
      const cors = corsFor(config.corsOrigins);
      app.use('/graphql', cors);
      app.use(
        '/graphql',
        express.json({ limit: BODY_LIMIT }),
        expressMiddleware(apollo, {
          context: ({ req }) => requestContext(req),
        }),
      );
      // The members' page first: the dashboard's fallback must never answer under /member/.
      mountMemberPage(app, config.memberDir);
      mountDashboard(app, config.dashboardDir);
      app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
        if (res.headersSent) return next(err);
        answerHttpError(res, err.status && err.status >= 400 && err.status < 500 ? err.status : 500, err);
      });
      plainRoute = {
        apollo,
        headers(req, res) {
          setSecurityHeaders(res);
          cors(req as Request, res as Response, () => undefined); // a POST: only the allow-origin header, never an answer
        },
        context: requestContext,
        fail: answerHttpError,
      };
    },
    async listen(port = config.port, host = config.host) {
      await this.start();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      return (httpServer.address() as { port: number }).port;
    },
    async stop() {
      if (started) await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** The headers every answer carries. */
function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/** An answer for a request that failed outside GraphQL (a malformed body, an unexpected error); the cause is never told. */
function answerHttpError(res: http.ServerResponse, status: number, err?: unknown): void {
  if (status === 500) logger.error('http error', { error: err instanceof Error ? err.name : 'Error' });
  const body = JSON.stringify({ errors: [{ message: status === 500 ? 'Internal server error' : 'Bad request', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' } }] });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/**
 * CORS for /graphql: only the configured origins (none by default, so only Lantern's own pages
 * can call it from a browser). Bearer tokens, never cookies: no credentials are allowed.
 */
function corsFor(origins: readonly string[]): express.RequestHandler {
  const allowed = new Set(origins.map((o) => o.toLowerCase()));
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin.toLowerCase())) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'content-type, authorization');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    } else if (req.method === 'OPTIONS') {
      res.status(204).end(); // a preflight from anywhere else gets no permission
      return;
    }
    next();
  };
}

/** The built dashboard at `/`, with index.html for its client-side routes. */
function mountDashboard(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text/plain').send('The dashboard is not built. Run `pnpm build` (or `pnpm start`, which builds it).');
    });
    return;
  }
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'", // MUI (emotion) injects style elements
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  });
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz|readyz|feeds\/|member(?:\/|$)).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/**
 * The members' page (a small React page, built into member/dist with base `/member/`) at
 * `/member/`, with index.html for its client-side routes. Its policy is stricter than the
 * dashboard's: no inline styles or scripts, nothing from another origin.
 */
function mountMemberPage(app: express.Express, dir: string | undefined): void {
  const notFound = (_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found');
  };
  const index = dir ? path.join(dir, 'index.html') : undefined;
  app.get(/^\/member$/, (_req, res) => res.redirect(301, '/member/'));
  if (!dir || !index || !existsSync(index)) {
    app.use('/member/', (_req, res) => {
      res.status(503).type('text/plain').send('The members’ page is not built. Run `pnpm build` (or `pnpm start`, which builds it).');
    });
    return;
  }
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  });
  // Hashed file names: a file never changes, so it may be kept long.
  router.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  router.use('/assets', notFound);
  router.use(express.static(dir, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    // Not kept in any cache: after a quick exit, nothing of the page should linger.
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(index);
  });
  router.use(notFound);
  app.use('/member', router);
}
