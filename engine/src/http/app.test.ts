import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../db';
import { createLogger } from '../log';
import type { TemporalHealth } from '../temporal';
import { createApp } from './app';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-http-'));
const db = openDatabase(path.join(dir, 'loyalty.db'));
migrateDatabase(db);
const studioDir = path.join(dir, 'studio');
fs.mkdirSync(path.join(studioDir, '_app'), { recursive: true });
fs.writeFileSync(path.join(studioDir, 'index.html'), '<title>Loyalty Studio</title>');
fs.writeFileSync(path.join(studioDir, '_app', 'app.js'), 'console.log(1)');
const log = createLogger({ name: 'test', level: 'silent' });
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const up: TemporalHealth = { temporal: { status: 'up' }, worker: { status: 'up', pollers: 1 } };
const app = (temporal: TemporalHealth | undefined) => createApp({ db, log, studioDir, temporal: async () => temporal });

describe('operations endpoints', () => {
  it('/health is ok only when database, Temporal and worker are up', async () => {
    const res = await app(up).request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } });
  });

  it('/health names what is down', async () => {
    const noWorker = await app({ temporal: { status: 'up' }, worker: { status: 'down', pollers: 0, detail: "no worker polls task queue 'loyalty'" } }).request('/health');
    expect(noWorker.status).toBe(503);
    expect(await noWorker.json()).toMatchObject({ status: 'degraded', worker: { status: 'down', detail: "no worker polls task queue 'loyalty'" } });
    const connecting = await app(undefined).request('/health');
    expect(await connecting.json()).toMatchObject({ status: 'degraded', temporal: { status: 'down', detail: 'connecting' } });
  });

  it('/ready needs only the database', async () => {
    const res = await app(undefined).request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: { status: 'up' } });
  });
});

describe('API surface', () => {
  it('serves an OpenAPI 3.1 document generated from the zod schemas, and its reference page', async () => {
    const doc = (await (await app(up).request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: { properties: object } } } }> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/health']!.get!.responses['200']!.content!['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['status', 'database', 'temporal', 'worker']),
    );
    const page = await app(up).request('/api/docs');
    expect(await page.text()).toContain('/api/openapi.json');
  });

  it('serves the program concept as JSON Schema, identical to the committed file', async () => {
    const served = await (await app(up).request('/api/program.schema.json')).json();
    const committed = JSON.parse(fs.readFileSync(new URL('../../../templates/program.schema.json', import.meta.url), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('serves /metrics to this machine, or to whoever holds the metrics token', async () => {
    const local = await app(up).request('/metrics');
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('process_cpu');
    const remote = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };
    expect((await app(up).request('/metrics', {}, remote)).status).toBe(403);
    const withToken = createApp({ db, log, studioDir, temporal: async () => up, metricsToken: 'a-long-scrape-token-123' });
    expect((await withToken.request('/metrics', {}, remote)).status).toBe(401);
    const scraped = await withToken.request('/metrics', { headers: { authorization: 'Bearer a-long-scrape-token-123' } }, remote);
    expect(scraped.status).toBe(200);
  });

  it('answers unknown API routes with problem+json, not the studio page', async () => {
    const res = await app(up).request('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, detail: 'No API route GET /api/v1/nope' });
  });

  it('serves the studio files and falls back to index.html for client-side routes', async () => {
    expect(await (await app(up).request('/_app/app.js')).text()).toBe('console.log(1)');
    const deep = await app(up).request('/programs/123/canvas');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Loyalty Studio</title>');
  });

  it('answers the studio over tRPC, and only signed-in staff get program data', async () => {
    expect(await (await app(up).request('/trpc/system.info')).json()).toMatchObject({ result: { data: { product: 'Loyalty Studio' } } });
    expect(await (await app(up).request('/trpc/auth.me')).json()).toEqual({ result: { data: null } });
    expect((await app(up).request('/trpc/programs.list')).status).toBe(401);
  });

  it('refuses data-changing requests without the CSRF header', async () => {
    const res = await app(up).request('/trpc/auth.logout', { method: 'POST' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('x-loyalty-csrf');
    const ok = await app(up).request('/trpc/auth.logout', { method: 'POST', headers: { 'x-loyalty-csrf': '1', 'content-type': 'application/json' } });
    expect(ok.status).toBe(200);
  });

  it('sends security headers with the studio, allowing its own boot script only', async () => {
    const res = await app(up).request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
