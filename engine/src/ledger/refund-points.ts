import { z } from 'zod';
import type { DbTx } from '../db';
import { Expiry } from '../spec';
import { available, program } from './accounts';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { lotExpiresAt } from './expiry-dates';
import { replayOrConflict, requestHash } from './idempotency';
import { requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { lotIdFor } from './plan-earn';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

/**
 * Gives back points that were spent, e.g. on goods returned after paying with points: a new
 * available lot (expiring by the program's policy from now, since the lots they came from may be
 * gone), taken out of `program-redeemed`, so lifetime redeemed goes down.
 * @example planRefund({ transactionId: 'refund:r1', memberId: 'm1', points: 250, at, expiry: { kind: 'none' } })
 * // program-redeemed -250, member-available +250 (new lot 'lot:refund:r1')
 */
export function planRefund(input: { transactionId: string; memberId: string; points: number; at: string; expiry: Expiry }): LedgerPlan {
  const lot: LotView = {
    id: lotIdFor(input.transactionId),
    memberId: input.memberId,
    points: input.points,
    remaining: input.points,
    status: 'available',
    earnedAt: input.at,
    availableAt: input.at,
    expiresAt: lotExpiresAt(input.at, input.expiry),
  };
  return balanced({
    postings: [
      { account: program('program-redeemed'), amount: -input.points },
      { account: available(input.memberId), amount: input.points, lotId: lot.id },
    ],
    lots: [{ op: 'create', lot, originTransactionId: input.transactionId }],
  });
}

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
 * Books a refund of spent points (`planRefund`) and writes `points-refunded`. Idempotent on
 * `transactionId`. Blocked members get their refund too; merged ones hold nothing.
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
    }, planRefund({ transactionId: req.transactionId, memberId: req.memberId, points: req.points, at, expiry: req.expiry }));
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
