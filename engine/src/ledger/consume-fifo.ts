import { DomainError } from '../errors';
import { isPastExpiry } from './expiry-dates';
import type { LotChange, LotView } from './plan-types';

export type Allocation = { lot: LotView; amount: number };

/**
 * Lots a member can spend at `asOf`, in the order they are spent: soonest expiry first
 * (lots without an expiry date last), then oldest earned first.
 * Lots already past their expiry date are not spendable even before the expiry run removes them.
 * @example spendableLots(lots, now).reduce((s, l) => s + l.remaining, 0) // spendable points
 */
export function spendableLots(lots: readonly LotView[], asOf: string): LotView[] {
  return lots
    .filter((l) => l.status === 'available' && l.remaining > 0 && !isPastExpiry(l, asOf))
    .sort(
      (a, b) =>
        compareNullableLast(a.expiresAt, b.expiresAt) ||
        a.earnedAt.localeCompare(b.earnedAt) ||
        a.id.localeCompare(b.id),
    );
}

function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/**
 * Takes `points` from the spendable lots first-expiring-first.
 * @throws DomainError('unprocessable') when the member has fewer spendable points.
 * @example consumeFifo(lots, 120, now).allocations // [{ lot: lotA, amount: 100 }, { lot: lotB, amount: 20 }]
 */
export function consumeFifo(
  lots: readonly LotView[],
  points: number,
  asOf: string,
): { allocations: Allocation[]; changes: LotChange[] } {
  if (!Number.isSafeInteger(points) || points <= 0) throw new Error(`points to spend must be a positive integer, got ${points}`);
  const spendable = spendableLots(lots, asOf);
  const total = spendable.reduce((sum, l) => sum + l.remaining, 0);
  if (total < points) {
    throw new DomainError('unprocessable', `The member has ${total} points to spend, ${points} are needed.`, {
      spendable: total,
      requested: points,
    });
  }
  const allocations: Allocation[] = [];
  const changes: LotChange[] = [];
  let left = points;
  for (const lot of spendable) {
    if (left === 0) break;
    const amount = Math.min(lot.remaining, left);
    left -= amount;
    const remaining = lot.remaining - amount;
    allocations.push({ lot, amount });
    changes.push({ op: 'update', lotId: lot.id, remaining, status: remaining === 0 ? 'consumed' : 'available' });
  }
  return { allocations, changes };
}
