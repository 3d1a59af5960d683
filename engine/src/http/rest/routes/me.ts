import { getMemberStatus, listMemberActivity, listRewards, redeemReward, revokeMemberToken, runtimeFor, type MemberPrincipal } from '../../../events';
import { requireProgramMember } from '../../../events/resolve-member';
import { updateMemberContact, type MemberRow } from '../../../members';
import type { DbTx } from '../../../db';
import { HttpProblem } from '../problem';
import { defineRoute, type RestRoute } from '../route';
import { tierOf } from '../scoping';
import { Redemption } from '../schemas/common';
import { MeProfile, UpdateMeBody } from '../schemas/members';
import { HistoryQuery, MeBalance, MeHistory, MeRedeemBody, MeRewards, MeTier } from '../schemas/me';

const tags = ['Member self-service'];
const auth = { kind: 'member-token' } as const;

function profile(db: DbTx, m: MemberRow) {
  return { id: m.id, cardNumber: m.cardNumber, email: m.email, phone: m.phone, firstName: m.firstName, birthDate: m.birthDate, locale: m.locale, consents: m.consents, tier: tierOf(db, m), joinedAt: m.joinedAt };
}

const me = (db: DbTx, p: MemberPrincipal) => requireProgramMember(db, p.programId, p.memberId);

/** Self-service for one member, authenticated by their token: only ever their own data. */
export const meRoutes: RestRoute[] = [
  defineRoute({
    method: 'get',
    path: '/me',
    summary: 'My profile, contact data and consents',
    tags,
    auth,
    responses: { 200: { description: 'Profile', schema: MeProfile } },
    handle: ({ principal, deps }) => ({ status: 200, body: profile(deps.db, me(deps.db, principal)) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/me',
    summary: 'Change my contact data and consents',
    description: 'Only contact data and consents; tier, points, status and card number cannot be set (400 naming the field).',
    tags,
    auth,
    body: UpdateMeBody,
    responses: { 200: { description: 'Updated profile', schema: MeProfile } },
    handle: ({ body, principal, deps }) => {
      const m = updateMemberContact({ ctx: { db: deps.db }, input: { ...body, programId: principal.programId, memberId: principal.memberId } });
      return { status: 200, body: profile(deps.db, m) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me/balance',
    summary: 'My points: available, pending, and expiring soon with dates',
    tags,
    auth,
    responses: { 200: { description: 'Balance', schema: MeBalance } },
    handle: ({ principal, deps }) => {
      const s = getMemberStatus({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: principal.memberId } });
      const { lifetimeEarned: _l, ...balance } = s.balance;
      return { status: 200, body: { pointsName: s.pointsName, ...balance } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me/tier',
    summary: 'My tier and progress to the next',
    tags,
    auth,
    responses: { 200: { description: 'Tier; 404 when the program has no tiers', schema: MeTier } },
    handle: ({ principal, deps }) => {
      const s = getMemberStatus({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: principal.memberId } });
      if (!s.tier) throw new HttpProblem(404, 'This program has no tiers.');
      return { status: 200, body: s.tier };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me/rewards',
    summary: 'Rewards I can afford and redeem now (and why not, for the others)',
    tags,
    auth,
    responses: { 200: { description: 'Catalog', schema: MeRewards } },
    handle: ({ principal, deps }) => {
      const m = me(deps.db, principal);
      const rewards = listRewards(deps.db, runtimeFor(deps.db, m.programId, m.id), m, { at: Date.now(), storeId: 'member' });
      const s = getMemberStatus({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: principal.memberId } });
      return { status: 200, body: { available: s.balance.available, rewards } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/me/history',
    summary: 'My points history, newest first',
    tags,
    auth,
    query: HistoryQuery,
    responses: { 200: { description: 'A page of history', schema: MeHistory } },
    handle: ({ query, principal, deps }) => ({
      status: 200,
      body: listMemberActivity({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: principal.memberId, limit: query.limit, cursor: query.cursor } }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/me/redemptions',
    summary: 'Redeem a reward for myself',
    tags,
    auth,
    body: MeRedeemBody,
    responses: { 201: { description: 'Redeemed', schema: Redemption } },
    handle: ({ body, principal, deps }) => ({
      status: 201,
      body: redeemReward({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: principal.memberId, rewardId: body.rewardId, storeId: 'member' } }),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/me/token',
    summary: 'Sign out: revoke the token of this request',
    tags,
    auth,
    responses: { 204: { description: 'Revoked' } },
    handle: ({ principal, deps }) => {
      revokeMemberToken({ ctx: { db: deps.db, actor: { type: 'member', id: principal.memberId } }, input: { programId: principal.programId, memberId: principal.memberId, tokenId: principal.tokenId } });
      return { status: 204 };
    },
  }),
];
