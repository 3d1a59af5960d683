import type { Client } from '@temporalio/client';
import { approvalWorkflowId, type ApprovalInput, type CommentArgs, type DecisionArgs } from '@loyalty/engine/approvals';
import { approvalStateQuery, approvalWorkflow, approveUpdate, commentUpdate, rejectUpdate, versionSubmitted } from './workflows/approval';

// Typed helpers that start and talk to the approval workflow. The engine does the same by name
// (engine/src/approvals/submit-version.ts, decide-version.ts) because it must not import this package.

/**
 * Starts the review of a version, or hands a newer version to the pending review (which it supersedes).
 * @example await submitForApproval(client, 'loyalty', input)
 */
export function submitForApproval(client: Client, taskQueue: string, input: ApprovalInput) {
  return client.workflow.signalWithStart(approvalWorkflow, {
    workflowId: approvalWorkflowId(input.programId),
    taskQueue,
    args: [input],
    signal: versionSubmitted,
    signalArgs: [input],
  });
}

/** The program's approval workflow (the latest run). */
export function approvalHandle(client: Client, programId: string) {
  return client.workflow.getHandle<typeof approvalWorkflow>(approvalWorkflowId(programId));
}

/** @example await approveVersion(client, programId, { versionId, reviewer, role: 'finance' }) */
export function approveVersion(client: Client, programId: string, args: DecisionArgs) {
  return approvalHandle(client, programId).executeUpdate(approveUpdate, { args: [args] });
}

/** @example await rejectVersion(client, programId, { versionId, reviewer, comment: 'Caps missing' }) */
export function rejectVersion(client: Client, programId: string, args: DecisionArgs) {
  return approvalHandle(client, programId).executeUpdate(rejectUpdate, { args: [args] });
}

/** @example await commentOnVersion(client, programId, { versionId, reviewer, text: 'Looks good' }) */
export function commentOnVersion(client: Client, programId: string, args: CommentArgs) {
  return approvalHandle(client, programId).executeUpdate(commentUpdate, { args: [args] });
}

/** @example (await approvalState(client, programId)).pendingRoles */
export function approvalState(client: Client, programId: string) {
  return approvalHandle(client, programId).query(approvalStateQuery);
}
