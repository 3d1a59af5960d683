import type { MiddlewareHandler } from 'hono';
import { resolveApiKey } from '../../auth/api-keys';
import { resolveMemberToken } from '../../events';
import { problemResponse } from './problem';
import type { RestDeps, RestEnv } from './principal';
import { DEFAULT_RATE_LIMITS, TokenBuckets } from './rate-limit';
import type { RouteAuth } from './route';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="loyalty"' };

function bearer(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/**
 * Authenticates a route's caller and applies the per-key or per-member rate limit: API-key routes
 * need `Authorization: Bearer lsk_…` with the route's scope; member routes `Bearer lmt_…`.
 * Deny by default: a missing, unknown, revoked or wrong kind of credential is 401, a missing
 * scope 403.
 * @example app.post('/purchases', authenticate({ kind: 'api-key', scope: 'purchases:write' }, deps, limiters), handler)
 */
export function authenticate(auth: RouteAuth, deps: RestDeps, limiters: { apiKey: TokenBuckets; member: TokenBuckets }): MiddlewareHandler<RestEnv> {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (auth.kind === 'api-key') {
      if (!token) return problemResponse(401, "This route needs an API key: send 'Authorization: Bearer lsk_…' with a key from the studio.", {}, CHALLENGE);
      if (token.startsWith('lmt_')) return problemResponse(401, 'Member tokens can only call /api/v1/me routes; this route needs an API key of the store.', {}, CHALLENGE);
      const principal = resolveApiKey(deps.db, token);
      if (!principal) return problemResponse(401, 'The API key is unknown or was revoked; ask an administrator for a valid key.', {}, CHALLENGE);
      const limited = limiters.apiKey.take(`key:${principal.keyId}`);
      if (!limited.ok) return tooMany(limited.retryAfterSeconds, 'this API key');
      if (!principal.scopes.includes(auth.scope)) {
        return problemResponse(403, `This API key lacks the scope '${auth.scope}'; ask an administrator for a key that has it.`, { requiredScope: auth.scope });
      }
      c.set('principal', principal);
    } else {
      if (!token) return problemResponse(401, "This route needs a member token: send 'Authorization: Bearer lmt_…' as issued after the member signed in.", {}, CHALLENGE);
      if (token.startsWith('lsk_')) return problemResponse(401, '/api/v1/me routes act for one member; send that member\'s token, not an API key.', {}, CHALLENGE);
      const principal = resolveMemberToken(deps.db, token);
      if (!principal) return problemResponse(401, 'The member token is unknown, expired or revoked; sign the member in again.', {}, CHALLENGE);
      const limited = limiters.member.take(`member:${principal.memberId}`);
      if (!limited.ok) return tooMany(limited.retryAfterSeconds, 'this member');
      c.set('principal', principal);
    }
    await next();
  };
}

function tooMany(seconds: number, who: string): Response {
  return problemResponse(429, `Too many requests for ${who}; retry after ${seconds} second${seconds === 1 ? '' : 's'}.`, { retryAfter: seconds }, { 'Retry-After': String(seconds) });
}

/** Rate limit per client IP, before authentication (so guessing keys is slow too). */
export function limitByIp(limiter: TokenBuckets, ipOf: (c: Parameters<MiddlewareHandler>[0]) => string): MiddlewareHandler {
  return async (c, next) => {
    const limited = limiter.take(`ip:${ipOf(c)}`);
    if (!limited.ok) return tooMany(limited.retryAfterSeconds, 'this address');
    await next();
  };
}

/** The limiters of one app instance. */
export function createLimiters(deps: RestDeps) {
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  return { apiKey: new TokenBuckets(limits.apiKey), member: new TokenBuckets(limits.member), ip: new TokenBuckets(limits.ip) };
}
