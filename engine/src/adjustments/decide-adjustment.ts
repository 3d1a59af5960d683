import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit';
import type { StaffPrincipal } from '../auth/sessions';
import type { DbTx } from '../db';
import { adjustmentRequests } from '../db/schema/adjustments';
import { DomainError } from '../errors';
import { adjustPoints } from '../ledger/adjust-points';
import { refuseOwnAccount } from './guards';

export const DecideAdjustmentInput = z
  .object({
    requestId: z.string().min(1),
    approve: z.boolean(),
    note: z.string().trim().max(500).default(''),
  })
  .strict();
export type DecideAdjustmentInput = z.input<typeof DecideAdjustmentInput>;

/**
 * The second person's decision on a large adjustment. The requester cannot decide their own
 * request, and nobody can approve points for their own member account.
 */
export function decideAdjustment({ ctx, input }: { ctx: { db: DbTx; staff: StaffPrincipal }; input: DecideAdjustmentInput }) {
  const data = DecideAdjustmentInput.parse(input);
  return ctx.db.transaction((tx) => {
    const request = tx.select().from(adjustmentRequests).where(eq(adjustmentRequests.id, data.requestId)).get();
    if (!request) throw new DomainError('not_found', 'That adjustment request does not exist.');
    if (request.status !== 'pending') throw new DomainError('conflict', `This adjustment was already ${request.status}.`);
    if (request.requestedBy === ctx.staff.userId) {
      throw new DomainError('forbidden', 'A second person must approve this adjustment; you asked for it yourself.');
    }
    refuseOwnAccount(tx, ctx.staff, request.memberId);
    const decided = {
      status: data.approve ? ('applied' as const) : ('rejected' as const),
      decidedBy: ctx.staff.userId,
      decidedAt: new Date().toISOString(),
      decisionNote: data.note || null,
    };
    // The request row is a workflow record, not money: the ledger transaction is the fact.
    tx.update(adjustmentRequests).set(decided).where(eq(adjustmentRequests.id, request.id)).run();
    if (data.approve) {
      adjustPoints({
        ctx: { db: tx },
        input: { transactionId: `adjust:${request.id}`, programId: request.programId, memberId: request.memberId, points: request.points, reason: request.reason, actor: request.requestedBy, metadata: { approvedBy: ctx.staff.userId } },
      });
    }
    appendAudit(tx, {
      actor: { type: 'staff', id: ctx.staff.userId },
      action: data.approve ? 'adjustment.approved' : 'adjustment.rejected',
      entityType: 'member',
      entityId: request.memberId,
      before: { requestId: request.id, status: 'pending' },
      after: { requestId: request.id, status: decided.status, points: request.points },
      reason: data.note || undefined,
    });
    return { ...request, ...decided };
  });
}
