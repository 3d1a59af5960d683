/**
 * The tiers room, live side: scheduled re-checks of members' tiers per the program's retention
 * policy (`tierPolicy.retention`), over the pure rules in `rules/tiers.ts`. Upgrades right after
 * activity happen in `events/member-tier.ts`; every change is written by `members/change-tier.ts`.
 * @example
 *   applyDueDowngrades({ ctx: { db }, input: { programId, asOf } });
 *   for (let after: string | undefined, first = true; first || after; first = false)
 *     after = reviewTiers({ ctx: { db }, input: { programId, asOf, afterMemberId: after } }).nextAfterMemberId;
 */
export { applyDueDowngrades, ApplyDueDowngradesInput } from './apply-due-downgrades';
export { lastDueReviewDate, type ReviewAnchors } from './review-dates';
export { reviewTiers, ReviewTiersInput, type TierReviewCounts } from './review-tiers';
