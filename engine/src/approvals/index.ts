/**
 * Approval of versions: the contract with the approval workflow, the services its activities
 * call to mirror reviews into SQLite, the version status projection, the scenario gate, and the
 * engine-side calls that start and talk to the workflow.
 */
export * from './contract';
export { setVersionStatus, versionStatusOf, type StatusChange } from './version-status';
export { openReview, type OpenReviewInput } from './open-review';
export { appendReviewEvent, type AppendReviewEventInput } from './append-review-event';
export { remindReviewers, type RemindReviewersInput } from './remind-reviewers';
export { closeReview, type CloseReviewInput } from './close-review';
export { listReviews, ListReviewsInput } from './list-reviews';
export { createScenarioGate, gateResult, type RunScenarios } from './scenario-gate';
export { fromTemporal, type TemporalWorkflows } from './temporal-errors';
export { submitVersion, SubmitVersionInput, type ReviewCtx } from './submit-version';
export { decideVersion, DecideVersionInput, commentOnReview, CommentOnReviewInput } from './decide-version';
export { reviewState, ReviewStateInput } from './review-state';
export { listVersionStatuses, ListVersionStatusesInput } from './list-version-statuses';
