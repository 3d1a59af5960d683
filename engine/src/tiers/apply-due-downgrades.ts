import { and, asc, eq, gt, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { memberTierReviews } from '../db/schema';
import { runtimeFor } from '../events/program-runtime';
import { addDays } from '../ledger/expiry-dates';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from '../ledger/common-input';
import { changeTier, memberById } from '../members';
import { reviewReason } from './review-reasons';
import { clearPendingDowngrade, loadReviewState, localDate } from './review-state';

export const ApplyDueDowngradesInput = z.object({
  programId: EntityId,
  asOf: Timestamp.optional(),
  /** Members handled per read; each member is its own transaction. */
  batchSize: z.number().int().min(1).max(5000).default(500),
});
export type ApplyDueDowngradesInput = z.input<typeof ApplyDueDowngradesInput>;

/**
 * Makes the downgrades scheduled by `reviewTiers` happen once their grace days are over (the
 * effective date has come in the program's time zone), through `changeTier`. A member who no
 * longer holds the tier the downgrade starts from (moved up by activity, or changed by support
 * meanwhile) keeps their tier: the waiting downgrade is dropped (`cancelled`). One transaction per
 * member, which also clears the waiting downgrade, so a second run changes nothing.
 * @example applyDueDowngrades({ ctx: { db }, input: { programId, asOf: '2026-02-10T03:00:00Z' } }) // { downgraded: 1, cancelled: 0 }
 */
export function applyDueDowngrades({ ctx, input }: { ctx: { db: DbTx }; input: ApplyDueDowngradesInput }): { downgraded: number; cancelled: number } {
  const req = ApplyDueDowngradesInput.parse(input);
  const at = req.asOf ?? nowIso();
  // Local dates run at most 14 hours ahead of UTC; each member's own date is checked exactly below.
  const latestLocalDate = addDays(at, 1).slice(0, 10);
  const out = { downgraded: 0, cancelled: 0 };
  let after: string | undefined;
  for (;;) {
    const due = ctx.db
      .select({ memberId: memberTierReviews.memberId })
      .from(memberTierReviews)
      .where(
        and(
          eq(memberTierReviews.programId, req.programId),
          isNotNull(memberTierReviews.pendingEffectiveOn),
          lte(memberTierReviews.pendingEffectiveOn, latestLocalDate),
          after ? gt(memberTierReviews.memberId, after) : undefined,
        ),
      )
      .orderBy(asc(memberTierReviews.memberId))
      .limit(req.batchSize)
      .all();
    for (const { memberId } of due) {
      const result = applyOne(ctx.db, req.programId, memberId, at);
      if (result) out[result] += 1;
    }
    if (due.length < req.batchSize) return out;
    after = due.at(-1)?.memberId;
  }
}

function applyOne(db: DbTx, programId: string, memberId: string, at: string): 'downgraded' | 'cancelled' | undefined {
  return db.transaction((tx) => {
    const state = loadReviewState(tx, memberId);
    const member = memberById(tx, memberId);
    if (!state?.pendingEffectiveOn || !state.pendingToTierId || !member) return undefined;
    if (member.status === 'merged' || member.currentTierId !== state.pendingFromTierId) {
      clearPendingDowngrade(tx, memberId, at);
      return 'cancelled';
    }
    const runtime = runtimeFor(tx, programId, memberId);
    if (state.pendingEffectiveOn > localDate(runtime, at)) return undefined;
    const { spec } = runtime;
    const reason = reviewReason(spec, {
      reviewDate: state.lastReviewDate,
      value: state.lastValue,
      from: state.pendingFromTierId,
      to: state.pendingToTierId,
      change: 'down',
      graceDays: spec.tierPolicy.retention.graceDays,
    });
    changeTier({ ctx: { db: tx }, input: { programId, memberId, toTierId: state.pendingToTierId, reason, at } });
    clearPendingDowngrade(tx, memberId, at);
    return 'downgraded';
  }, WRITE_TRANSACTION);
}
