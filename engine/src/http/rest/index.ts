import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { limitBody } from '../body-limit';
import { authenticate, createLimiters, limitByIp } from './authenticate';
import { idempotency } from './idempotency';
import { routeHandler, tooLarge } from './mount';
import type { RestDeps, RestEnv } from './principal';
import { honoPath, type RestRoute } from './route';
import { restRoutes } from './routes';

export { restApiDocs } from './openapi-routes';
export type { RestDeps } from './principal';
export type { RestRoute } from './route';

export { restRoutes };

export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** The peer address (node server socket); behind a proxy, the proxy's. Tests without a socket get 'local'. */
function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * The REST API for tills, web shops and member apps, mounted at /api/v1: body size limit (413),
 * rate limit per IP, then per route authentication (API key with scope, or member token) with a
 * rate limit per key or member, Idempotency-Key on every POST, zod validation and
 * problem+json errors.
 * @example app.route('/api/v1', restApi({ db, log }));
 */
export function restApi(deps: RestDeps): Hono<RestEnv> {
  const limit = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const limitOf = (route: RestRoute) => limit * (route.bodyLimitMultiple ?? 1);
  // The largest any route takes, before anything else runs; each route then holds its own.
  const largest = Math.max(...restRoutes.map(limitOf));
  const limiters = createLimiters(deps);
  const app = new Hono<RestEnv>();
  app.use('*', limitBody(largest, () => tooLarge(largest)));
  app.use('*', limitByIp(limiters.ip, clientIp));
  for (const route of restRoutes) {
    const routeLimit = limitOf(route);
    const own = routeLimit < largest ? [limitBody(routeLimit, () => tooLarge(routeLimit))] : [];
    const chain: MiddlewareHandler<RestEnv>[] = [...own, authenticate(route.auth, deps, limiters), ...(route.method === 'post' ? [idempotency(deps)] : [])];
    app.on(route.method.toUpperCase(), [honoPath(route.path)], ...chain, routeHandler(route, deps));
  }
  return app;
}
