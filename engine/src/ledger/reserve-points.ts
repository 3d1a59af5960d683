import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerReservations } from '../db/schema';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { loadOpenLots, requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planReserve } from './plan-reservation';

export const ReservePointsInput = z.object({
  /** Also the reservation id used to commit or cancel. */
  transactionId: TransactionId,
  programId: EntityId,
  memberId: EntityId,
  points: Points,
  /** Spending rule `reservationMinutes`: how long the points are held before they lapse. */
  holdMinutes: z.number().int().min(1).max(1440).default(15),
  minBalance: z.number().int().min(0).default(0),
  programVersionId: EntityId.nullable().default(null),
  sourceRef: z.string().max(200).nullable().default(null),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type ReservePointsInput = z.input<typeof ReservePointsInput>;

/**
 * First step of a two-step redemption (e.g. checkout): holds points in the member's reserved
 * account until `commitReservation`, `cancelReservation`, or the hold lapses and
 * `releaseExpiredReservations` gives them back.
 * @example const r = reservePoints({ ctx: { db }, input: { transactionId: 'cart-17', programId, memberId, points: 80 } });
 */
export function reservePoints({ ctx, input }: { ctx: { db: DbTx }; input: ReservePointsInput }): PostedTransaction & { expiresAt: string } {
  const req = ReservePointsInput.parse(input);
  const hash = requestHash('reserve', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return { ...earlier, expiresAt: String(earlier.transaction.metadata.reservationExpiresAt) };
    requireMember(tx, req.programId, req.memberId, { allow: 'active' });
    const at = req.occurredAt ?? nowIso();
    const expiresAt = new Date(new Date(at).getTime() + req.holdMinutes * 60_000).toISOString();
    const plan = planReserve({ memberId: req.memberId, points: req.points, lots: loadOpenLots(tx, req.memberId), asOf: at, minBalance: req.minBalance });
    const posted = applyPlan(
      tx,
      {
        id: req.transactionId,
        kind: 'reserve',
        programId: req.programId,
        memberId: req.memberId,
        programVersionId: req.programVersionId,
        sourceRef: req.sourceRef,
        occurredAt: at,
        requestHash: hash,
        metadata: { ...req.metadata, reservationExpiresAt: expiresAt },
      },
      plan,
      { activity: true },
    );
    tx.insert(ledgerReservations)
      .values({ id: req.transactionId, programId: req.programId, memberId: req.memberId, points: req.points, status: 'held', expiresAt })
      .run();
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-reserved`,
      type: 'points-reserved',
      programId: req.programId,
      memberId: req.memberId,
      payload: { reservationId: req.transactionId, points: req.points, expiresAt },
    });
    return { ...posted, expiresAt };
  }, WRITE_TRANSACTION);
}
