import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { errorResponse, HttpProblem, problemResponse, validationProblem } from './problem';
import type { RestDeps, RestEnv } from './principal';
import { recordRouteFailure } from './record-failure';
import type { RestRoute } from './route';

function parsePart<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationFailure(parsed.error, where);
  return parsed.data;
}

class ValidationFailure extends Error {
  constructor(
    readonly error: z.ZodError,
    readonly where: string,
  ) {
    super('validation failed');
  }
}

async function readBody(c: Context, route: RestRoute): Promise<unknown> {
  if (!route.body) return undefined;
  const text = await c.req.text();
  if (!text.trim()) {
    if (route.bodyOptional) return parsePart(route.body, {}, 'body');
    throw new HttpProblem(400, 'This request needs a JSON body; see the API reference at /api/docs.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
  return parsePart(route.body, json, 'body');
}

/**
 * The final handler of a route: validates path, query and body with the route's zod schemas
 * (400 problem naming each field), calls the route and maps thrown errors to problem+json.
 * @example app.on('POST', '/purchases', ...middleware, routeHandler(route, deps))
 */
export function routeHandler(route: RestRoute, deps: RestDeps) {
  return async (c: Context<RestEnv>): Promise<Response> => {
    let body: unknown;
    try {
      const params = route.params ? parsePart(route.params, c.req.param(), 'path') : undefined;
      const query = route.query ? parsePart(route.query, c.req.query(), 'query') : undefined;
      body = await readBody(c, route);
      const result = route.handle({ params, query, body, principal: c.get('principal'), deps, c });
      if (result.status === 204) return c.body(null, 204);
      const text = JSON.stringify(result.body);
      c.set('responseText', text);
      return c.body(text, result.status, { 'content-type': 'application/json' });
    } catch (e) {
      if (e instanceof ValidationFailure) return validationProblem(e.error, e.where);
      const res = errorResponse(e);
      if (res.status >= 500) {
        deps.log.error({ err: e, route: `${route.method.toUpperCase()} ${route.path}` }, 'REST route failed');
        recordRouteFailure(route, c.get('principal'), body, deps);
      }
      return res;
    }
  };
}

/** Answers 413 problem+json for bodies over the limit. */
export function tooLarge(limit: number): Response {
  return problemResponse(413, `The request body is larger than ${Math.round(limit / 1024)} KB; send fewer lines (or purchases, for a batch) per request.`);
}

export type { Hono };
