import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerReservations } from '../db/schema';
import { DomainError } from '../errors';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import type { PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planCommitReservation } from './plan-reservation';
import { requireHeldReservation } from './reservation-store';

export const CommitReservationInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  reservationId: EntityId,
  sourceRef: z.string().max(200).nullable().default(null),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type CommitReservationInput = z.input<typeof CommitReservationInput>;

/**
 * Second step of a two-step redemption: the held points become redeemed.
 * A lapsed hold cannot be committed (DomainError 'conflict'); reserve again.
 * @example commitReservation({ ctx: { db }, input: { transactionId: 'cart-17-paid', programId, reservationId: 'cart-17' } })
 */
export function commitReservation({ ctx, input }: { ctx: { db: DbTx }; input: CommitReservationInput }): PostedTransaction {
  const req = CommitReservationInput.parse(input);
  const hash = requestHash('commit-reservation', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    const r = requireHeldReservation(tx, req.programId, req.reservationId);
    const at = req.occurredAt ?? nowIso();
    if (r.expiresAt <= at) {
      throw new DomainError('conflict', `Reservation '${r.id}' lapsed at ${r.expiresAt}; reserve the points again.`);
    }
    const posted = applyPlan(
      tx,
      {
        id: req.transactionId,
        kind: 'commit-reservation',
        programId: r.programId,
        memberId: r.memberId,
        relatedTransactionId: r.id,
        sourceRef: req.sourceRef,
        occurredAt: at,
        requestHash: hash,
        metadata: req.metadata,
      },
      planCommitReservation({ memberId: r.memberId, points: r.points }),
      { activity: true },
    );
    tx.update(ledgerReservations)
      .set({ status: 'committed', resolvedByTransactionId: req.transactionId })
      .where(eq(ledgerReservations.id, r.id))
      .run();
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-redeemed`,
      type: 'points-redeemed',
      programId: r.programId,
      memberId: r.memberId,
      payload: { transactionId: req.transactionId, reservationId: r.id, points: r.points, sourceRef: req.sourceRef },
    });
    return posted;
  }, WRITE_TRANSACTION);
}
