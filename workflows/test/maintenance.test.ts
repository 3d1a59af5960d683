import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '@loyalty/engine/config';
import { migrateDatabase, openDatabase, type Db } from '@loyalty/engine/db';
import { createLogger } from '@loyalty/engine/log';
import { checkTemporal } from '@loyalty/engine/temporal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, MAINTENANCE_SCHEDULE_ID } from '../src';
import { databaseMaintenance } from '../src/workflows';
import { recordHistory } from './histories';
import { startDevServer } from './temporal-env';

// End to end on real components: the Temporal dev server, our worker process code,
// and a SQLite file on disk.
describe('database maintenance workflow on the real Temporal dev server', { timeout: 120_000 }, () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let dir: string;

  beforeAll(async () => {
    env = await startDevServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loyalty-wf-'));
    db = openDatabase(path.join(dir, 'loyalty.db'));
    migrateDatabase(db);
  });
  afterAll(async () => {
    await env?.teardown();
    db?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs through the worker, writes its report to SQLite and is seen by health checks', async () => {
    const config = loadConfig({ TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: 'maintenance-test', LOG_LEVEL: 'silent' });
    const log = createLogger({ name: 'test', level: 'silent' });
    const { worker, client, connection } = await createWorker({ config, db, log });

    // Some writes for the checkpoint to fold back.
    for (let i = 0; i < 50; i++) db.$client.prepare('insert into system_settings (key, value) values (?, ?)').run(`k${i}`, 'v');

    const report = await worker.runUntil(async () => {
      const health = await waitForWorker(() => checkTemporal(client, 'maintenance-test'));
      expect(health.worker).toMatchObject({ status: 'up' });
      return client.workflow.execute(databaseMaintenance, { taskQueue: 'maintenance-test', workflowId: 'maintenance-e2e' });
    });

    await recordHistory(client.workflow.getHandle('maintenance-e2e'), 'maintenance-run', env.address);
    expect(report.integrity).toBe('ok');
    expect(report.databaseBytes).toBeGreaterThan(0);
    const row = db.$client.prepare('select * from maintenance_runs where run_id = ?').get(report.runId) as Record<string, unknown>;
    expect(row).toMatchObject({ integrity: 'ok', database_bytes: report.databaseBytes });
    expect(report.walPagesCheckpointed).toBeGreaterThan(0);

    // The worker registered the hourly schedule, once.
    const schedule = await client.schedule.getHandle(MAINTENANCE_SCHEDULE_ID).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'databaseMaintenance' });
    await connection.close();
  });

  it('reports the worker down when nobody polls the task queue', async () => {
    const health = await checkTemporal(env.client, 'nobody-polls-this');
    expect(health).toMatchObject({ temporal: { status: 'up' }, worker: { status: 'down', pollers: 0 } });
  });
});

async function waitForWorker<T extends { worker: { status: string } }>(check: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const health = await check();
    if (health.worker.status === 'up') return health;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}
