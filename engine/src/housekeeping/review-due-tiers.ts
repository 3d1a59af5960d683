import type { DbTx } from '../db';
import { applyDueDowngrades, reviewTiers, type TierReviewCounts } from '../tiers';
import { yieldToEventLoop } from './pace';

/**
 * Scheduled tier work of a program: first the downgrades whose grace days are over, then the
 * re-checks that are due, page by page (each member its own transaction).
 * @example await reviewDueTiers(db, { programId, at, batchSize: 200 }) // { reviewed: 3, downgraded: 1, ... }
 */
export async function reviewDueTiers(db: DbTx, { programId, at, batchSize }: { programId: string; at: string; batchSize: number }) {
  // Downgrades first: a member they move got a new tier today, so no older re-check applies to it.
  const due = applyDueDowngrades({ ctx: { db }, input: { programId, asOf: at, batchSize } });
  const counts: TierReviewCounts & { cancelled: number } = { reviewed: 0, upgraded: 0, downgraded: due.downgraded, scheduled: 0, unchanged: 0, cancelled: due.cancelled };
  let after: string | undefined;
  do {
    const page = reviewTiers({ ctx: { db }, input: { programId, asOf: at, afterMemberId: after, limit: batchSize } });
    counts.reviewed += page.reviewed;
    counts.upgraded += page.upgraded;
    counts.downgraded += page.downgraded;
    counts.scheduled += page.scheduled;
    counts.unchanged += page.unchanged;
    after = page.nextAfterMemberId;
    await yieldToEventLoop();
  } while (after);
  return counts;
}
