import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { placeholders, preparedQuery } from '../../db';
import { idempotencyKeys } from '../../db/schema';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { canonicalJson } from '../../versions/canonical';
import { problemResponse } from './problem';
import { idempotencyScope, type RestDeps, type RestEnv } from './principal';

/** Keys are remembered this long; a retry after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** An in-flight record older than this is taken to be from a crashed request and may be taken over. */
const STALE_IN_FLIGHT_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

function requestHash(method: string, path: string, raw: string): string {
  let body = raw;
  try {
    body = raw.trim() ? canonicalJson(JSON.parse(raw)) : '';
  } catch {
    // not JSON: hash the text as sent
  }
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
}

let sweepCounter = 0;

const byScopeAndKey = and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key')));
const storedKey = preparedQuery((db) => db.select().from(idempotencyKeys).where(byScopeAndKey).prepare());
const claimKey = preparedQuery((db) =>
  db
    .insert(idempotencyKeys)
    .values({ ...placeholders(['scope', 'key', 'requestHash', 'createdAt']), state: 'in-flight' })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { requestHash: sql`excluded.request_hash`, state: 'in-flight', status: null, body: null, contentType: null, createdAt: sql`excluded.created_at`, completedAt: null },
    })
    .prepare(),
);
const completeKey = preparedQuery((db) =>
  db
    .update(idempotencyKeys)
    .set({ state: 'done', status: sql`${sql.placeholder('status')}`, contentType: sql`${sql.placeholder('contentType')}`, body: sql`${sql.placeholder('body')}`, completedAt: sql`${sql.placeholder('completedAt')}` })
    .where(byScopeAndKey)
    .prepare(),
);
const releaseKey = preparedQuery((db) => db.delete(idempotencyKeys).where(byScopeAndKey).prepare());

/**
 * `Idempotency-Key` for POST routes, scoped per API key (or member): the first request with a key
 * runs and its status and body are kept; the same key with the same method, path and body gets
 * that response again (header `Idempotent-Replayed: true`); with a different request 422; while
 * the first is still running 409. Server errors are not kept, so they can be retried.
 * @example app.post('/purchases', authenticate(...), idempotency(deps), handler)
 */
export function idempotency(deps: RestDeps): MiddlewareHandler<RestEnv> {
  const { db } = deps;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key) return problemResponse(400, 'Send an Idempotency-Key header with every POST (a unique string of up to 200 characters, e.g. a UUID), and the same one when you retry.', { errors: [{ path: 'header.Idempotency-Key', message: 'required' }] });
    if (!KEY.test(key)) return problemResponse(400, 'The Idempotency-Key must be 1 to 200 visible ASCII characters without spaces.', { errors: [{ path: 'header.Idempotency-Key', message: 'invalid' }] });
    const scope = idempotencyScope(c.get('principal'));
    const hash = requestHash(c.req.method, c.req.path, await c.req.text());
    const now = new Date();
    const earlier = db.transaction((tx) => {
      if (++sweepCounter % 1000 === 0) tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString())).run();
      const row = storedKey(tx).get({ scope, key });
      const fresh = row && now.getTime() - Date.parse(row.createdAt) < IDEMPOTENCY_TTL_MS;
      if (fresh && row.requestHash !== hash) return { kind: 'mismatch' as const };
      if (fresh && row.state === 'done') return { kind: 'replay' as const, row };
      if (fresh && now.getTime() - Date.parse(row.createdAt) < STALE_IN_FLIGHT_MS) return { kind: 'in-flight' as const };
      claimKey(tx).run({ scope, key, requestHash: hash, createdAt: now.toISOString() });
      return undefined;
    }, WRITE_TRANSACTION);
    if (earlier?.kind === 'mismatch') {
      return problemResponse(422, `Idempotency-Key '${key}' was already used for a different request; use a new key for a new request, or resend exactly the same request to get its result.`);
    }
    if (earlier?.kind === 'in-flight') {
      return problemResponse(409, `A request with Idempotency-Key '${key}' is still being processed; retry in a moment to get its result.`, {}, { 'Retry-After': '1' });
    }
    if (earlier?.kind === 'replay') {
      return new Response(earlier.row.body ?? null, { status: earlier.row.status ?? 200, headers: { 'content-type': earlier.row.contentType ?? 'application/json', 'Idempotent-Replayed': 'true' } });
    }
    try {
      await next();
    } finally {
      const res = c.res;
      if (res.status >= 500) releaseKey(db).run({ scope, key });
      else {
        const body = res.status === 204 ? null : (c.get('responseText') ?? (await res.clone().text()));
        completeKey(db).run({ scope, key, status: res.status, contentType: res.headers.get('content-type'), body, completedAt: new Date().toISOString() });
      }
    }
  };
}
