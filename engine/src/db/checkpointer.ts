import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './connection';

/** WAL frames the writer's own connection may pile up before it checkpoints in-line anyway. */
const BACKSTOP_PAGES = 10_000;

// Plain CommonJS, run with `eval`: the thread needs no TypeScript loader.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: next round */ }
}, workerData.intervalMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.postMessage('stopped'); });
`;

export type Checkpointer = { stop: () => Promise<void> };

/**
 * Moves WAL checkpoints off the request path. By default the connection that commits copies the
 * WAL back into the database file (with fsyncs) every 1,000 pages, inside some unlucky request.
 * Here a thread with its own connection checkpoints every `intervalMs` (PASSIVE: it never blocks
 * the writer or readers), so pages written many times are copied once; the writer's automatic
 * checkpoint stays as a backstop at 10,000 pages in case the thread falls behind.
 * @example const checkpointer = startCheckpointer(db, file); ...; await checkpointer.stop();
 */
export function startCheckpointer(db: Db, file: string, intervalMs = 500): Checkpointer {
  db.$client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, intervalMs, driver } });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
