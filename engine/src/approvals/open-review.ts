import { appendAudit } from '../audit/append-audit';
import type { DbTx } from '../db';
import { versionReviews } from '../db/schema/approvals';
import type { ApprovalInput, ReviewEvent } from './contract';
import { insertReviewEvent } from './append-review-event';
import { setVersionStatus } from './version-status';

/** `event` is the review's first event (`submitted`), numbered and timed by the workflow. */
export type OpenReviewInput = ApprovalInput & { reviewId: string; workflowId: string; event: ReviewEvent };

/**
 * Mirrors a new review into SQLite: the review row, its first event and the version's move to
 * in-review, in one transaction. Idempotent on `reviewId` (the workflow run id).
 * @example openReview({ ctx: { db }, input: { ...approvalInput, reviewId: runId, workflowId, event } })
 */
export function openReview({ ctx, input }: { ctx: { db: DbTx }; input: OpenReviewInput }): { opened: boolean } {
  return ctx.db.transaction((tx) => {
    const inserted = tx
      .insert(versionReviews)
      .values({
        id: input.reviewId,
        workflowId: input.workflowId,
        programId: input.programId,
        versionId: input.versionId,
        versionNumber: input.versionNumber,
        author: input.author,
        status: 'in-review',
        requiredRoles: JSON.stringify(input.requiredRoles),
        reminderAfterHours: input.reminderAfterHours,
        openedAt: input.event.at,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return { opened: false };
    const actor = { type: 'staff' as const, id: input.submittedBy.userId };
    insertReviewEvent(tx, { reviewId: input.reviewId, versionId: input.versionId, event: input.event });
    setVersionStatus(tx, { programId: input.programId, versionId: input.versionId, to: 'in-review', actor, reason: 'Submitted for approval', at: input.event.at });
    appendAudit(tx, {
      actor,
      action: 'version.submitted',
      entityType: 'program-version',
      entityId: input.versionId,
      after: { reviewId: input.reviewId, requiredRoles: input.requiredRoles },
    });
    return { opened: true };
  });
}
