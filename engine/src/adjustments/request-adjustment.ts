import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit';
import type { StaffPrincipal } from '../auth/sessions';
import type { DbTx } from '../db';
import { adjustmentRequests } from '../db/schema/adjustments';
import { adjustPoints } from '../ledger/adjust-points';
import { refuseOwnAccount } from './guards';

export const RequestAdjustmentInput = z
  .object({
    programId: z.string().min(1),
    memberId: z.string().min(1),
    points: z.number().int().refine((n) => n !== 0, { error: 'Enter a number of points other than 0.' }).refine((n) => Math.abs(n) <= 1_000_000, {
      error: 'Adjustments are limited to 1,000,000 points.',
    }),
    reason: z.string().trim().min(10, { error: 'Say why, in at least 10 characters (it is kept in the audit log).' }).max(500),
  })
  .strict();
export type RequestAdjustmentInput = z.input<typeof RequestAdjustmentInput>;

/**
 * A support agent's manual adjustment. Up to `approvalThreshold` points (either way) it is
 * applied at once; above it, it waits for a second person (see decideAdjustment).
 * @example requestAdjustment({ ctx: { db, staff, approvalThreshold: 500 }, input: { programId, memberId, points: 50, reason: 'Goodwill: late delivery' } })
 */
export function requestAdjustment({ ctx, input }: { ctx: { db: DbTx; staff: StaffPrincipal; approvalThreshold: number }; input: RequestAdjustmentInput }) {
  const data = RequestAdjustmentInput.parse(input);
  return ctx.db.transaction((tx) => {
    refuseOwnAccount(tx, ctx.staff, data.memberId);
    const now = new Date().toISOString();
    const needsApproval = Math.abs(data.points) > ctx.approvalThreshold;
    const row = {
      id: randomUUID(),
      ...data,
      requestedBy: ctx.staff.userId,
      requestedAt: now,
      status: needsApproval ? ('pending' as const) : ('applied' as const),
      decidedBy: needsApproval ? null : ctx.staff.userId,
      decidedAt: needsApproval ? null : now,
      decisionNote: needsApproval ? null : `Below the approval threshold of ${ctx.approvalThreshold} points`,
    };
    tx.insert(adjustmentRequests).values(row).run();
    if (!needsApproval) {
      adjustPoints({ ctx: { db: tx }, input: { transactionId: `adjust:${row.id}`, programId: data.programId, memberId: data.memberId, points: data.points, reason: data.reason, actor: ctx.staff.userId } });
    }
    appendAudit(tx, {
      actor: { type: 'staff', id: ctx.staff.userId },
      action: needsApproval ? 'adjustment.requested' : 'adjustment.applied',
      entityType: 'member',
      entityId: data.memberId,
      after: { requestId: row.id, points: data.points, status: row.status },
      reason: data.reason,
    });
    return row;
  });
}
