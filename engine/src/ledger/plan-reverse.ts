import { DomainError } from '../errors';
import { available, pending, program } from './accounts';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

export type ReverseAmount = { points: number } | { fraction: number };

export type PlanReverseInput = {
  /** Where the earned points are now: the earn's lot, or the lot it was merged into. */
  lot: LotView;
  /** Points the earn transaction issued. */
  earned: number;
  /** Points earlier reversals of the same earn already took back (including write-offs). */
  alreadyReversed: number;
  amount: ReverseAmount;
  rounding?: 'floor' | 'round' | 'ceil';
};

/**
 * Takes back what an earn issued, for a full or partial return.
 * The amount is the points given, or `fraction` of the earned points, rounded (floor by default),
 * capped at what was not reversed yet. It is taken from the earn's own lot, pending, held or available.
 * What the member already spent (or what expired or is held in a reservation) cannot be taken back
 * without a negative balance: that shortfall is written off to the program's return-shortfall account.
 * @example planReverse({ lot, earned: 100, alreadyReversed: 0, amount: { fraction: 0.5 } })
 * // lot has 30 left: available -30, program-returns +50, program-return-shortfall -20
 */
export function planReverse(input: PlanReverseInput): { plan: LedgerPlan; reversed: number; recovered: number; writtenOff: number } {
  const { lot, earned, alreadyReversed } = input;
  const requested = requestedPoints(input.amount, earned, input.rounding ?? 'floor');
  const open = earned - alreadyReversed;
  if (open <= 0) throw new DomainError('unprocessable', 'These points were already reversed in full.');
  const reversed = Math.min(requested, open);
  if (reversed <= 0) throw new DomainError('invalid_input', 'The return is too small to reverse any points.');
  const holds = lot.status === 'pending' || lot.status === 'available' || lot.status === 'held';
  const recovered = holds ? Math.min(lot.remaining, reversed) : 0;
  const writtenOff = reversed - recovered;
  const remaining = lot.remaining - recovered;
  // Pending and held points both sit in the pending account.
  const memberAccount = lot.status === 'available' ? available(lot.memberId) : pending(lot.memberId);
  const plan = balanced({
    postings: [
      { account: memberAccount, amount: -recovered, lotId: lot.id },
      { account: program('program-returns'), amount: reversed },
      { account: program('program-return-shortfall'), amount: -writtenOff },
    ],
    lots:
      recovered > 0
        ? [{ op: 'update', lotId: lot.id, remaining, status: remaining === 0 ? 'consumed' : lot.status }]
        : [],
  });
  return { plan, reversed, recovered, writtenOff };
}

function requestedPoints(amount: ReverseAmount, earned: number, rounding: 'floor' | 'round' | 'ceil'): number {
  if ('points' in amount) return amount.points;
  return Math[rounding](earned * amount.fraction);
}
