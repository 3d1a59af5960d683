import { trpcServer } from '@hono/trpc-server';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../auth/session-policy';
import { resolveSession } from '../auth/sessions';
import { enableGroupCommit, GroupCommitLost, type Db } from '../db';
import type { TemporalWorkflows } from '../approvals/temporal-errors';
import type { Logger } from '../log';
import { createMetrics, type Metrics } from '../monitoring/prometheus';
import { createTemplateCatalog, type TemplateCatalog } from '../programs/template-catalog';
import { programJsonSchema } from '../spec';
import { apiDocsPage } from './api-docs-page';
import { limitBody } from './body-limit';
import { healthRoutes, type HealthDeps } from './health';
import { metricsAccess, requireCsrfHeader } from './security';
import { apiRoutes, openApiDocument } from './openapi';
import { restApi, type RestDeps } from './rest';
import { studioRoutes } from './studio-files';
import type { StaffSettings } from './trpc/init';
import { appRouter } from './trpc/router';

export type AppDeps = HealthDeps & {
  db: Db;
  log: Logger;
  studioDir?: string;
  templates?: TemplateCatalog;
  settings?: StaffSettings;
  /** REST API limits (rate limits per key, member and IP; body size). */
  rest?: Pick<RestDeps, 'rateLimits' | 'bodyLimitBytes'>;
  /** Temporal client and task queue the engine starts workflows on; undefined while connecting. */
  workflows?: () => TemporalWorkflows | undefined;
  /** Bearer token Prometheus must send for /metrics; without one, only this machine may scrape. */
  metricsToken?: string;
  /** Prometheus metrics; one over `db` is made when not given. */
  metrics?: Metrics;
};

/**
 * The engine's single HTTP surface: operations endpoints, REST API, tRPC for the
 * studio, and the studio itself.
 * @example serve({ fetch: createApp(deps).fetch, port: 3000 });
 */
export function createApp(deps: AppDeps) {
  const openapi = openApiDocument(apiRoutes);
  const templates = deps.templates ?? createTemplateCatalog();
  const metrics = deps.metrics ?? createMetrics({ db: deps.db });
  const app = new Hono();
  app.use('*', metrics.httpMiddleware);
  // Requests share commits (see GroupCommit); none answers before its writes are durable.
  const group = enableGroupCommit(deps.db.$client);
  app.use('*', async (c, next) => {
    const ticket = group.ticket();
    await next();
    try {
      await group.durable(ticket);
    } catch (error) {
      if (!(error instanceof GroupCommitLost)) throw error;
      deps.log.error({ err: error, path: c.req.path }, 'group commit lost; answering 503');
      c.res = c.json({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: error.message }, 503, { 'content-type': 'application/problem+json', 'Retry-After': '1' });
    }
  });
  app.get('/metrics', metricsAccess(deps.metricsToken), async (c) => c.body(await metrics.render(), 200, { 'content-type': metrics.contentType }));
  app.route('/', healthRoutes(deps));
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.get('/api/docs', (c) => c.html(apiDocsPage));
  // The program concept's JSON Schema, for editors and for tools that write templates.
  const programSchema = programJsonSchema();
  app.get('/api/program.schema.json', (c) => c.json(programSchema));
  app.get('/api/v1', (c) => c.json({ name: 'Loyalty Studio API', version: 'v1' as const, documentation: '/api/openapi.json' }));
  app.use('/trpc/*', limitBody(5 * 1024 * 1024, (c) => c.json({ error: { message: 'The request is larger than 5 MB.' } }, 413)));
  app.use('/trpc/*', requireCsrfHeader);
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: (opts, c) => {
        const sessionToken = getCookie(c, SESSION_COOKIE) || undefined;
        return {
          db: deps.db,
          log: deps.log,
          templates,
          sessionToken,
          principal: resolveSession(deps.db, sessionToken),
          ip: clientIp(c),
          setCookie: (cookie: string) => opts.resHeaders.append('set-cookie', cookie),
          settings: deps.settings ?? { adjustmentApprovalThreshold: 500 },
          temporal: deps.workflows?.(),
        };
      },
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error({ err: error, path }, 'tRPC procedure failed');
      },
    }),
  );
  app.route('/api/v1', restApi({ db: deps.db, log: deps.log, ...deps.rest }));
  app.all('/api/*', (c) =>
    c.json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No API route ${c.req.method} ${c.req.path}` }, 404, {
      'content-type': 'application/problem+json',
    }),
  );
  app.route('/', studioRoutes(deps.studioDir));
  return app;
}

/** The peer address of the request (the node server's socket); tests without a socket get 'local'. */
function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
