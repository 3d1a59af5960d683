import type { DbTx } from '../db';
import { outbox } from '../db/schema';

/** Domain event types written to the outbox. */
export type OutboxEventType =
  | 'points-earned'
  | 'points-released'
  | 'points-redeemed'
  | 'points-reserved'
  | 'reservation-committed'
  | 'reservation-cancelled'
  | 'points-expiring'
  | 'points-expired'
  | 'points-reversed'
  | 'points-adjusted'
  | 'points-merged'
  | 'member-signed-up'
  | 'member-merged'
  | 'member-contact-changed'
  | 'tier-changed';

/**
 * Writes a domain event in the caller's transaction, so it exists exactly when the change does.
 * The id is derived from what caused it, so a replay cannot write it twice.
 * @example writeOutboxEvent(tx, { id: `${txnId}:points-earned`, type: 'points-earned', programId, memberId, payload: { points } })
 */
export function writeOutboxEvent(
  tx: DbTx,
  event: { id: string; type: OutboxEventType; programId: string; memberId: string | null; payload: Record<string, unknown>; at?: string },
): void {
  tx.insert(outbox)
    .values({
      id: event.id,
      type: event.type,
      programId: event.programId,
      memberId: event.memberId,
      payload: event.payload,
      createdAt: event.at ?? new Date().toISOString(),
    })
    .onConflictDoNothing()
    .run();
}
