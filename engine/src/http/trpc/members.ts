import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { decideAdjustment, DecideAdjustmentInput, requestAdjustment, RequestAdjustmentInput } from '../../adjustments';
import { appendAudit } from '../../audit/append-audit';
import type { DbTx } from '../../db';
import { adjustmentRequests } from '../../db/schema/adjustments';
import { members } from '../../db/schema/members';
import { DomainError } from '../../errors';
import { listMemberJourneys } from '../../journeys/list-member-journeys';
import { getBalance } from '../../ledger/get-balance';
import { decideHeldPoints, DecideHeldPointsInput, listHeldPoints } from '../../ledger/hold-points';
import { listMemberHistory } from '../../ledger/list-member-history';
import { mergeMembers } from '../../members/merge-members';
import { searchMembers, SearchMembersInput } from '../../members/search-members';
import { listMemberMessages } from '../../messages/list-member-messages';
import { router, staffProcedure } from './init';

const MemberRef = z.object({ programId: z.string().min(1), memberId: z.string().min(1) }).strict();

/** The member, when it belongs to the program. */
function memberOf(db: DbTx, ref: { programId: string; memberId: string }) {
  const member = db.select().from(members).where(eq(members.id, ref.memberId)).get();
  if (!member || member.programId !== ref.programId) throw new DomainError('not_found', 'That member does not exist in this program.');
  return member;
}

const MESSAGES_PAGE = 20;

export const membersRouter = router({
  search: staffProcedure('members.read').input(SearchMembersInput).query(({ ctx, input }) => searchMembers({ ctx, input })),
  /** Profile, balance (available, pending, expiring), tier, the latest history, messages and journey runs for support. */
  get: staffProcedure('members.read')
    .input(MemberRef.extend({ historyCursor: z.string().optional() }))
    .query(({ ctx, input }) => {
      const member = memberOf(ctx.db, input);
      return {
        member,
        balance: getBalance({ ctx, input: { programId: input.programId, memberId: member.id } }),
        history: listMemberHistory({ ctx, input: { programId: input.programId, memberId: member.id, limit: 25, cursor: input.historyCursor } }),
        heldPoints: listHeldPoints(ctx.db, { programId: input.programId, memberId: member.id }),
        adjustments: ctx.db.select().from(adjustmentRequests).where(eq(adjustmentRequests.memberId, member.id)).orderBy(desc(adjustmentRequests.requestedAt)).all(),
        messages: listMemberMessages({ ctx, input: { programId: input.programId, memberId: member.id, limit: MESSAGES_PAGE } }),
        journeys: listMemberJourneys({ ctx, input: { programId: input.programId, memberId: member.id } }),
      };
    }),
  /** The next page of messages journeys sent the member, or did not send and why ("Show more"). */
  messages: staffProcedure('members.read')
    .input(MemberRef.extend({ cursor: z.string().optional() }))
    .query(({ ctx, input }) => {
      const member = memberOf(ctx.db, input);
      return listMemberMessages({ ctx, input: { programId: input.programId, memberId: member.id, limit: MESSAGES_PAGE, cursor: input.cursor } });
    }),
  adjust: staffProcedure('members.adjust')
    .input(RequestAdjustmentInput)
    .mutation(({ ctx, input }) => requestAdjustment({ ctx: { db: ctx.db, staff: ctx.principal, approvalThreshold: ctx.settings.adjustmentApprovalThreshold }, input })),
  pendingAdjustments: staffProcedure('adjustments.approve')
    .input(z.object({ programId: z.string().min(1) }).strict())
    .query(({ ctx, input }) =>
      ctx.db.select().from(adjustmentRequests).where(eq(adjustmentRequests.programId, input.programId)).orderBy(desc(adjustmentRequests.requestedAt)).all().filter((r) => r.status === 'pending'),
    ),
  decideAdjustment: staffProcedure('adjustments.approve')
    .input(DecideAdjustmentInput)
    .mutation(({ ctx, input }) => decideAdjustment({ ctx: { db: ctx.db, staff: ctx.principal }, input })),
  /** Points a fraud rule held: release them to the member or take them back, with a reason (audited). */
  decideHeldPoints: staffProcedure('members.adjust')
    .input(DecideHeldPointsInput.omit({ actor: true, occurredAt: true }).strict())
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => {
        const posted = decideHeldPoints({ ctx: { db: tx }, input: { ...input, actor: ctx.principal.userId } });
        if (!posted.replayed) {
          appendAudit(tx, {
            actor: { type: 'staff', id: ctx.principal.userId },
            action: input.decision === 'release' ? 'points.hold-released' : 'points.hold-forfeited',
            entityType: 'member',
            entityId: posted.transaction.memberId,
            before: { earnTransactionId: input.earnTransactionId, status: 'held' },
            after: { transactionId: posted.transaction.id },
            reason: input.reason,
          });
        }
        return { transactionId: posted.transaction.id, replayed: posted.replayed };
      }),
    ),
  /** Moves the duplicate's points and history into the member that carries on. */
  merge: staffProcedure('members.merge')
    .input(z.object({ programId: z.string().min(1), sourceMemberId: z.string().min(1), targetMemberId: z.string().min(1), reason: z.string().trim().min(3).max(500) }).strict())
    .mutation(({ ctx, input }) =>
      ctx.db.transaction((tx) => {
        const result = mergeMembers({ ctx: { db: tx }, input: { ...input, actor: ctx.principal.userId } });
        if (result.merged) {
          appendAudit(tx, {
            actor: { type: 'staff', id: ctx.principal.userId },
            action: 'member.merged',
            entityType: 'member',
            entityId: input.targetMemberId,
            before: { sourceMemberId: input.sourceMemberId },
            after: { mergedInto: input.targetMemberId },
            reason: input.reason,
          });
        }
        return { targetMemberId: result.target.id, merged: result.merged };
      }),
    ),
});
