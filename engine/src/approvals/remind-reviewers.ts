import type { DbTx } from '../db';
import { outbox } from '../db/schema/ledger';
import type { ReviewEvent } from './contract';
import { insertReviewEvent } from './append-review-event';

export type RemindReviewersInput = {
  reviewId: string;
  programId: string;
  versionId: string;
  versionNumber: number;
  pendingRoles: string[];
  event: ReviewEvent;
};

/**
 * Writes an `approval-reminder` outbox row (the notification channels send it) and the reminder
 * event, in one transaction. The outbox id is `<review>:reminder:<seq>`, so a retry sends nothing twice.
 * @example remindReviewers({ ctx: { db }, input: { reviewId, programId, versionId, versionNumber: 3, pendingRoles: ['finance'], event } })
 */
export function remindReviewers({ ctx, input }: { ctx: { db: DbTx }; input: RemindReviewersInput }): { sent: boolean } {
  return ctx.db.transaction((tx) => {
    const inserted = tx
      .insert(outbox)
      .values({
        id: `${input.reviewId}:reminder:${input.event.seq}`,
        type: 'approval-reminder',
        programId: input.programId,
        memberId: null,
        payload: { reviewId: input.reviewId, versionId: input.versionId, versionNumber: input.versionNumber, pendingRoles: input.pendingRoles },
        createdAt: input.event.at,
      })
      .onConflictDoNothing()
      .run();
    insertReviewEvent(tx, { reviewId: input.reviewId, versionId: input.versionId, event: input.event });
    return { sent: inserted.changes > 0 };
  });
}
