import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { StaffPrincipal } from '../auth/sessions';
import type { DbTx } from '../db';
import { versionReviews } from '../db/schema/approvals';
import { DomainError } from '../errors';
import { loadVersionRow, storedSpec } from '../versions/version-rows';
import { APPROVAL_SIGNALS, APPROVAL_WORKFLOW, approvalWorkflowId, type ApprovalInput } from './contract';
import { fromTemporal, type TemporalWorkflows } from './temporal-errors';
import { versionStatusOf } from './version-status';

export const SubmitVersionInput = z.object({ versionId: z.string().min(1) }).strict();
export type SubmitVersionInput = z.input<typeof SubmitVersionInput>;

export type ReviewCtx = { db: DbTx; temporal: TemporalWorkflows; principal: StaffPrincipal };

/**
 * Submits a draft version for approval: starts the program's approval workflow with the version
 * and the program's approval settings, or, when a review is pending, hands it the newer version
 * (signal-with-start), which supersedes the pending review.
 * @example await submitVersion({ ctx: { db, temporal, principal }, input: { versionId } }) // { workflowId: 'approval-<program>', ... }
 */
export async function submitVersion({ ctx, input }: { ctx: ReviewCtx; input: SubmitVersionInput }) {
  const { versionId } = SubmitVersionInput.parse(input);
  const row = loadVersionRow(ctx.db, versionId);
  const status = versionStatusOf(ctx.db, versionId);
  if (status !== 'draft') throw new DomainError('conflict', `Version ${row.number} is ${status}; only a draft can be submitted for approval.`);
  const open = ctx.db
    .select({ versionId: versionReviews.versionId, versionNumber: versionReviews.versionNumber })
    .from(versionReviews)
    .where(and(eq(versionReviews.programId, row.programId), eq(versionReviews.status, 'in-review')))
    .all();
  const newer = open.find((r) => r.versionNumber > row.number);
  if (newer) throw new DomainError('conflict', `Version ${newer.versionNumber} is already in review; version ${row.number} is older.`);
  const approval = storedSpec(row).program.approval;
  const workflowInput: ApprovalInput = {
    programId: row.programId,
    versionId,
    versionNumber: row.number,
    author: row.author,
    requiredRoles: approval.requiredApproverRoles,
    reminderAfterHours: approval.reminderAfterHours,
    submittedBy: { userId: ctx.principal.userId, displayName: ctx.principal.displayName },
  };
  const workflowId = approvalWorkflowId(row.programId);
  try {
    const handle = await ctx.temporal.client.workflow.signalWithStart(APPROVAL_WORKFLOW, {
      workflowId,
      taskQueue: ctx.temporal.taskQueue,
      args: [workflowInput],
      signal: APPROVAL_SIGNALS.submitted,
      signalArgs: [workflowInput],
    });
    return { workflowId, runId: handle.signaledRunId, supersedes: open.map((r) => r.versionId) };
  } catch (error) {
    throw fromTemporal(error, 'The approval workflow could not be started.');
  }
}
