import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import type { Db } from '../db';
import type { Logger } from '../log';
import { createTemplateCatalog, type TemplateCatalog } from '../programs/template-catalog';
import { apiDocsPage } from './api-docs-page';
import { healthRoutes, type HealthDeps } from './health';
import { apiRoutes, openApiDocument } from './openapi';
import { studioRoutes } from './studio-files';
import { appRouter } from './trpc/router';

export type AppDeps = HealthDeps & { db: Db; log: Logger; studioDir?: string; templates?: TemplateCatalog };

/**
 * The engine's single HTTP surface: operations endpoints, REST API, tRPC for the
 * studio, and the studio itself.
 * @example serve({ fetch: createApp(deps).fetch, port: 3000 });
 */
export function createApp(deps: AppDeps) {
  const openapi = openApiDocument(apiRoutes);
  const templates = deps.templates ?? createTemplateCatalog();
  const app = new Hono();
  app.route('/', healthRoutes(deps));
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.get('/api/docs', (c) => c.html(apiDocsPage));
  app.get('/api/v1', (c) => c.json({ name: 'Loyalty Studio API', version: 'v1' as const, documentation: '/api/openapi.json' }));
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: () => ({ db: deps.db, log: deps.log, templates }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') deps.log.error({ err: error, path }, 'tRPC procedure failed');
      },
    }),
  );
  app.all('/api/*', (c) =>
    c.json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No API route ${c.req.method} ${c.req.path}` }, 404, {
      'content-type': 'application/problem+json',
    }),
  );
  app.route('/', studioRoutes(deps.studioDir));
  return app;
}
