import { and, asc, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { members, memberTierReviews } from '../db/schema';
import { qualificationValue } from '../events/member-tier';
import { runtimeFor, runtimeOfVersion } from '../events/program-runtime';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from '../ledger/common-input';
import { changeTier, memberById } from '../members';
import { currentRelease, versionForMember } from '../releases';
import { reviewTier } from '../rules';
import { reviewReason } from './review-reasons';
import { lastDueReviewDate } from './review-dates';
import { loadReviewState, localDate, saveReviewState } from './review-state';

export const ReviewTiersInput = z.object({
  programId: EntityId,
  asOf: Timestamp.optional(),
  /** Keyset paging: members with an id after this one; from the first member when absent. */
  afterMemberId: EntityId.optional(),
  /** Members looked at in this call. */
  limit: z.number().int().min(1).max(5000).default(500),
});
export type ReviewTiersInput = z.input<typeof ReviewTiersInput>;

/** What one page of re-checks did. */
export type TierReviewCounts = {
  /** Members whose due re-check ran now. */
  reviewed: number;
  upgraded: number;
  /** Downgrades that took effect now (no grace days, or the grace days were already over). */
  downgraded: number;
  /** Downgrades waiting for their grace days (`applyDueDowngrades` makes them happen). */
  scheduled: number;
  /** Re-checks that kept the tier (including `downgrade: 'never'`). */
  unchanged: number;
};

type Outcome = 'upgraded' | 'downgraded' | 'scheduled' | 'unchanged';

/**
 * Runs the scheduled tier re-checks that are due for one page of a program's members, each with
 * the tier policy of the version that runs for that member (canary members get the canary's).
 * The re-check date comes from `lastDueReviewDate`; the decision from the pure `reviewTier` over
 * the qualification value as of that date. Changes go through `changeTier` (history and
 * `tier-changed` event). Each member is one short write transaction that also records the
 * re-check date (`member_tier_reviews`), so running again for the same or an earlier `asOf`
 * decides nothing twice. Returns the next `afterMemberId`, undefined after the last page.
 * @example reviewTiers({ ctx: { db }, input: { programId, asOf: '2026-02-01T03:00:00Z' } })
 * // { reviewed: 2, downgraded: 1, scheduled: 1, ..., nextAfterMemberId: undefined }
 */
export function reviewTiers({ ctx, input }: { ctx: { db: DbTx }; input: ReviewTiersInput }): TierReviewCounts & { nextAfterMemberId: string | undefined } {
  const req = ReviewTiersInput.parse(input);
  const at = req.asOf ?? nowIso();
  const counts: TierReviewCounts = { reviewed: 0, upgraded: 0, downgraded: 0, scheduled: 0, unchanged: 0 };
  const release = currentRelease(ctx.db, req.programId);
  if (!release) return { ...counts, nextAfterMemberId: undefined };
  const page = ctx.db
    .select({ id: members.id, joinedAt: members.joinedAt, tierSince: members.tierSince, lastReviewDate: memberTierReviews.lastReviewDate })
    .from(members)
    .leftJoin(memberTierReviews, eq(memberTierReviews.memberId, members.id))
    .where(and(eq(members.programId, req.programId), ne(members.status, 'merged'), req.afterMemberId ? gt(members.id, req.afterMemberId) : undefined))
    .orderBy(asc(members.id))
    .limit(req.limit)
    .all();
  for (const m of page) {
    const runtime = runtimeOfVersion(ctx.db, versionForMember(release, m.id));
    if (runtime.spec.tiers.length === 0) continue;
    const joinedOn = localDate(runtime, m.joinedAt);
    const today = localDate(runtime, at);
    const reviewDate = lastDueReviewDate(runtime.spec.tierPolicy, { joinedOn, tierSince: m.tierSince ? localDate(runtime, m.tierSince) : joinedOn }, today);
    if (!reviewDate || (m.lastReviewDate && m.lastReviewDate >= reviewDate)) continue;
    const outcome = reviewMember(ctx.db, { programId: req.programId, memberId: m.id, reviewDate, today, at });
    if (!outcome) continue;
    counts.reviewed += 1;
    counts[outcome] += 1;
  }
  return { ...counts, nextAfterMemberId: page.length < req.limit ? undefined : page.at(-1)?.id };
}

/** One member's re-check for `reviewDate`, in its own transaction; undefined when it was done already. */
function reviewMember(db: DbTx, r: { programId: string; memberId: string; reviewDate: string; today: string; at: string }): Outcome | undefined {
  return db.transaction((tx) => {
    // Read again under the write lock: a concurrent run or an upgrade may have come first.
    const member = memberById(tx, r.memberId);
    const state = loadReviewState(tx, r.memberId);
    if (!member || member.status === 'merged' || (state && state.lastReviewDate >= r.reviewDate)) return undefined;
    const runtime = runtimeFor(tx, r.programId, r.memberId);
    const { spec } = runtime;
    const current = member.currentTierId ?? undefined;
    const value = qualificationValue(tx, spec, member, r.reviewDate);
    const decision = reviewTier(spec.tiers, spec.tierPolicy, current, value, r.reviewDate);
    const move = (to: string, change: 'up' | 'down') =>
      changeTier({
        ctx: { db: tx },
        input: { programId: r.programId, memberId: member.id, toTierId: to, at: r.at, reason: reviewReason(spec, { reviewDate: r.reviewDate, value, from: current, to, change, graceDays: spec.tierPolicy.retention.graceDays }) },
      });
    let outcome: Outcome = 'unchanged';
    let pending: { from: string | null; to: string; on: string } | undefined;
    if (decision.change === 'up' && decision.tierId) {
      move(decision.tierId, 'up');
      outcome = 'upgraded';
    } else if (decision.change === 'down' && decision.tierId) {
      // A downgrade already waiting from this tier keeps its date: later re-checks must not postpone it.
      const waiting = state?.pendingEffectiveOn && state.pendingFromTierId === member.currentTierId ? state.pendingEffectiveOn : undefined;
      const on = waiting && waiting < decision.effectiveOn ? waiting : decision.effectiveOn;
      if (on <= r.today) {
        move(decision.tierId, 'down');
        outcome = 'downgraded';
      } else {
        pending = { from: member.currentTierId, to: decision.tierId, on };
        outcome = 'scheduled';
      }
    }
    // The newest re-check decides: one that keeps or raises the tier cancels a waiting downgrade.
    saveReviewState(tx, {
      memberId: member.id,
      programId: r.programId,
      lastReviewDate: r.reviewDate,
      lastVersionId: runtime.versionId,
      lastValue: value,
      lastChange: decision.change,
      pendingFromTierId: pending?.from ?? null,
      pendingToTierId: pending?.to ?? null,
      pendingEffectiveOn: pending?.on ?? null,
      updatedAt: r.at,
    });
    return outcome;
  }, WRITE_TRANSACTION);
}
