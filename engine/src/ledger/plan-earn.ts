import type { Expiry } from '../spec';
import { available, pending, program } from './accounts';
import { addDays, lotExpiresAt } from './expiry-dates';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

export type PlanEarnInput = {
  transactionId: string;
  memberId: string;
  points: number;
  earnedAt: string;
  pendingDays: number;
  expiry: Expiry;
};

/**
 * Issues points into one new lot: pending for `pendingDays` (the return window), then available.
 * @example planEarn({ transactionId: 't1', memberId: 'm1', points: 50, earnedAt, pendingDays: 14, expiry: { kind: 'none' } })
 * // postings: program-issued -50, member-pending +50; one pending lot 'lot:t1'
 */
export function planEarn(input: PlanEarnInput): LedgerPlan {
  const { transactionId, memberId, points, earnedAt, pendingDays, expiry } = input;
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error(`earned points must be a positive integer, got ${points}`);
  const isPending = pendingDays > 0;
  const lot: LotView = {
    id: lotIdFor(transactionId),
    memberId,
    points,
    remaining: points,
    status: isPending ? 'pending' : 'available',
    earnedAt,
    availableAt: isPending ? addDays(earnedAt, pendingDays) : earnedAt,
    expiresAt: lotExpiresAt(earnedAt, expiry),
  };
  return balanced({
    postings: [
      { account: program('program-issued'), amount: -points },
      { account: isPending ? pending(memberId) : available(memberId), amount: points, lotId: lot.id },
    ],
    lots: [{ op: 'create', lot, originTransactionId: transactionId }],
  });
}

/** The lot an earn or a positive adjustment creates. @example lotIdFor('t1') // 'lot:t1' */
export function lotIdFor(transactionId: string): string {
  return `lot:${transactionId}`;
}
