import { preparedSql, type DbTx } from '../db';
import { programReleases } from '../db/schema/releases';
import { stableBucket } from './stable-bucket';

export type Release = typeof programReleases.$inferSelect;

// Runs for every event. Written out because drizzle binds the limit as a parameter, and SQLite
// runs `limit ?` several times slower than `limit 1` here.
const latestRelease = preparedSql<Release>(
  `select seq, program_id as programId, version_id as versionId, canary_version_id as canaryVersionId, canary_share as canaryShare,
     canary_members as canaryMembers, reason, actor, at
   from program_releases where program_id = ? order by seq desc limit 1`,
);

/** The release in force for a program, or undefined when nothing was ever activated. */
export function currentRelease(db: DbTx, programId: string): Release | undefined {
  return latestRelease(db).get(programId);
}

/** What decides which version runs a member's events (see `versionForMember`). */
export type ReleaseVersions = Pick<Release, 'programId' | 'versionId' | 'canaryVersionId' | 'canaryShare' | 'canaryMembers'>;

// The event path's query: only the columns `versionForMember` reads.
const latestVersions = preparedSql<ReleaseVersions>(
  `select program_id as programId, version_id as versionId, canary_version_id as canaryVersionId, canary_share as canaryShare, canary_members as canaryMembers
   from program_releases where program_id = ? order by seq desc limit 1`,
);

/** `currentRelease`, only what decides which version runs a member's events. */
export function versionsInForce(db: DbTx, programId: string): ReleaseVersions | undefined {
  return latestVersions(db).get(programId);
}

/**
 * The version that evaluates this member's events under a release: exactly one, always.
 * @example versionForMember(release, 'member-42') // release.versionId or release.canaryVersionId
 */
export function versionForMember(release: ReleaseVersions, memberId: string): string {
  if (!release.canaryVersionId) return release.versionId;
  if ((JSON.parse(release.canaryMembers) as string[]).includes(memberId)) return release.canaryVersionId;
  return stableBucket(release.programId, memberId) < release.canaryShare ? release.canaryVersionId : release.versionId;
}
