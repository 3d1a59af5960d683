import { z } from 'zod';
import type { DbTx } from '../db';
import { Expiry } from '../spec';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { lotExpiresAt } from './expiry-dates';
import { replayOrConflict, requestHash } from './idempotency';
import { requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planGrant } from './plan-adjust';

export const RefundPointsInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  memberId: EntityId,
  points: Points,
  sourceRef: z.string().max(200).nullable().default(null).describe('e.g. return:5512'),
  reason: z.string().max(500).nullable().default(null),
  expiry: Expiry.default({ kind: 'none' }),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type RefundPointsInput = z.input<typeof RefundPointsInput>;

/**
 * Gives back points that were spent, e.g. on goods returned after paying with points: a new
 * available lot (expiring by the program's policy from now, since the lots they came from may be
 * gone), taken out of `program-redeemed`, so lifetime redeemed goes down; writes `points-refunded`.
 * Idempotent on `transactionId`. Blocked members get their refund too; merged ones hold nothing.
 * @example refundPoints({ ctx: { db }, input: { transactionId: 'refund:r1', programId, memberId, points: 250, sourceRef: 'return:r1' } })
 */
export function refundPoints({ ctx, input }: { ctx: { db: DbTx }; input: RefundPointsInput }): PostedTransaction {
  const req = RefundPointsInput.parse(input);
  const hash = requestHash('refund', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    requireMember(tx, req.programId, req.memberId, { allow: 'not-merged' });
    const at = req.occurredAt ?? nowIso();
    const posted = applyPlan(tx, {
      id: req.transactionId,
      kind: 'refund',
      programId: req.programId,
      memberId: req.memberId,
      sourceRef: req.sourceRef,
      reason: req.reason,
      occurredAt: at,
      requestHash: hash,
      metadata: req.metadata,
    }, planGrant({ transactionId: req.transactionId, memberId: req.memberId, points: req.points, at, expiresAt: lotExpiresAt(at, req.expiry), from: 'program-redeemed' }));
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-refunded`,
      type: 'points-refunded',
      programId: req.programId,
      memberId: req.memberId,
      payload: { transactionId: req.transactionId, points: req.points, sourceRef: req.sourceRef },
    });
    return posted;
  }, WRITE_TRANSACTION);
}
