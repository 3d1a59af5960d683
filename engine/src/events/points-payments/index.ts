/**
 * Paying part of a purchase with points (spending rule `allowPartialPayWithPoints`): one step for
 * web shops, reserve then commit or cancel for tills, and the link to the purchase it paid for.
 * @example
 *   const p = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'amsterdam', memberId, basketTotal: 80, amount: 10 } });
 *   processPurchase({ ctx: { db }, input: { programId, storeId: 'amsterdam', receiptNumber: 'R-1', member: { memberId }, pointsPaymentId: p.id, items } });
 */
export { cancelPointsPayment } from './cancel-points-payment';
export { commitPointsPayment } from './commit-points-payment';
export { PayWithPointsInput, ResolvePointsPaymentInput } from './inputs';
export { payWithPoints } from './pay-with-points';
export { amountFor, maxPointsPayment, planPointsPayment, pointsFor, type PointsPaymentAsk, type PointsPaymentPlan, type PointsPaymentRefusal } from './plan-points-payment';
export { releaseLapsedPointsPayments, type PointsPaymentView } from './points-payment-store';
export { cashShareBasis, settlePurchasePointsPayment, type PurchasePointsPayment } from './purchase-points-payment';
export { refundedShare, refundPointsOnReturn } from './refund-on-return';
export { reservePointsPayment } from './reserve-points-payment';
