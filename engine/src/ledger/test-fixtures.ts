import type { Db } from '../db';
import { members, programs } from '../db/schema';

export { tempDatabase } from '../testing/temp-db';

/** For tests: inserts a program and active members with the given ids. */
export function seedProgram(db: Db, programId: string, memberIds: readonly string[]): void {
  db.insert(programs).values({ id: programId, name: programId, createdBy: 'test' }).run();
  for (const id of memberIds) db.insert(members).values({ id, programId, cardNumber: `card-${id}` }).run();
}
