import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Config } from '@loyalty/engine/config';
import type { Db } from '@loyalty/engine/db';
import type { Logger } from '@loyalty/engine/log';
import { temporalConnectionOptions } from '@loyalty/engine/temporal';
import { createActivities } from './activities';
import { createChannels, loadChannelConfig, type Channels } from './channels';
import { startJourneyRelay } from './journey-relay';
import { ensureSchedules } from './schedules';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

/**
 * Builds a worker for the product's task queue over the given database, with the message
 * channels set up in the environment (SMTP_URL, SMS_PROVIDER_URL, ...). `startRelay()` begins
 * handing outbox events to journeys.
 * @example const { worker, startRelay } = await createWorker({ config, db, log }); const relay = startRelay(); await worker.run(); await relay.stop();
 */
export async function createWorker({ config, db, log, channels = createChannels(loadChannelConfig(process.env)) }: { config: Config; db: Db; log: Logger; channels?: Channels }) {
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db, log, channels }),
  });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  await ensureSchedules(client, config.TEMPORAL_TASK_QUEUE);
  const startRelay = () => startJourneyRelay({ db, client, taskQueue: config.TEMPORAL_TASK_QUEUE, log });
  return { worker, connection, client, channels, startRelay };
}
