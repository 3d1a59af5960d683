import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Config } from '@loyalty/engine/config';
import type { Db } from '@loyalty/engine/db';
import type { Logger } from '@loyalty/engine/log';
import { temporalConnectionOptions } from '@loyalty/engine/temporal';
import { createActivities } from './activities';
import { ensureSchedules } from './schedules';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Builds a worker for the product's task queue over the given database.
 * @example const { worker } = await createWorker({ config, db, log }); await worker.run();
 */
export async function createWorker({ config, db, log }: { config: Config; db: Db; log: Logger }) {
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db, log }),
  });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE);
  return { worker, connection, client };
}
