import { afterEach, beforeEach, expect } from 'vitest';
import type { Db } from '../db';
import { tempDatabase } from '../testing/temp-db';
import { verifyLedger } from './verify-ledger';
import { members, programs } from '../db/schema';

export { tempDatabase };

/** For tests: inserts a program and active members with the given ids. */
export function seedProgram(db: Db, programId: string, memberIds: readonly string[]): void {
  db.insert(programs).values({ id: programId, name: programId, createdBy: 'test' }).run();
  for (const id of memberIds) db.insert(members).values({ id, programId, cardNumber: `card-${id}` }).run();
}

/**
 * For tests: each test gets a new database with the program and members (handed to `use`), and
 * after each test the books must balance.
 * @example let db: Db; freshLedgerEachTest('prog', ['m1', 'm2'], (fresh) => (db = fresh));
 */
export function freshLedgerEachTest(programId: string, memberIds: readonly string[], use: (db: Db) => void): void {
  let current: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    current = tempDatabase();
    seedProgram(current.db, programId, memberIds);
    use(current.db);
  });
  afterEach(() => {
    expect(verifyLedger(current.db)).toEqual({ ok: true, problems: [] });
    current.cleanup();
  });
}
