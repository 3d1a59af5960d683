import { z } from 'zod';
import type { DbTx } from '../db';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { loadOpenLots, requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planRedeem } from './plan-redeem';

export const RedeemPointsInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  memberId: EntityId,
  points: Points,
  /** Spending rule of the program: points needed before anything can be redeemed. */
  minBalance: z.number().int().min(0).default(0),
  programVersionId: EntityId.nullable().default(null),
  sourceRef: z.string().max(200).nullable().default(null).describe('e.g. reward:free-coffee or order:991'),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type RedeemPointsInput = z.input<typeof RedeemPointsInput>;

/**
 * Spends available points in one step, first-expiring-first, and writes `points-redeemed`.
 * Refuses (DomainError 'unprocessable') when the member has too few spendable points.
 * @example redeemPoints({ ctx: { db }, input: { transactionId: 'order-991', programId, memberId, points: 150 } })
 */
export function redeemPoints({ ctx, input }: { ctx: { db: DbTx }; input: RedeemPointsInput }): PostedTransaction {
  const req = RedeemPointsInput.parse(input);
  const hash = requestHash('redeem', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    requireMember(tx, req.programId, req.memberId, { allow: 'active' });
    const at = req.occurredAt ?? nowIso();
    const plan = planRedeem({ memberId: req.memberId, points: req.points, lots: loadOpenLots(tx, req.memberId), asOf: at, minBalance: req.minBalance });
    const posted = applyPlan(
      tx,
      {
        id: req.transactionId,
        kind: 'redeem',
        programId: req.programId,
        memberId: req.memberId,
        programVersionId: req.programVersionId,
        sourceRef: req.sourceRef,
        occurredAt: at,
        requestHash: hash,
        metadata: req.metadata,
      },
      plan,
      { activity: true },
    );
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-redeemed`,
      type: 'points-redeemed',
      programId: req.programId,
      memberId: req.memberId,
      payload: { transactionId: req.transactionId, points: req.points, sourceRef: req.sourceRef },
    });
    return posted;
  }, WRITE_TRANSACTION);
}
