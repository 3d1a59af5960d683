import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { migrateDatabase, openDatabase, type Db } from '@loyalty/engine/db';
import { createApp, type AppDeps } from '@loyalty/engine/http';
import { createLogger } from '@loyalty/engine/log';

/** Starts Temporal (and a worker) over the server's database; see `./temporal.ts`. */
export type TemporalStarter = (db: Db) => Promise<{ workflows: NonNullable<ReturnType<NonNullable<AppDeps['workflows']>>>; close: () => Promise<void> }>;

/**
 * The engine's real HTTP app over a fresh SQLite file, serving the built studio.
 * Without `temporal`, Temporal is reported as "not connected" and workflows are unavailable:
 * most tests exercise the studio alone. With it, approvals and rollouts run on real workflows.
 */
export async function startStudioServer(options: { temporal?: TemporalStarter } = {}): Promise<{ url: string; db: Db; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-studio-'));
  const db = openDatabase(path.join(dir, 'loyalty.db'));
  migrateDatabase(db);
  const temporal = await options.temporal?.(db);
  const app = createApp({
    db,
    log: createLogger({ name: 'studio-test', level: 'silent' }),
    temporal: async () => undefined,
    ...(temporal ? { workflows: () => temporal.workflows } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await new Promise((r) => server.close(r));
      await temporal?.close();
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
