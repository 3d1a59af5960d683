import { z } from 'zod';
import type { TemporalWorkflows } from './temporal-errors';
import { APPROVAL_QUERIES, approvalWorkflowId, type ApprovalState } from './contract';
import { fromTemporal } from './temporal-errors';

export const ReviewStateInput = z.object({ programId: z.string().min(1) }).strict();
export type ReviewStateInput = z.input<typeof ReviewStateInput>;

/**
 * The live state of a program's latest review, asked of the workflow (Temporal query).
 * @example (await reviewState({ ctx: { temporal }, input: { programId } })).pendingRoles // ['finance']
 */
export async function reviewState({ ctx, input }: { ctx: { temporal: TemporalWorkflows }; input: ReviewStateInput }): Promise<ApprovalState> {
  const { programId } = ReviewStateInput.parse(input);
  try {
    return await ctx.temporal.client.workflow.getHandle(approvalWorkflowId(programId)).query<ApprovalState>(APPROVAL_QUERIES.state);
  } catch (error) {
    throw fromTemporal(error, 'This program has no review yet.');
  }
}
