import { desc, eq, sql } from 'drizzle-orm';
import { preparedQuery, type DbTx } from '../db';
import { programReleases } from '../db/schema/releases';
import { stableBucket } from './stable-bucket';

export type Release = typeof programReleases.$inferSelect;

const latestRelease = preparedQuery((db) =>
  db.select().from(programReleases).where(eq(programReleases.programId, sql.placeholder('programId'))).orderBy(desc(programReleases.seq)).limit(1).prepare(),
);

/** The release in force for a program, or undefined when nothing was ever activated. */
export function currentRelease(db: DbTx, programId: string): Release | undefined {
  return latestRelease(db).get({ programId });
}

/**
 * The version that evaluates this member's events under a release: exactly one, always.
 * @example versionForMember(release, 'member-42') // release.versionId or release.canaryVersionId
 */
export function versionForMember(release: Release, memberId: string): string {
  if (!release.canaryVersionId) return release.versionId;
  if ((JSON.parse(release.canaryMembers) as string[]).includes(memberId)) return release.canaryVersionId;
  return stableBucket(release.programId, memberId) < release.canaryShare ? release.canaryVersionId : release.versionId;
}
