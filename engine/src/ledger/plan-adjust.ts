import { available, program } from './accounts';
import { consumeFifo } from './consume-fifo';
import { lotIdFor } from './plan-earn';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

export type PlanAdjustInput = {
  transactionId: string;
  memberId: string;
  /** Signed: positive grants points, negative takes them away. */
  points: number;
  at: string;
  lots: readonly LotView[];
  /** Expiry date of granted points; none when null. */
  expiresAt: string | null;
};

/**
 * A manual correction. A grant creates a new available lot; a deduction takes points
 * first-expiring-first and refuses to go below zero.
 * @example planAdjust({ transactionId: 't9', memberId: 'm1', points: -20, at: now, lots, expiresAt: null })
 * // available -20 (lot A), program-adjustments +20
 */
export function planAdjust(input: PlanAdjustInput): LedgerPlan {
  const { transactionId, memberId, points, at } = input;
  if (!Number.isSafeInteger(points) || points === 0) throw new Error(`adjustment must be a non-zero integer, got ${points}`);
  if (points > 0) return planGrant({ transactionId, memberId, points, at, expiresAt: input.expiresAt, from: 'program-adjustments' });
  const { allocations, changes } = consumeFifo(input.lots, -points, at);
  return balanced({
    postings: [
      ...allocations.map((a) => ({ account: available(memberId), amount: -a.amount, lotId: a.lot.id })),
      { account: program('program-adjustments'), amount: -points },
    ],
    lots: changes,
  });
}

/**
 * Points given to a member from a program account into one new available lot (a positive
 * adjustment, or a refund of spent points out of `program-redeemed`).
 * @example planGrant({ transactionId: 't9', memberId: 'm1', points: 20, at, expiresAt: null, from: 'program-adjustments' })
 * // program-adjustments -20, available +20 (lot 'lot:t9')
 */
export function planGrant(input: { transactionId: string; memberId: string; points: number; at: string; expiresAt: string | null; from: 'program-adjustments' | 'program-redeemed' }): LedgerPlan {
  const { transactionId, memberId, points, at } = input;
  const lot: LotView = { id: lotIdFor(transactionId), memberId, points, remaining: points, status: 'available', earnedAt: at, availableAt: at, expiresAt: input.expiresAt };
  return balanced({
    postings: [
      { account: program(input.from), amount: -points },
      { account: available(memberId), amount: points, lotId: lot.id },
    ],
    lots: [{ op: 'create', lot, originTransactionId: transactionId }],
  });
}
