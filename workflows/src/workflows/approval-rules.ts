import { ApplicationFailure } from '@temporalio/workflow';
import type { ApprovalState, CommentArgs, DecisionArgs, Reviewer } from '@loyalty/engine/approvals';

// Validators of the approval workflow's updates: pure, synchronous checks over the workflow's
// state. A refusal is an ApplicationFailure whose type is a DomainError code, so the engine can
// answer the studio with the right status and this message.

type Code = 'conflict' | 'forbidden' | 'invalid_input' | 'unprocessable';

/**
 * @example refuse('forbidden', 'You wrote version 3; someone else must approve it.')
 */
export function refuse(code: Code, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

/** A reviewer holds an approver role through their approval roles, or when it is their staff role. */
export function holds(reviewer: Reviewer, role: string): boolean {
  return reviewer.approvalRoles.includes(role) || reviewer.role === role;
}

/** The review is open and about the version the caller looked at. */
export function checkOpen(state: ApprovalState, versionId: string): void {
  if (state.supersededBy) {
    refuse('conflict', `Version ${state.versionNumber} was superseded by version ${state.supersededBy.versionNumber}; review that one.`);
  }
  if (versionId !== state.versionId) refuse('conflict', `The open review is for version ${state.versionNumber}, not the version you decided on.`);
  if (state.status !== 'in-review') refuse('conflict', `The review of version ${state.versionNumber} is closed (${state.status}).`);
}

/**
 * The role an approval counts for, or a refusal saying why it cannot count.
 * @example approvalRole(state, { versionId, reviewer: { ..., approvalRoles: ['finance'] } }) // 'finance'
 */
export function approvalRole(state: ApprovalState, args: DecisionArgs): string {
  checkOpen(state, args.versionId);
  if (args.reviewer.userId === state.author) {
    refuse('forbidden', `You wrote version ${state.versionNumber}; an approver who did not write it must approve it.`);
  }
  const role = pickRole(state, args, state.pendingRoles);
  if (!state.gate) refuse('conflict', 'The scenario tests are still running; approve when they have finished.');
  if (!state.gate.passed) {
    const what = state.gate.failures.map((f) => `${f.name}: ${f.differences.join('; ') || 'did not pass'}`).join(' | ');
    refuse('unprocessable', `${state.gate.note} Approval is blocked until they pass. ${what}`);
  }
  return role;
}

/** The role a rejection is made in (any required role the reviewer holds). */
export function rejectionRole(state: ApprovalState, args: DecisionArgs): string {
  checkOpen(state, args.versionId);
  if (!args.comment?.trim()) refuse('invalid_input', 'Say why the version is rejected, so its author can fix it.');
  return pickRole(state, args, state.requiredRoles);
}

export function checkComment(state: ApprovalState, args: CommentArgs): void {
  checkOpen(state, args.versionId);
  if (!args.text.trim()) refuse('invalid_input', 'A comment needs some text.');
}

function pickRole(state: ApprovalState, args: DecisionArgs, open: string[]): string {
  if (args.role !== undefined) {
    if (!state.requiredRoles.includes(args.role)) {
      refuse('invalid_input', `'${args.role}' is not an approver role of this program (${state.requiredRoles.join(', ')}).`);
    }
    const earlier = state.decisions.find((d) => d.role === args.role);
    if (earlier) refuse('conflict', `The ${args.role} role already decided: ${earlier.decision} by ${earlier.byName}.`);
    if (!holds(args.reviewer, args.role)) refuse('forbidden', `You do not hold the approver role '${args.role}'.`);
    return args.role;
  }
  const mine = open.filter((r) => holds(args.reviewer, r) && !state.decisions.some((d) => d.role === r));
  if (!mine[0]) {
    const held = state.requiredRoles.filter((r) => holds(args.reviewer, r));
    refuse(
      held.length ? 'conflict' : 'forbidden',
      held.length
        ? `Your approver roles (${held.join(', ')}) have already decided on version ${state.versionNumber}.`
        : `You hold none of the approver roles this version needs (${open.join(', ')}).`,
    );
  }
  return mine[0];
}
