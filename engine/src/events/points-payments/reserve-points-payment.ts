import type { DbTx } from '../../db';
import { timeOrderedId } from '../../ids';
import { reservePoints } from '../../ledger';
import { WRITE_TRANSACTION } from '../../ledger/common-input';
import { writeEvent } from '../domain-events';
import { PayWithPointsInput } from './inputs';
import { insertPointsPayment, pointsPaymentView, preparePointsPayment, releaseLapsedPointsPayments, type PointsPaymentView } from './points-payment-store';

/**
 * First step of paying part of a purchase with points at a till: checks the spending rules and
 * holds the points in the ledger for the program's `reservationMinutes`. Commit when the sale
 * completes (or post the purchase with `pointsPaymentId`), cancel when it does not; a hold that
 * lapses gives the points back.
 * @example reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'amsterdam', member: { cardNumber }, basketTotal: 80, amount: 10 } }).holdExpiresAt
 */
export function reservePointsPayment({ ctx, input }: { ctx: { db: DbTx }; input: PayWithPointsInput }): PointsPaymentView {
  const req = PayWithPointsInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    releaseLapsedPointsPayments(tx, req.programId, at);
    const { member, runtime, amount, points } = preparePointsPayment(tx, req);
    const id = timeOrderedId();
    const held = reservePoints({
      ctx: { db: tx },
      input: {
        transactionId: `pay-reserve:${id}`,
        programId: req.programId,
        memberId: member.id,
        points,
        holdMinutes: runtime.spec.spending.reservationMinutes,
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
      { status: 'reserved', reserveTransactionId: held.transaction.id, holdExpiresAt: held.expiresAt },
    );
    writeEvent(tx, { id: `${id}:points-payment-reserved`, type: 'points-payment-reserved', programId: req.programId, memberId: member.id, payload: { pointsPaymentId: id, points, amount, holdExpiresAt: held.expiresAt }, at });
    return pointsPaymentView(tx, row, at);
  }, WRITE_TRANSACTION);
}
