import { preparedSelect, type DbTx } from '../db';
import { programReleases } from '../db/schema/releases';
import { stableBucket } from './stable-bucket';

export type Release = typeof programReleases.$inferSelect;

// Runs for every event. The limit is written out: drizzle binds it as a parameter, and SQLite
// runs `limit ?` several times slower than `limit 1` here.
const latestRelease = preparedSelect(programReleases, 'program_id = ? order by seq desc limit 1');

/** The release in force for a program, or undefined when nothing was ever activated. */
export function currentRelease(db: DbTx, programId: string): Release | undefined {
  return latestRelease(db).get(programId);
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
