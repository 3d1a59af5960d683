import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerPostings, ledgerTransactions } from '../db/schema';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Points, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { memberById, survivor } from '../members/member-store';
import { loadEarnLot, toLotView, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planReverse } from './plan-reverse';

export const ReverseEarnInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  /** The earn transaction whose points are taken back. */
  earnTransactionId: EntityId,
  /** Points to take back, or the returned share of the purchase (0.25 = a quarter). */
  amount: z.union([z.object({ points: Points }), z.object({ fraction: z.number().gt(0).max(1) })]).default({ fraction: 1 }),
  rounding: z.enum(['floor', 'round', 'ceil']).default('floor'),
  sourceRef: z.string().max(200).nullable().default(null).describe('e.g. return:5512'),
  reason: z.string().max(500).nullable().default(null),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type ReverseEarnInput = z.input<typeof ReverseEarnInput>;

/**
 * Takes back points of an earn after a return. Only what is still in that earn's lot is recovered;
 * what the member already spent is written off to the program's return-shortfall account
 * (see README.md). The transaction's metadata tells `reversed`, `recovered` and `writtenOff`.
 * @example reverseEarn({ ctx: { db }, input: { transactionId: 'return-5512', programId, earnTransactionId: 'purchase-4711', amount: { fraction: 0.5 } } })
 */
export function reverseEarn({ ctx, input }: { ctx: { db: DbTx }; input: ReverseEarnInput }): PostedTransaction {
  const req = ReverseEarnInput.parse(input);
  const hash = requestHash('reverse', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    const { earn, origin, lot } = loadEarnLot(tx, req.programId, req.earnTransactionId);
    const memberId = holderOf(tx, lot.memberId);
    const at = req.occurredAt ?? nowIso();
    const { plan, reversed, recovered, writtenOff } = planReverse({
      lot: toLotView(lot),
      earned: origin.points,
      alreadyReversed: alreadyReversed(tx, req.programId, earn.id),
      amount: req.amount,
      rounding: req.rounding,
    });
    const posted = applyPlan(tx, {
      id: req.transactionId,
      kind: 'reverse',
      programId: req.programId,
      memberId,
      programVersionId: earn.programVersionId,
      relatedTransactionId: earn.id,
      sourceRef: req.sourceRef,
      reason: req.reason,
      occurredAt: at,
      requestHash: hash,
      metadata: { ...req.metadata, reversed, recovered, writtenOff },
    }, plan);
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-reversed`,
      type: 'points-reversed',
      programId: req.programId,
      memberId,
      payload: { transactionId: req.transactionId, earnTransactionId: earn.id, reversed, recovered, writtenOff },
    });
    return posted;
  }, WRITE_TRANSACTION);
}

/**
 * Who a reversal is booked for: the lot's member, or the member it was merged into. A lot spent or
 * expired before a merge stays with the merged member (merges move only lots with points left),
 * but its lifetime counters moved to the survivor, so the correction of "lifetime earned" must too.
 */
function holderOf(tx: DbTx, lotMemberId: string): string {
  const member = memberById(tx, lotMemberId);
  return member ? survivor(tx, member).id : lotMemberId;
}

/** Points earlier reversals of this earn took back, including written-off shortfalls. */
function alreadyReversed(tx: DbTx, programId: string, earnId: string): number {
  const rows = tx
    .select({ amount: ledgerPostings.amount })
    .from(ledgerPostings)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerPostings.transactionId))
    .where(
      and(
        eq(ledgerTransactions.relatedTransactionId, earnId),
        eq(ledgerTransactions.kind, 'reverse'),
        eq(ledgerPostings.accountId, `${programId}:program-returns`),
      ),
    )
    .all();
  return rows.reduce((s, r) => s + r.amount, 0);
}
