import type { DbTx } from '../db';
import { DomainError } from '../errors';
import { runtimeOfVersion, type ProgramRuntime } from '../events/program-runtime';
import { currentRelease, versionForMember } from '../releases';

/** The versions that run for a program's members now: the release's main version and its canary. */
export type VersionsInForce = {
  readonly runtimes: readonly ProgramRuntime[];
  /** The version that runs for this member (canary by stable hash during a rollout). */
  runtimeOf(memberId: string): ProgramRuntime;
};

/**
 * Reads the release once for a whole housekeeping run of a program, instead of once per member
 * (`runtimeFor`); the member-to-version rule is the same (`versionForMember`).
 * @throws DomainError('unprocessable') when the program has no active version.
 * @example versionsInForce(db, programId).runtimeOf(memberId).spec.pointsLifecycle.expiry
 */
export function versionsInForce(db: DbTx, programId: string): VersionsInForce {
  const release = currentRelease(db, programId);
  if (!release) throw new DomainError('unprocessable', `Program '${programId}' has no active version; nothing runs for it yet.`);
  const ids = release.canaryVersionId ? [release.versionId, release.canaryVersionId] : [release.versionId];
  return {
    runtimes: ids.map((id) => runtimeOfVersion(db, id)),
    runtimeOf: (memberId) => runtimeOfVersion(db, versionForMember(release, memberId)),
  };
}
