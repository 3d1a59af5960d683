import { cancelRewardReservation, commitRewardReservation, redeemReward, reserveReward } from '../../../events';
import { defineRoute, type RestRoute } from '../route';
import { storeOf } from '../scoping';
import { Redemption } from '../schemas/common';
import { EmptyBody, RedeemBody, ReservationParams } from '../schemas/events';

const tags = ['Redemptions'];
const auth = { kind: 'api-key', scope: 'redemptions:write' } as const;

/** One-step redemption (web) and two-step reserve, commit, cancel (tills). */
export const redemptionRoutes: RestRoute[] = [
  defineRoute({
    method: 'post',
    path: '/redemptions',
    summary: 'Redeem a reward in one step (web shop, app)',
    description: 'Checks tier, eligibility, stock, the minimum balance, the cost and (with basketTotal) the largest share of the basket payable with points; refusals say exactly why (422, or 409 when out of stock).',
    tags,
    auth,
    body: RedeemBody,
    responses: { 201: { description: 'Redeemed', schema: Redemption } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: redeemReward({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/redemptions/reservations',
    summary: 'Reserve a reward at the till (holds points and stock until commit, cancel or expiry)',
    tags,
    auth,
    body: RedeemBody,
    responses: { 201: { description: 'Reserved; commit or cancel before holdExpiresAt', schema: Redemption } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: reserveReward({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, storeId: storeOf(principal, body.storeId) } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/redemptions/reservations/{id}/commit',
    summary: 'Commit a reservation: the sale went through',
    tags,
    auth,
    params: ReservationParams,
    body: EmptyBody,
    bodyOptional: true,
    responses: { 200: { description: 'Redeemed', schema: Redemption } },
    handle: ({ params, principal, deps }) => ({
      status: 200,
      body: commitRewardReservation({ ctx: { db: deps.db }, input: { programId: principal.programId, storeId: principal.storeId, reservationId: params.id } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/redemptions/reservations/{id}/cancel',
    summary: 'Cancel a reservation: points and stock go back',
    tags,
    auth,
    params: ReservationParams,
    body: EmptyBody,
    bodyOptional: true,
    responses: { 200: { description: 'Cancelled', schema: Redemption } },
    handle: ({ params, principal, deps }) => ({
      status: 200,
      body: cancelRewardReservation({ ctx: { db: deps.db }, input: { programId: principal.programId, storeId: principal.storeId, reservationId: params.id } }),
    }),
  }),
];
