import type { DbTx } from '../db';
import { writeOutboxRow, type OutboxRow } from '../ledger/outbox';

/** Domain events the event services add to the ledger's (points-earned, points-reversed, ...). */
export type EventOutboxType =
  | 'purchase-recorded'
  | 'purchase-returned'
  | 'member-event-recorded'
  | 'reward-redeemed'
  | 'reward-reserved'
  | 'reward-reservation-cancelled'
  | 'points-payment-reserved'
  | 'points-paid'
  | 'points-payment-cancelled'
  | 'points-payment-lapsed';

/**
 * Writes an event-service domain event to the outbox in the caller's transaction (see `writeOutboxRow`).
 * @example writeEvent(tx, { id: `${purchaseId}:purchase-recorded`, type: 'purchase-recorded', programId, memberId, payload: { purchaseId, points } })
 */
export function writeEvent(tx: DbTx, event: OutboxRow<EventOutboxType>): void {
  writeOutboxRow(tx, event);
}
