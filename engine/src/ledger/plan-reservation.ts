import { available, pending, program, reserved } from './accounts';
import { consumeFifo } from './consume-fifo';
import { isPastExpiry } from './expiry-dates';
import { checkMinBalance, type PlanRedeemInput } from './plan-redeem';
import { balanced, type LedgerPlan, type LotChange, type LotView } from './plan-types';

/**
 * Holds points for a two-step redemption: taken from lots first-expiring-first into the
 * member's reserved account. The postings remember which lots gave how much.
 * @example planReserve({ memberId: 'm1', points: 80, lots, asOf: now }) // available -80 (per lot), reserved +80
 */
export function planReserve(input: PlanRedeemInput): LedgerPlan {
  checkMinBalance(input);
  const { allocations, changes } = consumeFifo(input.lots, input.points, input.asOf);
  return balanced({
    postings: [
      ...allocations.map((a) => ({ account: available(input.memberId), amount: -a.amount, lotId: a.lot.id })),
      { account: reserved(input.memberId), amount: input.points },
    ],
    lots: changes,
  });
}

/**
 * Completes a reservation: the held points become redeemed.
 * @example planCommitReservation({ memberId: 'm1', points: 80 }) // reserved -80, program-redeemed +80
 */
export function planCommitReservation(input: { memberId: string; points: number }): LedgerPlan {
  return balanced({
    postings: [
      { account: reserved(input.memberId), amount: -input.points },
      { account: program('program-redeemed'), amount: input.points },
    ],
    lots: [],
  });
}

/**
 * Gives held points back to the lots they came from. Points whose lot passed its expiry date
 * while they were held expire on the way back instead of becoming spendable again.
 * @example planCancelReservation({ memberId: 'm1', allocations: [{ lot, amount: 80 }], asOf: now })
 * // reserved -80, available +80 (lot)
 */
export function planCancelReservation(input: {
  memberId: string;
  allocations: readonly { lot: LotView; amount: number }[];
  asOf: string;
}): LedgerPlan {
  const total = input.allocations.reduce((s, a) => s + a.amount, 0);
  const postings: LedgerPlan['postings'] = [{ account: reserved(input.memberId), amount: -total }];
  const lots: LotChange[] = [];
  let expired = 0;
  for (const { lot, amount } of input.allocations) {
    if (isPastExpiry(lot, input.asOf)) {
      expired += amount;
      continue;
    }
    // A lot held for review since the reservation keeps what comes back held, in pending.
    const held = lot.status === 'held';
    postings.push({ account: held ? pending(input.memberId) : available(input.memberId), amount, lotId: lot.id });
    lots.push({ op: 'update', lotId: lot.id, remaining: lot.remaining + amount, status: held ? 'held' : 'available' });
  }
  postings.push({ account: program('program-expired'), amount: expired });
  return balanced({ postings, lots });
}
