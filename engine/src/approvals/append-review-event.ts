import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import type { DbTx } from '../db';
import { reviewEvents, versionReviews } from '../db/schema/approvals';
import type { ReviewEvent, ScenarioGateResult } from './contract';

export type AppendReviewEventInput = { reviewId: string; versionId: string; event: ReviewEvent; gate?: ScenarioGateResult };

/**
 * Mirrors one review event (decision, comment, scenario result, reminder) into `review_events`,
 * with an audit entry for people's actions. Idempotent on (review, seq): a retried activity writes once.
 * @example appendReviewEvent({ ctx: { db }, input: { reviewId, versionId, event: { seq: 3, kind: 'approved', ... } } })
 */
export function appendReviewEvent({ ctx, input }: { ctx: { db: DbTx }; input: AppendReviewEventInput }): { written: boolean } {
  return ctx.db.transaction((tx) => insertReviewEvent(tx, input));
}

/** The same, inside the caller's transaction. */
export function insertReviewEvent(tx: DbTx, { reviewId, versionId, event, gate }: AppendReviewEventInput): { written: boolean } {
  const result = tx
    .insert(reviewEvents)
    .values({
      reviewId,
      seq: event.seq,
      kind: event.kind,
      actorId: event.actorId,
      actorName: event.actorName,
      role: event.role ?? null,
      text: event.text,
      data: JSON.stringify(event.data ?? {}),
      at: event.at,
    })
    .onConflictDoNothing()
    .run();
  if (result.changes === 0) return { written: false };
  if (gate) tx.update(versionReviews).set({ scenarioGate: JSON.stringify(gate) }).where(eq(versionReviews.id, reviewId)).run();
  if (event.kind === 'approved' || event.kind === 'rejected' || event.kind === 'comment') {
    appendAudit(tx, {
      actor: { type: 'staff', id: event.actorId },
      action: `version.review.${event.kind}`,
      entityType: 'program-version',
      entityId: versionId,
      after: { reviewId, role: event.role ?? null, text: event.text },
    });
  }
  return { written: true };
}
