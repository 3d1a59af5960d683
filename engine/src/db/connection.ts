import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { connectionOf } from './prepared';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or an open transaction: what services that only read and write rows accept. */
export type DbTx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Committed SQL migrations at the repository root. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/**
 * Opens the SQLite file with the settings every process must share:
 * WAL so readers never block the writer, a busy timeout instead of SQLITE_BUSY
 * errors, and foreign keys enforced.
 * @example const db = openDatabase('data/loyalty.db');
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache instead of SQLite's 2 MiB: a purchase touches a dozen tables with their
  // indexes, and pages read back from the OS are a large part of a write's cost.
  sqlite.pragma('cache_size = -65536');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as Db;
  lightTransactions(db);
  return db;
}

/** Connections running units without savepoints (`withoutSavepoints`), and whether one failed. */
const savepointFree = new WeakMap<Database.Database, { failed: boolean }>();

/**
 * Runs `db.transaction` on the connection's own transaction functions, handing the database
 * itself to the callback. drizzle builds a transaction object (with a query builder per table)
 * for every transaction and savepoint; SQLite transactions belong to the connection, so the
 * database handle runs inside them the same way, and nested calls become savepoints as before,
 * except under `withoutSavepoints`.
 */
function lightTransactions(db: Db): void {
  const sqlite = db.$client;
  db.transaction = ((fn: (tx: Db) => unknown, config?: { behavior?: 'deferred' | 'immediate' | 'exclusive' }) => {
    const flat = savepointFree.get(sqlite);
    if (flat && sqlite.inTransaction) {
      try {
        return fn(db);
      } catch (error) {
        // Its writes up to the error stay in the transaction: only a rollback of the whole
        // transaction can undo them, even if the caller catches the error and goes on.
        flat.failed = true;
        throw error;
      }
    }
    return sqlite.transaction(() => fn(db))[config?.behavior ?? 'deferred']();
  }) as unknown as Db['transaction'];
}

/**
 * Runs `fn` inside the caller's open transaction with nested `db.transaction` calls running in
 * place instead of as savepoints. A savepoint copies every page it changes to a sub-journal,
 * which is about a quarter of the cost of posting a purchase. The price: a failed nested
 * transaction cannot be undone alone. `failed` says whether one threw (even when the error was
 * caught); the caller must then roll back the whole transaction.
 * @example const { value, failed } = withoutSavepoints(tx, () => items.map(post));
 */
export function withoutSavepoints<R>(db: DbTx, fn: () => R): { value: R; failed: boolean } {
  const sqlite = connectionOf(db);
  if (!sqlite.inTransaction) throw new Error('withoutSavepoints needs an open transaction to roll back');
  if (savepointFree.has(sqlite)) throw new Error('withoutSavepoints does not nest');
  const state = { failed: false };
  savepointFree.set(sqlite, state);
  try {
    const value = fn();
    return { value, failed: state.failed };
  } finally {
    savepointFree.delete(sqlite);
  }
}

/** Applies pending migrations; safe to call on every start. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
}

/**
 * Reuses compiled statements: drizzle prepares every query anew, and compiling SQL is a large
 * share of a write path that runs a few dozen statements per purchase. A statement handed out
 * again is reset to plain row mode, since callers switch raw/pluck/expand on it.
 */
function cacheStatements(sqlite: Database.Database, limit = 500): void {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
    } else {
      statement = prepare(source);
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
