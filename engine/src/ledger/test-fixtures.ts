import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Db } from '../db';
import { members, programs } from '../db/schema';

/** For tests: a migrated SQLite file in a temp folder, and a way to remove it. */
export function tempDatabase(prefix = 'loyalty-ledger-'): { db: Db; file: string; cleanup: () => void } {
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

/** For tests: inserts a program and active members with the given ids. */
export function seedProgram(db: Db, programId: string, memberIds: readonly string[]): void {
  db.insert(programs).values({ id: programId, name: programId, createdBy: 'test' }).run();
  for (const id of memberIds) db.insert(members).values({ id, programId, cardNumber: `card-${id}` }).run();
}
