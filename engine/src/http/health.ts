import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../db';
import type { TemporalHealth } from '../temporal';

export type HealthDeps = {
  db: Db;
  /** Current view of Temporal and the worker; `undefined` while still connecting. */
  temporal: () => Promise<TemporalHealth | undefined>;
};

function checkDatabase(db: Db): { status: 'up' | 'down'; detail?: string } {
  try {
    db.get(sql`select 1`);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', detail: (error as Error).message };
  }
}

/** `/health` answers ok only when database, Temporal and worker are all up; `/ready` only needs the database. */
export function healthRoutes({ db, temporal }: HealthDeps) {
  return new Hono()
    .get('/health', async (c) => {
      const database = checkDatabase(db);
      const t = (await temporal()) ?? {
        temporal: { status: 'down' as const, detail: 'connecting' },
        worker: { status: 'down' as const, pollers: 0, detail: 'Temporal not connected yet' },
      };
      const ok = database.status === 'up' && t.temporal.status === 'up' && t.worker.status === 'up';
      return c.json(
        { status: ok ? 'ok' : 'degraded', database, temporal: t.temporal, worker: t.worker, time: new Date().toISOString() },
        ok ? 200 : 503,
      );
    })
    .get('/ready', (c) => {
      const database = checkDatabase(db);
      const ready = database.status === 'up';
      return c.json({ status: ready ? 'ready' : 'not-ready', database }, ready ? 200 : 503);
    });
}
