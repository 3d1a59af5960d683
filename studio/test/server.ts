import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { migrateDatabase, openDatabase, type Db } from '@loyalty/engine/db';
import { createApp } from '@loyalty/engine/http';
import { createLogger } from '@loyalty/engine/log';

/**
 * The engine's real HTTP app over a fresh SQLite file, serving the built studio.
 * Temporal health is reported as "not connected": these tests exercise the studio, and
 * the Temporal-backed paths have their own tests on the real server.
 */
export async function startStudioServer(): Promise<{ url: string; db: Db; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-studio-'));
  const db = openDatabase(path.join(dir, 'loyalty.db'));
  migrateDatabase(db);
  const app = createApp({ db, log: createLogger({ name: 'studio-test', level: 'silent' }), temporal: async () => undefined });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await new Promise((r) => server.close(r));
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
