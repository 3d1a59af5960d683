import type { ApiRoute } from '../openapi';
import { Problem } from './problem';
import type { RestRoute } from './route';
import { restRoutes } from './routes';

const ERRORS: Record<number, string> = {
  400: 'Invalid request: the detail and errors name each field (fields the caller may not set are refused)',
  401: 'Missing, unknown, expired or revoked credentials',
  403: 'The key lacks the scope, or acts for another store',
  404: 'Not found (objects of other programs, stores or members are not revealed)',
  409: 'Conflict: duplicate receipt, units already returned, reservation no longer held, out of stock, or the same Idempotency-Key still in flight',
  413: 'Request body too large',
  422: 'Cannot be processed: business rule refused it (e.g. too few points), or an Idempotency-Key reused with a different body',
  429: 'Rate limit reached; see Retry-After',
};

function pathParams(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true }));
}

/**
 * The OpenAPI registry entries of the REST routes, derived from the same declarations the router
 * mounts: security scheme and scope, parameters, the Idempotency-Key header on POST, request and
 * response schemas, and problem+json errors.
 * @example restApiDocs().find((r) => r.path === '/api/v1/purchases')?.security // [{ apiKey: [] }]
 */
export function restApiDocs(routes: RestRoute[] = restRoutes): ApiRoute[] {
  return routes.map((r) => {
    const errors = Object.fromEntries(Object.entries(ERRORS).map(([code, description]) => [Number(code), { description, schema: Problem, contentType: 'application/problem+json' }]));
    return {
      method: r.method,
      path: `/api/v1${r.path}`,
      summary: r.summary,
      description: [r.description, r.auth.kind === 'api-key' ? `Requires an API key with scope \`${r.auth.scope}\`.` : 'Requires a member token; acts only on that member.'].filter(Boolean).join('\n\n'),
      tags: r.tags,
      security: [{ [r.auth.kind === 'api-key' ? 'apiKey' : 'memberToken']: [] as string[] }],
      requiredScope: r.auth.kind === 'api-key' ? r.auth.scope : undefined,
      parameters: [
        ...pathParams(r.path),
        ...(r.method === 'post' ? [{ name: 'Idempotency-Key', in: 'header' as const, required: true, description: 'Unique per request; resend the same key when retrying' }] : []),
      ],
      query: r.query,
      requestBody: r.body,
      requestBodyOptional: r.bodyOptional,
      responses: { ...errors, ...r.responses },
    };
  });
}
