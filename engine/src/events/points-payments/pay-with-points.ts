import type { DbTx } from '../../db';
import { timeOrderedId } from '../../ids';
import { redeemPoints } from '../../ledger';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { writeEvent } from '../domain-events';
import { PayWithPointsInput } from './inputs';
import { insertPointsPayment, pointsPaymentView, preparePointsPayment, releaseLapsedPointsPayments, type PointsPaymentView } from './points-payment-store';

/**
 * One-step points payment (web shop checkout): checks the spending rules and spends the points
 * at once (`committed`), in one BEGIN IMMEDIATE transaction with `points-paid` (and the ledger's
 * `points-redeemed`). Post the order as a purchase with `pointsPaymentId` so the member earns on
 * the part paid in money only.
 * @example payWithPoints({ ctx: { db }, input: { programId, storeId: 'web', memberId, basketTotal: 80, points: 500 } }).amount // 10
 */
export function payWithPoints({ ctx, input }: { ctx: { db: DbTx }; input: PayWithPointsInput }): PointsPaymentView {
  const req = PayWithPointsInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    releaseLapsedPointsPayments(tx, req.programId, at);
    const { member, runtime, amount, points } = preparePointsPayment(tx, req);
    const id = timeOrderedId();
    const spent = redeemPoints({
      ctx: { db: tx },
      input: {
        transactionId: `pay:${id}`,
        programId: req.programId,
        memberId: member.id,
        points,
        minBalance: runtime.spec.spending.minBalance,
        programVersionId: runtime.versionId,
        sourceRef: `points-payment:${id}`,
        occurredAt: at,
        metadata: { pointsPaymentId: id, amount, basketTotal: req.basketTotal },
      },
    });
    const row = insertPointsPayment(
      tx,
      { id, programId: req.programId, memberId: member.id, versionId: runtime.versionId, storeId: req.storeId, amount, points, basketTotal: req.basketTotal, at },
      { status: 'committed', paymentTransactionId: spent.transaction.id },
    );
    writeEvent(tx, { id: `${id}:points-paid`, type: 'points-paid', programId: req.programId, memberId: member.id, payload: { pointsPaymentId: id, points, amount, versionId: runtime.versionId }, at });
    return pointsPaymentView(tx, row, at);
  }, WRITE_TRANSACTION);
}
