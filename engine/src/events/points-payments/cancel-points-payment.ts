import { eq } from 'drizzle-orm';
import type { DbTx } from '../../db';
import { pointsPayments } from '../../db/schema';
import { cancelReservation } from '../../ledger';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { writeEvent } from '../domain-events';
import { ResolvePointsPaymentInput } from './inputs';
import { notHeldPayment, pointsPaymentView, requirePointsPayment, reservationOf, type PointsPaymentView } from './points-payment-store';

/**
 * Second step at the till, the sale did not happen (or the member pays in money after all): the
 * held points go back to the lots they came from. A lapsed or resolved payment is a conflict.
 * @example cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'amsterdam', pointsPaymentId } }).status // 'cancelled'
 */
export function cancelPointsPayment({ ctx, input }: { ctx: { db: DbTx }; input: ResolvePointsPaymentInput }): PointsPaymentView {
  const req = ResolvePointsPaymentInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    const row = requirePointsPayment(tx, req.programId, req.storeId, req.pointsPaymentId);
    const refused = notHeldPayment(row, at);
    if (refused) throw refused;
    const released = cancelReservation({
      ctx: { db: tx },
      input: { transactionId: `pay-cancel:${row.id}`, programId: req.programId, reservationId: reservationOf(row), reason: 'points payment cancelled at the till', occurredAt: at },
    });
    const changes = { status: 'cancelled' as const, releaseTransactionId: released.transaction.id, resolvedAt: at };
    tx.update(pointsPayments).set(changes).where(eq(pointsPayments.id, row.id)).run();
    writeEvent(tx, { id: `${row.id}:points-payment-cancelled`, type: 'points-payment-cancelled', programId: req.programId, memberId: row.memberId, payload: { pointsPaymentId: row.id, points: row.points, amount: row.amount }, at });
    return pointsPaymentView(tx, { ...row, ...changes }, at);
  }, WRITE_TRANSACTION);
}
