import { available, pending } from './accounts';
import { balanced, type LedgerPlan, type LotView } from './plan-types';

/**
 * Moves a pending lot whose return window has passed to available.
 * @example planRelease(lot, '2025-03-15T00:00:00.000Z') // pending -n, available +n; lot status 'available'
 */
export function planRelease(lot: LotView, asOf: string): LedgerPlan {
  if (lot.status !== 'pending') throw new Error(`lot ${lot.id} is ${lot.status}, not pending`);
  if (lot.availableAt > asOf) throw new Error(`lot ${lot.id} is pending until ${lot.availableAt}`);
  return balanced({
    postings: [
      { account: pending(lot.memberId), amount: -lot.remaining, lotId: lot.id },
      { account: available(lot.memberId), amount: lot.remaining, lotId: lot.id },
    ],
    lots: [{ op: 'update', lotId: lot.id, remaining: lot.remaining, status: 'available' }],
  });
}
