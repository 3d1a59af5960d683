import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Db } from './connection';

/** WAL frames the writer's own connection may pile up before it checkpoints in-line anyway. */
const BACKSTOP_PAGES = 10_000;
/** WAL frames from which the writer starts the WAL over once the thread has copied them. */
const RESTART_PAGES = 1_000;

// Plain CommonJS, run with `eval`: the thread needs no TypeScript loader.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log >= workerData.restartPages) parentPort.postMessage('copied');
  } catch { /* busy or closing: next round */ }
}, workerData.intervalMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.postMessage('stopped'); });
`;

export type Checkpointer = { stop: () => Promise<void> };

/**
 * Moves WAL checkpoints off the request path. By default the connection that commits copies the
 * WAL back into the database file (with fsyncs) every 1,000 pages, inside some unlucky request.
 * Here a thread with its own connection checkpoints every `intervalMs` (PASSIVE: it never blocks
 * the writer or readers), so pages written many times are copied once.
 *
 * SQLite starts the WAL over only when a write begins while every frame has been copied, which
 * under steady writes never happens after a PASSIVE checkpoint: the WAL would grow to the
 * writer's backstop (10,000 pages) and one request would copy 40 MB in-line. So once the thread
 * has copied a WAL of 1,000 pages or more, the writer itself, between transactions, RESTARTs it:
 * only the pages committed since the thread's copy are left to move, and with no busy wait (the
 * writer's own busy handler would sleep in growing steps) it just skips a round when a reader or
 * the thread is in the way.
 * @example const checkpointer = startCheckpointer(db, file); ...; await checkpointer.stop();
 */
export function startCheckpointer(db: Db, file: string, intervalMs = 50): Checkpointer {
  const sqlite = db.$client;
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD, { eval: true, workerData: { file, intervalMs, driver, restartPages: RESTART_PAGES } });
  worker.unref();
  worker.on('message', (message) => {
    if (message === 'copied') restartWal(sqlite);
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.on('message', (message) => {
          if (message === 'stopped') void worker.terminate().then(() => resolve());
        });
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}

/** Copies what is left of the WAL and starts it over, unless that would mean waiting. */
function restartWal(sqlite: Database.Database): void {
  if (!sqlite.open || sqlite.inTransaction) return;
  const busyTimeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy: the next round tries again.
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
