import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { purchases } from '../src/db/schema';
import { adjustPoints, getBalance, verifyLedger } from '../src/ledger';
import { apiRoutes } from '../src/http/openapi';
import { apiHarness, countRows } from './api-harness';

const h = apiHarness();
afterAll(h.cleanup);
const till = h.client(h.key('amsterdam'));
const items = [{ ref: '1', sku: 'NC-SCARF', quantity: 1, price: 40 }];

const toOpenApi = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}');
const filled = (path: string) => path.replace(/\{\w+\}/g, 'some-id');

describe('API contract', () => {
  const v1 = apiRoutes.filter((r) => r.path.startsWith('/api/v1/'));

  it('documents every /api/v1 route the app serves', () => {
    const served = h.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${toOpenApi(r.path)}`);
    const documented = new Set(v1.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect(served.length).toBeGreaterThanOrEqual(20);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('requires authentication on every documented /api/v1 route', async () => {
    const anonymous = h.client(undefined);
    for (const r of v1) {
      const res = r.method === 'get' ? await anonymous.get(filled(r.path).slice('/api/v1'.length)) : r.method === 'post' ? await anonymous.post(filled(r.path).slice('/api/v1'.length), {}) : r.method === 'patch' ? await anonymous.patch(filled(r.path).slice('/api/v1'.length), {}) : await anonymous.delete(filled(r.path).slice('/api/v1'.length));
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(r.security?.length, `${r.method} ${r.path} declares security`).toBe(1);
    }
  });

  it('serves the OpenAPI document with security schemes, scopes, request and problem schemas', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      components: { securitySchemes: Record<string, { scheme: string }> };
      paths: Record<string, Record<string, { security: object[]; 'x-required-scope'?: string; parameters?: { name: string; in: string }[]; requestBody?: object; responses: Record<string, { content?: Record<string, unknown> }> }>>;
    };
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['apiKey', 'memberToken']);
    const post = doc.paths['/api/v1/purchases']!.post!;
    expect(post.security).toEqual([{ apiKey: [] }]);
    expect(post['x-required-scope']).toBe('purchases:write');
    expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(post.requestBody).toBeDefined();
    expect(Object.keys(post.responses['409']!.content!)).toEqual(['application/problem+json']);
    expect(doc.paths['/api/v1/members/identify']!.get!.parameters!.map((p) => p.name)).toEqual(['card', 'phone', 'email', 'country']);
    expect(doc.paths['/api/v1/me/balance']!.get!.security).toEqual([{ memberToken: [] }]);
  });

  it('documents the purchase batch: scope, Idempotency-Key, 1 to 500 purchases, a result per purchase', async () => {
    type Schema = { $ref?: string; $defs?: Record<string, Schema>; properties?: Record<string, Schema>; items?: Schema & { oneOf?: Schema[] }; required?: string[]; minItems?: number; maxItems?: number; const?: unknown; enum?: unknown[] };
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[]; description: string; 'x-required-scope'?: string; parameters?: { name: string; in: string }[]; requestBody: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
    };
    const batch = doc.paths['/api/v1/purchases/batch']!.post!;
    expect(batch.tags).toEqual(['Purchases']);
    expect(batch['x-required-scope']).toBe('purchases:write');
    expect(batch.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(batch.description).toContain('one transaction');
    const request = batch.requestBody.content['application/json']!.schema;
    expect(request.$ref).toBe('#/$defs/PurchaseBatchRequest');
    expect(request.$defs!.PurchaseBatchRequest!.properties!.purchases).toMatchObject({ minItems: 1, maxItems: 500, items: { $ref: '#/$defs/PurchaseRequest' } });
    const response = batch.responses['200']!.content!['application/json']!.schema;
    expect(response.$ref).toBe('#/$defs/PurchaseBatchResponse');
    const results = response.$defs!.PurchaseBatchResponse!.properties!.results!.items!.oneOf!;
    expect(results.map((r) => r.required)).toEqual([
      ['index', 'status', 'purchase'],
      ['index', 'status', 'problem'],
    ]);
    expect(results[0]!.properties!.status!.const).toBe(201);
    expect(results[1]!.properties!.status!.enum).toEqual(expect.arrayContaining([400, 404, 409, 422]));
    expect(results[1]!.properties!.problem).toEqual({ $ref: '#/$defs/Problem' });
    expect(results[0]!.properties!.purchase!.required).toContain('purchaseId');
    expect(Object.keys(batch.responses['403']!.content!)).toEqual(['application/problem+json']);
  });

  it('requires an Idempotency-Key on POST', async () => {
    const res = await h.app.request('/api/v1/purchases', { method: 'POST', headers: { authorization: `Bearer ${h.key('amsterdam')}`, 'content-type': 'application/json' }, body: JSON.stringify({ receiptNumber: 'NK-1', items }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('Idempotency-Key');
  });

  it('100 parallel retries of one purchase book it once', async () => {
    const body = { receiptNumber: 'PAR-1', items };
    const results = await Promise.all(Array.from({ length: 100 }, () => till.post('/purchases', body, { key: 'parallel-1' })));
    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].every((s) => s === 201 || s === 409)).toBe(true);
    expect(results.filter((r) => r.status === 409).every((r) => String(r.body.detail).includes('still being processed'))).toBe(true);
    expect(h.db.select().from(purchases).where(eq(purchases.receiptNumber, 'PAR-1')).all()).toHaveLength(1);
    const later = await till.post('/purchases', body, { key: 'parallel-1' });
    expect(later.status).toBe(201);
    const sameReceipt = await Promise.all(Array.from({ length: 100 }, (_, i) => till.post('/purchases', { receiptNumber: 'PAR-2', items }, { key: `par-2-${i}` })));
    expect(sameReceipt.filter((r) => r.status === 201)).toHaveLength(1);
    expect(sameReceipt.filter((r) => r.status === 409)).toHaveLength(99);
  });

  it('100 parallel redemptions against one balance never overspend', async () => {
    const memberId = (await till.post<{ member: { id: string } }>('/members', { email: 'parallel@example.com' })).body.member.id;
    adjustPoints({ ctx: { db: h.db }, input: { transactionId: `grant-${memberId}`, programId: h.program.programId, memberId, points: 1000, reason: 'test balance', actor: 'test' } });
    const results = await Promise.all(Array.from({ length: 100 }, () => till.post('/redemptions', { memberId, rewardId: 'reward-voucher-5' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(4); // 1100 -> 850 -> 600 -> 350 -> 100
    expect(results.filter((r) => r.status === 422)).toHaveLength(96);
    expect(getBalance({ ctx: { db: h.db }, input: { programId: h.program.programId, memberId } }).available).toBe(100);
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After per API key, per member and per IP', async () => {
    const limited = apiHarness({ rest: { rateLimits: { apiKey: { perSecond: 0.5, burst: 3 }, member: { perSecond: 0.5, burst: 2 } } } });
    try {
      const key = limited.client(limited.key('amsterdam'));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await key.get('/members/identify?email=x%40example.com')).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const res = await key.get('/members/identify?email=x%40example.com');
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.body).toMatchObject({ status: 429 });
      expect((await limited.client(limited.key('rotterdam')).get('/members/identify?email=x%40example.com')).status).toBe(404);
    } finally {
      limited.cleanup();
    }
    const byIp = apiHarness({ rest: { rateLimits: { ip: { perSecond: 0.1, burst: 2 } } } });
    try {
      const anonymous = byIp.client(undefined);
      expect([(await anonymous.get('/me')).status, (await anonymous.get('/me')).status, (await anonymous.get('/me')).status]).toEqual([401, 401, 429]);
    } finally {
      byIp.cleanup();
    }
  });

  it('refuses bodies over the limit with 413 problem+json', async () => {
    const small = apiHarness({ rest: { bodyLimitBytes: 2048 } });
    try {
      const many = Array.from({ length: 100 }, (_, i) => ({ ref: `l${i}`, sku: 'SKU-LONG-NAME', quantity: 1, price: 1 }));
      const res = await small.client(small.key('amsterdam')).post('/purchases', { receiptNumber: 'BIG-1', items: many });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(countRows(small.db, 'purchases')).toBe(0);
    } finally {
      small.cleanup();
    }
  });

  it('lets a batch take bodies 8 times the limit, and no more', async () => {
    const small = apiHarness({ rest: { bodyLimitBytes: 2048 } });
    try {
      const till = small.client(small.key('amsterdam'));
      const purchase = (i: number) => ({ receiptNumber: `B-${i}`, items: [{ ref: '1', sku: 'SKU-LONG-NAME-TO-FILL-THE-BODY', quantity: 1, price: 1 }] });
      const batchOf = (n: number) => ({ purchases: Array.from({ length: n }, (_, i) => purchase(i)) });
      expect(JSON.stringify(batchOf(100)).length).toBeGreaterThan(4 * 2048);
      const fits = await till.post<{ posted: number }>('/purchases/batch', batchOf(100));
      expect(fits.status).toBe(200);
      expect(fits.body.posted).toBe(100);
      expect(JSON.stringify(batchOf(250)).length).toBeGreaterThan(8 * 2048);
      const over = await till.post('/purchases/batch', batchOf(250));
      expect(over.status).toBe(413);
      expect(String(over.body.detail)).toContain('larger than 16 KB');
      // Other routes keep the API's own limit.
      expect((await till.post('/purchases', { ...purchase(999), items: Array.from({ length: 40 }, (_, i) => ({ ...purchase(0).items[0]!, ref: String(i) })) })).status).toBe(413);
      expect(countRows(small.db, 'purchases')).toBe(100);
    } finally {
      small.cleanup();
    }
  });
});
