import { cancelPointsPayment, commitPointsPayment, payWithPoints, reservePointsPayment } from '../../../events';
import { defineRoute, type RestRoute } from '../route';
import { storeOf } from '../scoping';
import { EmptyBody } from '../schemas/events';
import { PointsPayment, PointsPaymentBody, PointsPaymentParams } from '../schemas/points-payments';

const tags = ['Points payments'];
// Paying with points spends points like a reward does, so it takes the same scope.
const auth = { kind: 'api-key', scope: 'redemptions:write' } as const;
const refusals =
  'Refused (422) with the reason when the program does not allow paying with points, the amount is over the largest share of the basket (the maximum is named), the member is below the minimum balance, has too few points (the available points are named) or is not active.';

/** Paying part of a purchase with points: one step (web shop) and reserve, commit, cancel (tills). */
export const pointsPaymentRoutes: RestRoute[] = [
  defineRoute({
    method: 'post',
    path: '/points-payments',
    summary: 'Pay part of a purchase with points in one step (web shop)',
    description: `Spends the points at once. Send the order to POST /purchases with pointsPaymentId so the member earns on the part paid in money only. ${refusals}`,
    tags,
    auth,
    body: PointsPaymentBody,
    responses: { 201: { description: 'Paid', schema: PointsPayment } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: payWithPoints({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/points-payments/reservations',
    summary: 'Reserve a points payment at the till (holds the points until commit, cancel or expiry)',
    description: `Holds the points for the program's reservationMinutes. Commit it when the sale completes, or post the purchase with pointsPaymentId, which commits it in the same step; cancel it when the sale does not happen. ${refusals}`,
    tags,
    auth,
    body: PointsPaymentBody,
    responses: { 201: { description: 'Reserved; commit or cancel before holdExpiresAt', schema: PointsPayment } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: reservePointsPayment({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/points-payments/reservations/{id}/commit',
    summary: 'Commit a reserved points payment: the sale went through',
    description: 'Only the store that reserved it can commit it. A lapsed hold is refused (409): reserve again.',
    tags,
    auth,
    params: PointsPaymentParams,
    body: EmptyBody,
    bodyOptional: true,
    responses: { 200: { description: 'Committed', schema: PointsPayment } },
    handle: ({ params, principal, deps }) => ({
      status: 200,
      body: commitPointsPayment({ ctx: { db: deps.db }, input: { programId: principal.programId, storeId: principal.storeId, pointsPaymentId: params.id } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/points-payments/reservations/{id}/cancel',
    summary: 'Cancel a reserved points payment: the points go back',
    tags,
    auth,
    params: PointsPaymentParams,
    body: EmptyBody,
    bodyOptional: true,
    responses: { 200: { description: 'Cancelled', schema: PointsPayment } },
    handle: ({ params, principal, deps }) => ({
      status: 200,
      body: cancelPointsPayment({ ctx: { db: deps.db }, input: { programId: principal.programId, storeId: principal.storeId, pointsPaymentId: params.id } }),
    }),
  }),
];
