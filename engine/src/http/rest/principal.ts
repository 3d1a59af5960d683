import type { ApiKeyPrincipal } from '../../auth/api-keys';
import type { Db } from '../../db';
import type { MemberPrincipal } from '../../events';
import type { Logger } from '../../log';
import type { RateLimits } from './rate-limit';

/** Who is calling: an integration key or a member token. */
export type RestPrincipal = ApiKeyPrincipal | MemberPrincipal;

/** Hono variables set by the REST middleware. */
/** `responseText`: the JSON a route answered with, as sent (kept for Idempotency-Key replays). */
export type RestEnv = { Variables: { principal: RestPrincipal; responseText?: string } };

/** What the REST API needs from the app. */
export type RestDeps = {
  db: Db;
  log: Logger;
  /** Requests per second and bursts, per API key, member token and IP. */
  rateLimits?: Partial<RateLimits>;
  /** Largest request body in bytes (default 256 KB). */
  bodyLimitBytes?: number;
};

/** Scope of an idempotency key: the API key, or the member. @example idempotencyScope(principal) // 'key:3f2…' */
export function idempotencyScope(p: RestPrincipal): string {
  return p.kind === 'api-key' ? `key:${p.keyId}` : `member:${p.memberId}`;
}
