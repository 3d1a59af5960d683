import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { openDatabase, startCheckpointer } from './db';
import { createApp } from './http';
import { createLogger } from './log';
import { checkTemporal, connectTemporal, type TemporalHandle } from './temporal';

// The API + studio process started by the supervisor (scripts/start.ts).
const config = loadConfig();
const log = createLogger({ name: 'server', level: config.LOG_LEVEL });
const db = openDatabase(config.dbFile);
const checkpointer = startCheckpointer(db, config.dbFile);

let temporal: TemporalHandle | undefined;
const connecting = connectTemporal(config, { timeoutMs: 10 * 60_000 })
  .then((handle) => {
    temporal = handle;
    log.info({ temporalAddress: config.temporalAddress }, 'connected to Temporal');
  })
  .catch((error: Error) => log.error({ err: error }, 'giving up connecting to Temporal'));

const app = createApp({
  db,
  log,
  settings: { adjustmentApprovalThreshold: config.ADJUSTMENT_APPROVAL_THRESHOLD },
  metricsToken: config.METRICS_TOKEN,
  temporal: async () => (temporal ? checkTemporal(temporal.client, config.TEMPORAL_TASK_QUEUE) : undefined),
  workflows: () => (temporal ? { client: temporal.client, taskQueue: config.TEMPORAL_TASK_QUEUE } : undefined),
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) =>
  log.info({ port: info.port, host: config.HOST }, 'server listening'),
);
server.on('error', (error: NodeJS.ErrnoException) => {
  log.fatal({ err: error }, error.code === 'EADDRINUSE' ? `port ${config.PORT} is already in use` : 'server failed');
  process.exit(1);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await Promise.race([connecting, new Promise((r) => setTimeout(r, 1_000))]);
  await temporal?.close().catch(() => undefined);
  await checkpointer.stop();
  db.$client.close();
  log.info('server stopped');
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.once('disconnect', stop);
