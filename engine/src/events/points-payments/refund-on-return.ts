import { and, eq, sql } from 'drizzle-orm';
import type { DbTx } from '../../db';
import { pointsPayments, purchaseReturns } from '../../db/schema';
import { refundPoints } from '../../ledger';
import type { Expiry } from '../../spec';

/**
 * The points of a payment that belong back to the member once `returned` of `gross` money is
 * returned in total: the same share of the points, rounded down until everything is returned.
 * @example refundedShare(500, 30, 120) // 125
 */
export function refundedShare(points: number, returned: number, gross: number): number {
  if (gross <= 0) return points;
  return Math.floor(points * Math.min(1, returned / gross) + 1e-9);
}

/**
 * On a return of a purchase partly paid with points, gives the points back in proportion to the
 * money returned (line prices), counting earlier returns of the same purchase so partial returns
 * add up to exactly the points paid. Runs in the return's transaction before the return row is
 * written. Returns the points refunded (0 without a committed points payment).
 * @example refundPointsOnReturn(tx, { programId, purchaseId, memberId, returnId, returned: 30, occurredAt, expiry }) // 125
 */
export function refundPointsOnReturn(
  tx: DbTx,
  args: { programId: string; purchaseId: string; memberId: string; returnId: string; returned: number; occurredAt: string; expiry: Expiry },
): number {
  const payment = tx.select().from(pointsPayments).where(and(eq(pointsPayments.purchaseId, args.purchaseId), eq(pointsPayments.status, 'committed'))).get();
  if (!payment) return 0;
  const before = tx.select({ s: sql<number>`coalesce(sum(${purchaseReturns.amount}), 0)` }).from(purchaseReturns).where(eq(purchaseReturns.purchaseId, args.purchaseId)).get()!.s;
  const gross = tx.get<{ g: number }>(sql`select coalesce(sum(price * quantity), 0) as g from purchase_lines where purchase_id = ${args.purchaseId}`).g;
  const points = refundedShare(payment.points, before + args.returned, gross) - refundedShare(payment.points, before, gross);
  if (points <= 0) return 0;
  refundPoints({
    ctx: { db: tx },
    input: {
      transactionId: `refund:${args.returnId}`,
      programId: args.programId,
      memberId: args.memberId,
      points,
      sourceRef: `return:${args.returnId}`,
      reason: 'Goods paid partly with points were returned',
      expiry: args.expiry,
      occurredAt: args.occurredAt,
      metadata: { pointsPaymentId: payment.id, purchaseId: args.purchaseId },
    },
  });
  return points;
}
