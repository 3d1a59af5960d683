import type { DbTx } from '../db';
import { outbox } from '../db/schema';

/** Domain events the event services add to the ledger's (points-earned, points-reversed, ...). */
export type EventOutboxType = 'purchase-recorded' | 'purchase-returned' | 'member-event-recorded' | 'reward-redeemed' | 'reward-reserved' | 'reward-reservation-cancelled';

/**
 * Writes a domain event to the outbox in the caller's transaction; ids derive from the cause,
 * so a replay never writes it twice. Payloads carry ids and amounts, never personal data.
 * @example writeEvent(tx, { id: `${purchaseId}:purchase-recorded`, type: 'purchase-recorded', programId, memberId, payload: { purchaseId, points } })
 */
export function writeEvent(
  tx: DbTx,
  event: { id: string; type: EventOutboxType; programId: string; memberId: string | null; payload: Record<string, unknown>; at?: string },
): void {
  tx.insert(outbox)
    .values({ id: event.id, type: event.type, programId: event.programId, memberId: event.memberId, payload: event.payload, createdAt: event.at ?? new Date().toISOString() })
    .onConflictDoNothing()
    .run();
}
