import { z } from 'zod';
import type { DbTx } from '../db';
import { EntityId, nowIso, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import type { PostedTransaction } from './ledger-store';
import { releaseReservation, requireHeldReservation } from './reservation-store';

export const CancelReservationInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  reservationId: EntityId,
  reason: z.string().max(500).nullable().default(null),
  occurredAt: Timestamp.optional(),
});
export type CancelReservationInput = z.input<typeof CancelReservationInput>;

/**
 * Gives held points back to the lots they came from (points whose lot expired meanwhile expire).
 * @example cancelReservation({ ctx: { db }, input: { transactionId: 'cart-17-abandoned', programId, reservationId: 'cart-17' } })
 */
export function cancelReservation({ ctx, input }: { ctx: { db: DbTx }; input: CancelReservationInput }): PostedTransaction {
  const req = CancelReservationInput.parse(input);
  const hash = requestHash('cancel-reservation', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    const r = requireHeldReservation(tx, req.programId, req.reservationId);
    return releaseReservation(tx, r, {
      transactionId: req.transactionId,
      at: req.occurredAt ?? nowIso(),
      requestHash: hash,
      status: 'cancelled',
      reason: req.reason,
    });
  }, WRITE_TRANSACTION);
}
