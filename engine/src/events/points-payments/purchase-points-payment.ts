import { eq } from 'drizzle-orm';
import type { DbTx } from '../../db';
import { pointsPayments } from '../../db/schema';
import { DomainError } from '../../errors';
import { memberById, survivor } from '../../members';
import type { FactItem } from '../../rules';
import { commitHeldPayment } from './commit-points-payment';
import { notHeldPayment, requirePointsPayment } from './points-payment-store';

/** The points payment a purchase used, as the purchase reports it. */
export type PurchasePointsPayment = { id: string; amount: number; points: number };

/**
 * Settles the points payment a purchase names (`pointsPaymentId`), in the purchase's
 * transaction: a still-reserved payment is committed now, an already committed one (one step,
 * or committed at the till) is taken as it is; either way it is linked to this purchase. The
 * payment must be this store's, of the purchase's member, not used by another purchase and no
 * larger than the purchase.
 * @throws DomainError: not_found (unknown here), unprocessable (other member, none, or more than the total), conflict (used, cancelled or lapsed).
 * @example settlePurchasePointsPayment(tx, { programId, storeId, pointsPaymentId, memberId, purchaseId, total: 80 }) // { id, amount: 10, points: 500 }
 */
export function settlePurchasePointsPayment(
  tx: DbTx,
  args: { programId: string; storeId: string; pointsPaymentId: string; memberId: string | undefined; purchaseId: string; total: number; currency: string },
): PurchasePointsPayment {
  const row = requirePointsPayment(tx, args.programId, args.storeId, args.pointsPaymentId);
  const name = `Points payment '${row.id}'`;
  if (!args.memberId) throw new DomainError('unprocessable', `${name} was made by a member; identify that member on the purchase.`, { reason: 'member-required' });
  if (row.memberId !== args.memberId && payerNow(tx, row.memberId) !== args.memberId) {
    throw new DomainError('unprocessable', `${name} was made by another member; post the purchase for the member who paid with points.`, { reason: 'other-member' });
  }
  if (row.purchaseId) throw new DomainError('conflict', `${name} already paid for purchase '${row.purchaseId}'; take a new points payment for this purchase.`, { purchaseId: row.purchaseId });
  if (row.amount > args.total + 1e-9) {
    throw new DomainError('unprocessable', `${name} covers ${row.amount.toFixed(2)} ${args.currency}, more than this purchase's total of ${args.total.toFixed(2)} ${args.currency}; cancel it and pay with points again for this basket.`, { reason: 'more-than-total' });
  }
  // The hold lives in real time, whatever time the purchase reports it happened at.
  const now = new Date().toISOString();
  if (row.status === 'reserved') commitHeldPayment(tx, row, now, args.purchaseId);
  else if (row.status === 'committed') tx.update(pointsPayments).set({ purchaseId: args.purchaseId }).where(eq(pointsPayments.id, row.id)).run();
  else throw notHeldPayment(row, now) ?? new DomainError('conflict', `${name} is ${row.status}.`);
  return { id: row.id, amount: row.amount, points: row.points };
}

/** Who carries on for the member who paid (members merged since lead to the survivor). */
function payerNow(tx: DbTx, memberId: string): string | undefined {
  const m = memberById(tx, memberId);
  return m ? survivor(tx, m).id : undefined;
}

/**
 * What the earning rules see of a purchase partly paid with points: line prices and the total
 * scaled by the share paid in money, `1 - paid / total`, so the member earns on that share only.
 * Stored lines keep their real prices; returns reverse what each line earned, so they stay exact.
 * @example cashShareBasis([{ ref: '1', sku: 'A', quantity: 1, price: 80 }], 80, 20) // { items: [{ ..., price: 60 }], total: 60 }
 */
export function cashShareBasis(items: FactItem[], total: number, paidWithPoints: number): { items: FactItem[]; total: number } {
  if (paidWithPoints <= 0 || total <= 0) return { items, total };
  const share = Math.max(0, 1 - paidWithPoints / total);
  return { items: items.map((i) => ({ ...i, price: i.price * share })), total: Math.round(total * share * 100) / 100 };
}
