import { available, pending } from './accounts';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

/**
 * Holds what is left of an earn's lot for review: available points go back to pending, and the
 * lot leaves the release-by-date and spending paths until a reviewer decides. Null when the lot
 * has nothing left to hold (spent, expired, reversed or merged away) or is held already.
 * @example planHold(lot) // lot available 40: available -40, pending +40; lot status 'held'
 */
export function planHold(lot: LotView): LedgerPlan | null {
  if ((lot.status !== 'pending' && lot.status !== 'available') || lot.remaining === 0) return null;
  const postings = lot.status === 'available' ? moveBetween(lot, 'to-pending') : [];
  return balanced({ postings, lots: [{ op: 'update', lotId: lot.id, remaining: lot.remaining, status: 'held' }] });
}

/**
 * Ends a hold: the lot continues as if it had never been held, available when its return window
 * has passed by `asOf`, else pending until its own date.
 * @example planReleaseHold(lot, now) // pending -40, available +40; lot status 'available'
 */
export function planReleaseHold(lot: LotView, asOf: string): LedgerPlan {
  if (lot.status !== 'held') throw new Error(`lot ${lot.id} is ${lot.status}, not held`);
  const due = lot.availableAt <= asOf;
  return balanced({
    postings: due ? moveBetween(lot, 'to-available') : [],
    lots: [{ op: 'update', lotId: lot.id, remaining: lot.remaining, status: due ? 'available' : 'pending' }],
  });
}

function moveBetween(lot: LotView, direction: 'to-pending' | 'to-available') {
  const sign = direction === 'to-pending' ? 1 : -1;
  return [
    { account: available(lot.memberId), amount: -sign * lot.remaining, lotId: lot.id },
    { account: pending(lot.memberId), amount: sign * lot.remaining, lotId: lot.id },
  ];
}
