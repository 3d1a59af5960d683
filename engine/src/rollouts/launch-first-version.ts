import type { StaffPrincipal } from '../auth/sessions';
import { setVersionStatus } from '../approvals/version-status';
import type { DbTx } from '../db';
import { recordRelease } from '../releases/activate-version';

/**
 * The very first version of a program has nobody on an older version to compare with, so a staged
 * rollout has no control group: it goes live for everyone at once, recorded like any release.
 * @example launchFirstVersion(db, { programId, versionId, versionNumber: 1 }, principal)
 */
export function launchFirstVersion(db: DbTx, version: { programId: string; versionId: string; versionNumber: number }, staff: StaffPrincipal) {
  return db.transaction((tx) => {
    const actor = { type: 'staff' as const, id: staff.userId };
    const reason = `First launch of the program with version ${version.versionNumber}: no earlier version to roll out from`;
    recordRelease({ ctx: { db: tx, actor }, input: { programId: version.programId, versionId: version.versionId, reason } });
    for (const to of ['rolling-out', 'active'] as const) setVersionStatus(tx, { programId: version.programId, versionId: version.versionId, to, actor, reason });
    return { launched: true as const, workflowId: null, rolloutId: null, stages: [] };
  });
}
