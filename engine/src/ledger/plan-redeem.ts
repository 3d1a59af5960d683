import { DomainError } from '../errors';
import { available, program } from './accounts';
import { consumeFifo, spendableLots } from './consume-fifo';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

export type PlanRedeemInput = {
  memberId: string;
  points: number;
  lots: readonly LotView[];
  asOf: string;
  /** Spending rule: points a member must have before redeeming anything. */
  minBalance?: number;
};

/**
 * Spends points first-expiring-first into the program's redeemed account.
 * @example planRedeem({ memberId: 'm1', points: 150, lots, asOf: now })
 * // available -100 (lot A), available -50 (lot B), program-redeemed +150
 */
export function planRedeem(input: PlanRedeemInput): LedgerPlan {
  checkMinBalance(input);
  const { allocations, changes } = consumeFifo(input.lots, input.points, input.asOf);
  return balanced({
    postings: [
      ...allocations.map((a) => ({ account: available(input.memberId), amount: -a.amount, lotId: a.lot.id })),
      { account: program('program-redeemed'), amount: input.points },
    ],
    lots: changes,
  });
}

/** Refuses a redemption below the program's minimum balance. */
export function checkMinBalance(input: PlanRedeemInput): void {
  if (!input.minBalance) return;
  const spendable = spendableLots(input.lots, input.asOf).reduce((s, l) => s + l.remaining, 0);
  if (spendable < input.minBalance) {
    throw new DomainError(
      'unprocessable',
      `Members need at least ${input.minBalance} points before they can redeem; this member has ${spendable}.`,
    );
  }
}
