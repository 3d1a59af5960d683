import { asc } from 'drizzle-orm';
import type { DbTx } from '../db';
import { programReleases } from '../db/schema';

/**
 * Programs with an active version (anything ever released), by id: the ones housekeeping runs for.
 * @example listActivePrograms(db) // ['prog-1', 'prog-2']
 */
export function listActivePrograms(db: DbTx): string[] {
  return db
    .selectDistinct({ programId: programReleases.programId })
    .from(programReleases)
    .orderBy(asc(programReleases.programId))
    .all()
    .map((r) => r.programId);
}
