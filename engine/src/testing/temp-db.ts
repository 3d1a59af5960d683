import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Db } from '../db';

/**
 * A real, migrated SQLite file in a temporary folder, for tests.
 * @example const { db, cleanup } = tempDatabase(); afterAll(cleanup);
 */
export function tempDatabase(prefix = 'loyalty-test-'): { db: Db; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'loyalty.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
