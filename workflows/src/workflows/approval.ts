import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ApprovalInput, ApprovalState, CommentArgs, DecisionArgs, ReviewEvent } from '@loyalty/engine/approvals';
import type { Activities } from '../activities';
import { approvalRole, checkComment, rejectionRole } from './approval-rules';

// Names are the engine's (engine/src/approvals/contract.ts); workflows/test/contract.test.ts checks they match.
export const versionSubmitted = defineSignal<[ApprovalInput]>('versionSubmitted');
export const approveUpdate = defineUpdate<ApprovalState, [DecisionArgs]>('approve');
export const rejectUpdate = defineUpdate<ApprovalState, [DecisionArgs]>('reject');
export const commentUpdate = defineUpdate<ApprovalState, [CommentArgs]>('comment');
export const approvalStateQuery = defineQuery<ApprovalState>('state');

const { openReview, appendReviewEvent, remindReviewers, closeReview } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10, initialInterval: '1 second' },
});
const { runScenarioGate } = proxyActivities<Activities>({ startToCloseTimeout: '15 minutes', retry: { maximumAttempts: 3 } });

const HOUR_MS = 3_600_000;

/**
 * The review of one version: scenario tests gate it, each required approver role decides once
 * (never the author), reminders go out every `reminderAfterHours`, and a newer version submitted
 * meanwhile supersedes it (the workflow continues as new with that version). Every step is
 * mirrored into SQLite by activities; the `state` query answers the live state.
 * @example client.workflow.signalWithStart(approvalWorkflow, { workflowId: 'approval-<program>', args: [input], signal: versionSubmitted, signalArgs: [input], taskQueue })
 */
export async function approvalWorkflow(input: ApprovalInput): Promise<ApprovalState> {
  const { workflowId, runId } = workflowInfo();
  const state: ApprovalState = {
    reviewId: runId,
    workflowId,
    programId: input.programId,
    versionId: input.versionId,
    versionNumber: input.versionNumber,
    author: input.author,
    status: 'in-review',
    requiredRoles: [...input.requiredRoles],
    pendingRoles: [...input.requiredRoles],
    decisions: [],
    gate: null,
    remindersSent: 0,
    supersededBy: null,
    history: [],
  };
  let next: ApprovalInput | undefined;
  const event = (e: Omit<ReviewEvent, 'seq' | 'at'>): ReviewEvent => {
    const full: ReviewEvent = { ...e, seq: state.history.length + 1, at: new Date().toISOString() };
    state.history.push(full);
    return full;
  };
  const mirror = (e: ReviewEvent) => appendReviewEvent({ reviewId: runId, versionId: input.versionId, event: e });

  setHandler(approvalStateQuery, () => state);
  setHandler(versionSubmitted, (incoming) => {
    const newest = next?.versionNumber ?? input.versionNumber;
    if (incoming.versionId !== input.versionId && incoming.versionNumber > newest) next = incoming;
  });
  setHandler(
    approveUpdate,
    async (args) => {
      const role = approvalRole(state, args);
      state.decisions.push(decision(role, 'approved', args));
      state.pendingRoles = state.pendingRoles.filter((r) => r !== role);
      const e = event({ kind: 'approved', actorId: args.reviewer.userId, actorName: args.reviewer.displayName, role, text: args.comment || `Approved as ${role}.` });
      if (state.pendingRoles.length === 0) state.status = 'approved';
      await mirror(e);
      return state;
    },
    { validator: (args) => void approvalRole(state, args) },
  );
  setHandler(
    rejectUpdate,
    async (args) => {
      const role = rejectionRole(state, args);
      state.decisions.push(decision(role, 'rejected', args));
      state.status = 'rejected';
      await mirror(event({ kind: 'rejected', actorId: args.reviewer.userId, actorName: args.reviewer.displayName, role, text: args.comment ?? '' }));
      return state;
    },
    { validator: (args) => void rejectionRole(state, args) },
  );
  setHandler(
    commentUpdate,
    async (args) => {
      await mirror(event({ kind: 'comment', actorId: args.reviewer.userId, actorName: args.reviewer.displayName, text: args.text.trim() }));
      return state;
    },
    { validator: (args) => checkComment(state, args) },
  );

  const roles = input.requiredRoles.join(', ') || 'nobody';
  const submitted = event({
    kind: 'submitted',
    actorId: input.submittedBy.userId,
    actorName: input.submittedBy.displayName,
    text: `Version ${input.versionNumber} submitted; approvals needed from: ${roles}.`,
  });
  await openReview({ ...input, reviewId: runId, workflowId, event: submitted });
  if (!next) {
    const gate = await runScenarioGate({ versionId: input.versionId });
    state.gate = gate;
    const e = event({ kind: 'scenarios', actorId: 'system', actorName: 'Scenario tests', text: gate.note, data: { ...gate } });
    await appendReviewEvent({ reviewId: runId, versionId: input.versionId, event: e, gate });
    if (gate.passed && input.requiredRoles.length === 0) state.status = 'approved';
  }

  while (state.status === 'in-review' && !next) {
    const changed = await condition(() => state.status !== 'in-review' || next !== undefined, input.reminderAfterHours * HOUR_MS);
    if (changed) break;
    state.remindersSent += 1;
    const text = `Reminder: version ${input.versionNumber} still waits for ${state.pendingRoles.join(', ')}.`;
    const e = event({ kind: 'reminder', actorId: 'system', actorName: 'Approval workflow', text });
    await remindReviewers({ reviewId: runId, programId: input.programId, versionId: input.versionId, versionNumber: input.versionNumber, pendingRoles: state.pendingRoles, event: e });
  }
  await condition(allHandlersFinished);

  const close = { reviewId: runId, programId: input.programId, versionId: input.versionId };
  if (state.status === 'approved' || state.status === 'rejected') {
    const last = state.decisions[state.decisions.length - 1];
    const text = state.status === 'approved' ? `Approved by ${roles}.` : `Rejected by ${last?.byName} (${last?.role}): ${last?.comment}`;
    await closeReview({ ...close, outcome: state.status, event: event({ kind: 'decided', actorId: 'system', actorName: 'Approval workflow', text }) });
  } else if (next) {
    state.status = 'superseded';
    state.supersededBy = { versionId: next.versionId, versionNumber: next.versionNumber };
    const text = `Superseded by version ${next.versionNumber}.`;
    const e = event({ kind: 'superseded', actorId: next.submittedBy.userId, actorName: next.submittedBy.displayName, text });
    await closeReview({ ...close, outcome: 'superseded', supersededByVersionId: next.versionId, event: e });
  }
  if (next) await continueAsNew<typeof approvalWorkflow>(next);
  return state;
}

function decision(role: string, outcome: 'approved' | 'rejected', args: DecisionArgs) {
  return { role, decision: outcome, by: args.reviewer.userId, byName: args.reviewer.displayName, comment: args.comment ?? '', at: new Date().toISOString() };
}
