import { eq } from 'drizzle-orm';
import type { DbTx } from '../../db';
import { pointsPayments } from '../../db/schema';
import { commitReservation } from '../../ledger';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { writeEvent } from '../domain-events';
import { ResolvePointsPaymentInput } from './inputs';
import { notHeldPayment, pointsPaymentView, requirePointsPayment, reservationOf, type PointsPaymentRow, type PointsPaymentView } from './points-payment-store';

/**
 * Second step at the till, the sale went through: the held points are spent and `points-paid` is
 * written. Payments of another store are not found; a lapsed or resolved one is a conflict.
 * Posting the purchase with `pointsPaymentId` commits it too, so a till may skip this call.
 * @example commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'amsterdam', pointsPaymentId } }).status // 'committed'
 */
export function commitPointsPayment({ ctx, input }: { ctx: { db: DbTx }; input: ResolvePointsPaymentInput }): PointsPaymentView {
  const req = ResolvePointsPaymentInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    const row = requirePointsPayment(tx, req.programId, req.storeId, req.pointsPaymentId);
    return pointsPaymentView(tx, commitHeldPayment(tx, row, at), at);
  }, WRITE_TRANSACTION);
}

/**
 * Commits a reserved payment in the caller's transaction (the commit service, or the purchase
 * it pays for, whose id is then recorded with it).
 * @throws DomainError('conflict') when the hold lapsed or the payment is resolved.
 */
export function commitHeldPayment(tx: DbTx, row: PointsPaymentRow, at: string, purchaseId: string | null = null): PointsPaymentRow {
  const refused = notHeldPayment(row, at);
  if (refused) throw refused;
  const posted = commitReservation({
    ctx: { db: tx },
    input: { transactionId: `pay-commit:${row.id}`, programId: row.programId, reservationId: reservationOf(row), sourceRef: `points-payment:${row.id}`, occurredAt: at, metadata: { pointsPaymentId: row.id, amount: row.amount } },
  });
  const changes = { status: 'committed' as const, paymentTransactionId: posted.transaction.id, purchaseId: purchaseId ?? row.purchaseId, resolvedAt: at };
  tx.update(pointsPayments).set(changes).where(eq(pointsPayments.id, row.id)).run();
  writeEvent(tx, { id: `${row.id}:points-paid`, type: 'points-paid', programId: row.programId, memberId: row.memberId, payload: { pointsPaymentId: row.id, points: row.points, amount: row.amount, versionId: row.versionId, purchaseId: changes.purchaseId }, at });
  return { ...row, ...changes };
}
