import type { Context } from 'hono';
import type { z } from 'zod';
import type { ApiKeyPrincipal, ApiScope } from '../../auth/api-keys';
import type { MemberPrincipal } from '../../events';
import type { RestDeps } from './principal';

/** How a route authenticates: an integration API key (with a scope) or a member token. */
export type RouteAuth = { kind: 'api-key'; scope: ApiScope } | { kind: 'member-token' };

type PrincipalOf<A extends RouteAuth> = A extends { kind: 'api-key' } ? ApiKeyPrincipal : MemberPrincipal;

/** What a handler returns: a status and a JSON body (none for 204). */
export type RouteResult = { status: 200 | 201 | 204; body?: unknown };

/** Documented responses of a route (errors are added for every route). */
export type RouteResponses = Record<number, { description: string; schema?: z.ZodType }>;

/**
 * One REST route, declared once: the router mounts it and the OpenAPI document describes it
 * from the same object, so nothing can be served undocumented.
 */
export interface RestRoute {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Below /api/v1, OpenAPI style: '/members/{id}/tokens'. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: RouteAuth;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body may be left out entirely (e.g. commit a reservation). */
  bodyOptional?: boolean;
  /** Takes bodies up to this many times the API's body limit (a batch); 1 when left out. */
  bodyLimitMultiple?: number;
  responses: RouteResponses;
  handle(input: { params: unknown; query: unknown; body: unknown; principal: ApiKeyPrincipal | MemberPrincipal; deps: RestDeps; c: Context }): RouteResult;
}

/**
 * Declares a route with typed handler input (parsed params, query and body, and the principal).
 * @example
 *   defineRoute({ method: 'get', path: '/me/balance', auth: { kind: 'member-token' }, ..., handle: ({ principal, deps }) => ({ status: 200, body: ... }) })
 */
export function defineRoute<A extends RouteAuth, P extends z.ZodObject | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  def: Omit<RestRoute, 'handle' | 'auth' | 'params' | 'query' | 'body'> & {
    auth: A;
    params?: P;
    query?: Q;
    body?: B;
    handle(input: {
      params: P extends z.ZodType ? z.infer<P> : undefined;
      query: Q extends z.ZodType ? z.infer<Q> : undefined;
      body: B extends z.ZodType ? z.infer<B> : undefined;
      principal: PrincipalOf<A>;
      deps: RestDeps;
      c: Context;
    }): RouteResult;
  },
): RestRoute {
  return def as unknown as RestRoute;
}

/** Hono path of an OpenAPI path. @example honoPath('/members/{id}') // '/members/:id' */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
