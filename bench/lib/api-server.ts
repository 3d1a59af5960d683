/**
 * Child-process server for `bench/api.bench.ts`: the real engine HTTP app (`createApp`, same
 * middleware as production: metrics, body limit, IP and API-key rate limiting, authentication,
 * Idempotency-Key, group commit) over a temporary, migrated SQLite file (WAL, synchronous=NORMAL as
 * `openDatabase` sets, checkpoints in a background thread as the server does), with the retail-tiers template program activated, one API key
 * (scope purchases:write, store 'bench-store') and MEMBERS (2,000) members.
 * Prints one JSON line on stdout once listening: {"port":N,"secret":"lsk_…","memberIds":[…],"file":"…"}.
 * Logs go to stderr. Stops (and removes the temp folder) on SIGTERM, SIGINT or when the parent's
 * IPC channel closes, so it never outlives the benchmark.
 * Rate limits: the API-key and IP buckets are raised to 100,000/s (defaults 200/s per key, 500/s
 * per IP) because the benchmark sends 500/s from one key over loopback; the limiter still runs on
 * every request. Member buckets keep their defaults.
 * Run (normally by api.bench.ts): node --import tsx bench/lib/api-server.ts
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApiKey } from '../../engine/src/auth/api-keys';
import { migrateDatabase, openDatabase, startCheckpointer } from '../../engine/src/db';
import { activeTemplateProgram, testMember } from '../../engine/src/events/test-fixtures';
import { createApp } from '../../engine/src/http';
import { DEFAULT_RATE_LIMITS } from '../../engine/src/http/rest/rate-limit';
import { WRITE_TRANSACTION } from '../../engine/src/ledger/common-input';
import { createLogger } from '../../engine/src/log';

// A member buys a few times in the run, as in a store chain's stream (the template's velocity fraud
// rule holds the points of a member buying dozens of times within minutes).
const MEMBERS = Number(process.env.API_BENCH_MEMBERS ?? 2000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-api-bench-'));
const file = path.join(dir, 'loyalty.db');
const db = openDatabase(file);
migrateDatabase(db);
// As engine/src/server.ts: WAL checkpoints in a background thread.
const checkpointer = startCheckpointer(db, file);
const { programId } = activeTemplateProgram(db);
const memberIds = db.transaction(() => Array.from({ length: MEMBERS }, (_, i) => testMember(db, programId, `api-bench-${i}`)), WRITE_TRANSACTION);
const { secret } = createApiKey({
  ctx: { db, actor: { type: 'system', id: 'api-bench' } },
  input: { name: 'API bench', programId, storeId: 'bench-store', scopes: ['purchases:write'] },
});

const log = createLogger({ name: 'api-bench-server', level: 'warn' }, process.stderr);
const unlimited = { perSecond: 100_000, burst: 100_000 };
const app = createApp({
  db,
  log,
  temporal: async () => undefined,
  rest: { rateLimits: { ...DEFAULT_RATE_LIMITS, apiKey: unlimited, ip: unlimited } },
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, secret, memberIds, file })}\n`);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await checkpointer.stop();
  try {
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
for (const event of ['SIGTERM', 'SIGINT', 'disconnect'] as const) process.once(event, () => void stop());
