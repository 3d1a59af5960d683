import { randomUUID } from 'node:crypto';
import type { ApiScope } from '../src/auth/api-keys';
import { createApiKey } from '../src/auth/api-keys';
import type { Db } from '../src/db';
import { activeTemplateProgram } from '../src/events/test-fixtures';
import { createApp, type AppDeps } from '../src/http/app';
import { createLogger } from '../src/log';
import { tempDatabase } from '../src/testing/temp-db';

export const ALL_SCOPES: ApiScope[] = ['members:read', 'members:write', 'quotes:read', 'purchases:write', 'events:write', 'redemptions:write'];

/** When the API tests' purchases happen, and the basket they post most. */
export const WEDNESDAY = '2026-11-18T10:00:00.000Z';
export const BASKET = [
  { ref: '1', sku: 'MA-DRESS-LINEN-38', category: 'womenswear', brand: 'meridian-atelier', quantity: 1, price: 90 },
  { ref: '2', sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', quantity: 2, price: 30 },
  { ref: '3', sku: 'NC-SOCKS', category: 'accessories', brand: 'northcoast', quantity: 4, price: 5 },
];

export type ApiResponse<T = Record<string, unknown>> = { status: number; headers: Headers; body: T };

/** A client for one credential (API key or member token); every POST gets a fresh Idempotency-Key unless given. */
export function apiClient(app: ReturnType<typeof createApp>, credential: string | undefined) {
  const send = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown, opts: { key?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (credential) headers.authorization = `Bearer ${credential}`;
    if (method === 'POST') headers['idempotency-key'] = opts.key ?? randomUUID();
    const res = await app.request(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => send<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, opts?: { key?: string; headers?: Record<string, string> }) => send<T>('POST', path, body, opts),
    patch: <T = Record<string, unknown>>(path: string, body: unknown) => send<T>('PATCH', path, body),
    delete: <T = Record<string, unknown>>(path: string) => send<T>('DELETE', path),
  };
}

/**
 * A real SQLite file with the retail-tiers template program activated, the app over it and an
 * API key per store.
 * @example const h = apiHarness(); const till = h.client(h.key('amsterdam'));
 */
export function apiHarness(options: { rest?: AppDeps['rest'] } = {}) {
  const { db, cleanup } = tempDatabase();
  const program = activeTemplateProgram(db);
  const app = createApp({ db, log: createLogger({ name: 'test', level: 'silent' }), temporal: async () => undefined, rest: options.rest });
  const key = (storeId: string, scopes: ApiScope[] = ALL_SCOPES, programId = program.programId) =>
    createApiKey({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { name: `Till ${storeId}`, programId, storeId, scopes } }).secret;
  return { db: db as Db, app, program, key, client: (credential?: string) => apiClient(app, credential), cleanup };
}

/** Row count of a table, to prove a request wrote nothing. */
export function countRows(db: Db, table: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

/** Tables a request with business effect would write to. */
export const DOMAIN_TABLES = ['members', 'purchases', 'purchase_returns', 'member_events', 'rule_awards', 'ledger_transactions', 'outbox', 'reward_redemptions', 'reward_stock', 'member_tokens', 'points_payments'];

export function domainCounts(db: Db): Record<string, number> {
  return Object.fromEntries(DOMAIN_TABLES.map((t) => [t, countRows(db, t)]));
}
