import { z } from 'zod';
import { loadVersionRow } from '../versions/version-rows';
import { APPROVAL_UPDATES, approvalWorkflowId, type ApprovalState, type CommentArgs, type DecisionArgs, type Reviewer } from './contract';
import type { ReviewCtx } from './submit-version';
import { fromTemporal } from './temporal-errors';

export const DecideVersionInput = z
  .object({
    versionId: z.string().min(1),
    decision: z.enum(['approve', 'reject']),
    /** The approver role to decide in, when the reviewer holds several. */
    role: z.string().min(1).optional(),
    comment: z.string().trim().max(2000).default(''),
  })
  .strict();
export type DecideVersionInput = z.input<typeof DecideVersionInput>;

export const CommentOnReviewInput = z.object({ versionId: z.string().min(1), text: z.string().trim().min(1).max(2000) }).strict();
export type CommentOnReviewInput = z.input<typeof CommentOnReviewInput>;

const reviewerOf = (ctx: ReviewCtx): Reviewer => ({
  userId: ctx.principal.userId,
  displayName: ctx.principal.displayName,
  role: ctx.principal.role,
  approvalRoles: ctx.principal.approvalRoles,
});

/**
 * Approves or rejects the version under review, as the signed-in staff member. The workflow
 * validates (approver role held, not the author, one decision per role, scenario tests pass) and
 * answers with the review's new state.
 * @example await decideVersion({ ctx, input: { versionId, decision: 'approve', role: 'finance' } })
 */
export async function decideVersion({ ctx, input }: { ctx: ReviewCtx; input: DecideVersionInput }): Promise<ApprovalState> {
  const { versionId, decision, role, comment } = DecideVersionInput.parse(input);
  const row = loadVersionRow(ctx.db, versionId);
  const handle = ctx.temporal.client.workflow.getHandle(approvalWorkflowId(row.programId));
  const args: DecisionArgs = { versionId, reviewer: reviewerOf(ctx), comment, ...(role ? { role } : {}) };
  try {
    return await handle.executeUpdate<ApprovalState, [DecisionArgs]>(decision === 'approve' ? APPROVAL_UPDATES.approve : APPROVAL_UPDATES.reject, { args: [args] });
  } catch (error) {
    throw fromTemporal(error, `No review of version ${row.number} is open.`);
  }
}

/**
 * Adds a comment to the open review of a version.
 * @example await commentOnReview({ ctx, input: { versionId, text: 'Why 3x on Saturdays?' } })
 */
export async function commentOnReview({ ctx, input }: { ctx: ReviewCtx; input: CommentOnReviewInput }): Promise<ApprovalState> {
  const { versionId, text } = CommentOnReviewInput.parse(input);
  const row = loadVersionRow(ctx.db, versionId);
  const handle = ctx.temporal.client.workflow.getHandle(approvalWorkflowId(row.programId));
  try {
    return await handle.executeUpdate<ApprovalState, [CommentArgs]>(APPROVAL_UPDATES.comment, { args: [{ versionId, reviewer: reviewerOf(ctx), text }] });
  } catch (error) {
    throw fromTemporal(error, `No review of version ${row.number} is open.`);
  }
}
