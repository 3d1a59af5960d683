import type { ReviewEventKind, ReviewStatus } from '../db/schema/approvals';

/**
 * What the engine and the approval workflow agree on: names and shapes only. The engine
 * starts and talks to the workflow by these names and never imports the workflows package;
 * the workflow imports these types with `import type`.
 */
export const APPROVAL_WORKFLOW = 'approvalWorkflow';
export const APPROVAL_SIGNALS = { submitted: 'versionSubmitted' } as const;
export const APPROVAL_UPDATES = { approve: 'approve', reject: 'reject', comment: 'comment' } as const;
export const APPROVAL_QUERIES = { state: 'state' } as const;
export type ApprovalUpdateName = (typeof APPROVAL_UPDATES)[keyof typeof APPROVAL_UPDATES];

/**
 * One review per program at a time: submitting a newer version supersedes the pending one.
 * @example approvalWorkflowId('prog-1') // 'approval-prog-1'
 */
export function approvalWorkflowId(programId: string): string {
  return `approval-${programId}`;
}

/** A staff member as the workflow sees them (from the session, never from the client). */
export type Reviewer = { userId: string; displayName: string; role: string; approvalRoles: string[] };

/** The version under review and the program's approval settings, fixed when it was submitted. */
export type ApprovalInput = {
  programId: string;
  versionId: string;
  versionNumber: number;
  /** User id of the version's author: they may not approve it. */
  author: string;
  requiredRoles: string[];
  reminderAfterHours: number;
  submittedBy: { userId: string; displayName: string };
};

/** A scenario test that did not end as its `then` says. */
export type ScenarioFailure = { scenarioId: string; name: string; differences: string[] };

/** Outcome of running a version's scenario tests; approval is blocked unless `passed`. */
export type ScenarioGateResult = { passed: boolean; ran: number; failures: ScenarioFailure[]; note: string };

/**
 * Runs the scenario tests stored with a version. The simulation module provides the real runner.
 * @example const gate: ScenarioGate = async () => ({ passed: true, ran: 0, failures: [], note: 'none' });
 */
export type ScenarioGate = (versionId: string) => Promise<ScenarioGateResult>;

/** Approve or reject. `role` picks the approver role when the reviewer holds several. */
export type DecisionArgs = { versionId: string; reviewer: Reviewer; role?: string; comment?: string };
export type CommentArgs = { versionId: string; reviewer: Reviewer; text: string };

export type ApprovalDecision = { role: string; decision: 'approved' | 'rejected'; by: string; byName: string; comment: string; at: string };

/** One line of a review's history, as shown to people and mirrored into `review_events`. */
export type ReviewEvent = {
  seq: number;
  kind: ReviewEventKind;
  actorId: string;
  actorName: string;
  role?: string;
  text: string;
  data?: Record<string, unknown>;
  at: string;
};

/** What the `state` query answers and the workflow returns. */
export type ApprovalState = {
  reviewId: string;
  workflowId: string;
  programId: string;
  versionId: string;
  versionNumber: number;
  author: string;
  status: ReviewStatus;
  requiredRoles: string[];
  pendingRoles: string[];
  decisions: ApprovalDecision[];
  gate: ScenarioGateResult | null;
  remindersSent: number;
  supersededBy: { versionId: string; versionNumber: number } | null;
  history: ReviewEvent[];
};
