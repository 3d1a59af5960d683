import { enrolMember, issueMemberToken, revokeMemberToken } from '../../../events';
import { requireProgramMember } from '../../../events/resolve-member';
import { identifyMember } from '../../../members';
import { defineRoute, type RestRoute } from '../route';
import { memberSummary, tierOf } from '../scoping';
import { MemberSummary } from '../schemas/common';
import { IdentifyQuery, IssuedToken, IssueTokenBody, MemberIdParams, SignUpBody, SignUpResponse, TokenParams } from '../schemas/members';

const tags = ['Members'];

/** Member sign-up, identification and member tokens, for tills and shops. */
export const memberRoutes: RestRoute[] = [
  defineRoute({
    method: 'post',
    path: '/members',
    summary: 'Sign a member up (minimal data; existing contacts return the existing member)',
    description: 'Contacts are normalised (phone to E.164, email lowercased) and de-duplicated: a contact that already belongs to a member returns that member with created=false (200). New members get the entry tier and the sign-up bonus.',
    tags,
    auth: { kind: 'api-key', scope: 'members:write' },
    body: SignUpBody,
    responses: { 201: { description: 'Member created', schema: SignUpResponse }, 200: { description: 'The contact belongs to an existing member', schema: SignUpResponse } },
    handle: ({ body, principal, deps }) => {
      const { channel, attributes, ...rest } = body;
      const { member, created, signUp } = enrolMember({
        ctx: { db: deps.db },
        input: { ...rest, programId: principal.programId, attributes: { ...attributes, signupChannel: channel ?? 'store' } },
      });
      return {
        status: created ? 201 : 200,
        body: { created, member: { id: member.id, cardNumber: member.cardNumber, tier: tierOf(deps.db, member), joinedAt: member.joinedAt }, welcomePoints: signUp?.points ?? 0 },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/members/identify',
    summary: 'Identify a member by card number, phone or email',
    tags,
    auth: { kind: 'api-key', scope: 'members:read' },
    query: IdentifyQuery,
    responses: { 200: { description: 'The member (merged members lead to the member they were merged into)', schema: MemberSummary } },
    handle: ({ query, principal, deps }) => {
      const { member } = identifyMember({ ctx: { db: deps.db }, input: { programId: principal.programId, cardNumber: query.card, phone: query.phone, email: query.email, defaultCountry: query.country } });
      return { status: 200, body: memberSummary(deps.db, member) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/members/{id}/tokens',
    summary: 'Issue a self-service token for a member (after the shop signed them in)',
    tags,
    auth: { kind: 'api-key', scope: 'members:write' },
    params: MemberIdParams,
    body: IssueTokenBody,
    bodyOptional: true,
    responses: { 201: { description: 'The token, shown once', schema: IssuedToken } },
    handle: ({ params, body, principal, deps }) => ({
      status: 201,
      body: issueMemberToken({ ctx: { db: deps.db }, input: { programId: principal.programId, memberId: params.id, issuedByKeyId: principal.keyId, ttlHours: body.ttlHours } }),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/members/{id}/tokens/{tokenId}',
    summary: "Revoke a member's token (e.g. on sign-out in the shop)",
    tags,
    auth: { kind: 'api-key', scope: 'members:write' },
    params: TokenParams,
    responses: { 204: { description: 'Revoked' } },
    handle: ({ params, principal, deps }) => {
      requireProgramMember(deps.db, principal.programId, params.id);
      revokeMemberToken({ ctx: { db: deps.db, actor: { type: 'api-key', id: principal.keyId } }, input: { programId: principal.programId, memberId: params.id, tokenId: params.tokenId } });
      return { status: 204 };
    },
  }),
];
