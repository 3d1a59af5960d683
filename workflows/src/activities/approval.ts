import { ApplicationFailure } from '@temporalio/activity';
import {
  appendReviewEvent,
  closeReview,
  createScenarioGate,
  openReview,
  remindReviewers,
  type AppendReviewEventInput,
  type CloseReviewInput,
  type OpenReviewInput,
  type RemindReviewersInput,
  type ScenarioGate,
  type ScenarioGateResult,
} from '@loyalty/engine/approvals';
import { DomainError } from '@loyalty/engine';
import type { ActivityDeps } from './deps';

/** Approval activities also take the scenario gate (the simulation's runner, or the default). */
export type ApprovalActivityDeps = ActivityDeps & { scenarioGate?: ScenarioGate };

/**
 * Runs an engine service; a DomainError (not found, conflict, ...) will not get better by
 * retrying, so it fails the activity for good with the error's code as type.
 * @example await domainCall(() => closeReview({ ctx: { db }, input }))
 */
export async function domainCall<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, error.code);
    throw error;
  }
}

/** Thin adapters: each mirrors one step of a review into SQLite through an engine service. */
export function createApprovalActivities({ db, log, scenarioGate }: ApprovalActivityDeps) {
  const gate = scenarioGate ?? createScenarioGate(db);
  return {
    openReview: (input: OpenReviewInput) => domainCall(() => openReview({ ctx: { db }, input })),
    async runScenarioGate({ versionId }: { versionId: string }): Promise<ScenarioGateResult> {
      const result = await domainCall(() => gate(versionId));
      log.info({ versionId, ran: result.ran, passed: result.passed }, 'scenario gate');
      return result;
    },
    appendReviewEvent: (input: AppendReviewEventInput) => domainCall(() => appendReviewEvent({ ctx: { db }, input })),
    remindReviewers: (input: RemindReviewersInput) => domainCall(() => remindReviewers({ ctx: { db }, input })),
    closeReview: (input: CloseReviewInput) => domainCall(() => closeReview({ ctx: { db }, input })),
  };
}
