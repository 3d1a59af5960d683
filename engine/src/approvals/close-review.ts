import { and, eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { versionReviews } from '../db/schema/approvals';
import type { ReviewEvent } from './contract';
import { insertReviewEvent } from './append-review-event';
import { setVersionStatus } from './version-status';

export type CloseReviewInput = {
  reviewId: string;
  programId: string;
  versionId: string;
  outcome: 'approved' | 'rejected' | 'superseded';
  supersededByVersionId?: string;
  event: ReviewEvent;
};

/**
 * Ends a review: its row, its last event and the version's new status (approved, rejected or
 * superseded), in one transaction. Closing a closed review does nothing.
 * @example closeReview({ ctx: { db }, input: { reviewId, programId, versionId, outcome: 'approved', event } })
 */
export function closeReview({ ctx, input }: { ctx: { db: DbTx }; input: CloseReviewInput }): { closed: boolean } {
  return ctx.db.transaction((tx) => {
    const updated = tx
      .update(versionReviews)
      .set({ status: input.outcome, closedAt: input.event.at, supersededByVersionId: input.supersededByVersionId ?? null })
      .where(and(eq(versionReviews.id, input.reviewId), eq(versionReviews.status, 'in-review')))
      .run();
    if (updated.changes === 0) return { closed: false };
    insertReviewEvent(tx, { reviewId: input.reviewId, versionId: input.versionId, event: input.event });
    setVersionStatus(tx, {
      programId: input.programId,
      versionId: input.versionId,
      to: input.outcome,
      actor: { type: 'system', id: 'approval-workflow' },
      reason: input.event.text,
      at: input.event.at,
    });
    return { closed: true };
  });
}
