import { timeOrderedId } from '../ids';
import { eq } from 'drizzle-orm';
import type { Db, DbTx } from '../db';
import { purchases } from '../db/schema';
import type { MemberRef } from '../events/inputs';
import { resolveMember } from '../events/resolve-member';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { currentRelease, versionForMember } from '../releases';
import { writeFraudEvent } from './fraud-outbox';

/** A failed event request: where it came from and how it named the member (if at all). */
export type EventFailure = { programId: string; route: string; member?: MemberRef; purchaseId?: string };

/**
 * Records an `event-failed` outbox row for a request whose transaction failed and rolled back,
 * in its own small transaction: programId, the member when it can be found (by reference, or by
 * the returned purchase), and the version that member is assigned to (`payload.versionId`, which
 * monitoring and rollout guardrails count). No personal data: the payload holds ids and the route.
 * @example recordEventFailure(db, { programId, route: 'POST /purchases', member: { cardNumber } })
 */
export function recordEventFailure(db: Db, failure: EventFailure): { id: string; versionId: string | null; memberId: string | null } {
  return db.transaction((tx) => {
    const memberId = memberOf(tx, failure);
    const release = currentRelease(tx, failure.programId);
    const versionId = release ? (memberId ? versionForMember(release, memberId) : release.versionId) : null;
    const id = `event-failed:${timeOrderedId()}`;
    writeFraudEvent(tx, { id, type: 'event-failed', programId: failure.programId, memberId, payload: { versionId, route: failure.route, ...(memberId ? { memberId } : {}) } });
    return { id, versionId, memberId };
  }, WRITE_TRANSACTION);
}

function memberOf(tx: DbTx, failure: EventFailure): string | null {
  try {
    if (failure.purchaseId) {
      const p = tx.select({ memberId: purchases.memberId, programId: purchases.programId }).from(purchases).where(eq(purchases.id, failure.purchaseId)).get();
      return p && p.programId === failure.programId ? p.memberId : null;
    }
    return resolveMember(tx, failure.programId, failure.member)?.id ?? null;
  } catch {
    return null; // an unknown or malformed reference: the failure is still recorded, without a member
  }
}
