import { loadConfig } from '@loyalty/engine/config';
import { openDatabase } from '@loyalty/engine/db';
import { createLogger } from '@loyalty/engine/log';
import { installRuntime } from './runtime';
import { createWorker } from './worker';

// The worker process started by the supervisor (scripts/start.ts).
const config = loadConfig();
const log = createLogger({ name: 'worker', level: config.LOG_LEVEL });
installRuntime(log);
const db = openDatabase(config.dbFile);
const { worker, connection, channels, startRelay } = await createWorker({ config, db, log });

const stop = () => worker.shutdown();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Started with an IPC channel: when the supervisor dies, stop rather than linger.
process.once('disconnect', stop);

log.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'worker polling');
const relay = startRelay();
await worker.run();
await relay.stop();
await channels.close();
await connection.close();
db.$client.close();
log.info('worker stopped');
// The SDK's native runtime keeps handles open after shutdown; nothing is left to finish.
process.exit(0);
