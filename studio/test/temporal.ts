import { TestWorkflowEnvironment } from '@temporalio/testing';
import { loadConfig } from '@loyalty/engine/config';
import type { Db } from '@loyalty/engine/db';
import { createLogger } from '@loyalty/engine/log';
import { createWorker } from '@loyalty/workflows';
import { ensureTemporalTool } from '../../scripts/lib/temporal-cli';

/** Temporal as the engine app sees it: workflows to start and a health view. */
export type StudioTemporal = {
  workflows: { client: import('@temporalio/client').Client; taskQueue: string };
  close: () => Promise<void>;
};

/**
 * The real Temporal dev server (the `temporal` CLI) on free ports and our worker over `db`:
 * approval and rollout workflows run for real, their activities write to the same SQLite file.
 * @example const temporal = await startTemporal(db); createApp({ ..., workflows: () => temporal.workflows });
 */
export async function startTemporal(db: Db, taskQueue = 'studio-lifecycle'): Promise<StudioTemporal> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: ensureTemporalTool('temporal') }, ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
  });
  const config = loadConfig({ TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, LOG_LEVEL: 'silent' });
  const { worker, client, connection } = await createWorker({ config, db, log: createLogger({ name: 'studio-worker', level: 'silent' }) });
  const running = worker.run();
  return {
    workflows: { client, taskQueue },
    close: async () => {
      worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await env.teardown();
    },
  };
}
