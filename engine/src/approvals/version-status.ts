import { eq } from 'drizzle-orm';
import { appendAudit, type AuditActor } from '../audit/append-audit';
import type { DbTx } from '../db';
import { versionStatus, versionStatusEvents, type VersionStatus } from '../db/schema/approvals';
import { DomainError } from '../errors';

/** Status changes that make sense; anything else is a bug or a race and is refused. */
const ALLOWED: Record<VersionStatus, readonly VersionStatus[]> = {
  draft: ['in-review', 'retired'],
  'in-review': ['approved', 'rejected', 'superseded', 'retired'],
  approved: ['rolling-out', 'retired'],
  rejected: ['retired'],
  superseded: ['retired'],
  'rolling-out': ['active', 'rolled-back', 'retired'],
  active: ['retired'],
  retired: [],
  'rolled-back': ['rolling-out', 'retired'],
};

/**
 * A version's current status; a version never submitted is a draft.
 * @example versionStatusOf(db, versionId) // 'in-review'
 */
export function versionStatusOf(db: DbTx, versionId: string): VersionStatus {
  return db.select({ status: versionStatus.status }).from(versionStatus).where(eq(versionStatus.versionId, versionId)).get()?.status ?? 'draft';
}

export type StatusChange = { programId: string; versionId: string; to: VersionStatus; actor: AuditActor; reason: string; at?: string };

/**
 * Moves a version to a new status: projection, append-only history and audit in the caller's
 * transaction. Setting the status it already has does nothing (activities may retry).
 * @example setVersionStatus(tx, { programId, versionId, to: 'approved', actor, reason: 'All required roles approved' })
 */
export function setVersionStatus(tx: DbTx, change: StatusChange): boolean {
  const from = versionStatusOf(tx, change.versionId);
  if (from === change.to) return false;
  if (!ALLOWED[from].includes(change.to)) {
    throw new DomainError('conflict', `A version that is ${from} cannot become ${change.to}.`);
  }
  const at = change.at ?? new Date().toISOString();
  const row = { versionId: change.versionId, programId: change.programId, status: change.to, since: at, reason: change.reason };
  tx.insert(versionStatus).values(row).onConflictDoUpdate({ target: versionStatus.versionId, set: { status: change.to, since: at, reason: change.reason } }).run();
  tx.insert(versionStatusEvents)
    .values({ versionId: change.versionId, programId: change.programId, fromStatus: from, toStatus: change.to, actor: change.actor.id, reason: change.reason, at })
    .run();
  appendAudit(tx, {
    actor: change.actor,
    action: 'version.status-changed',
    entityType: 'program-version',
    entityId: change.versionId,
    before: { status: from },
    after: { status: change.to },
    reason: change.reason,
  });
  return true;
}
