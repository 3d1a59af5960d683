import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { memberTierReviews } from '../db/schema';
import { isoDateOfDay } from '../rules';
import type { ProgramRuntime } from '../events/program-runtime';

export type TierReviewState = typeof memberTierReviews.$inferSelect;

/** A member's re-check state, or undefined before their first scheduled re-check. */
export function loadReviewState(tx: DbTx, memberId: string): TierReviewState | undefined {
  return tx.select().from(memberTierReviews).where(eq(memberTierReviews.memberId, memberId)).get();
}

/** Writes a member's re-check state (one row per member), in the caller's transaction. */
export function saveReviewState(tx: DbTx, state: TierReviewState): void {
  const { memberId, ...rest } = state;
  tx.insert(memberTierReviews).values(state).onConflictDoUpdate({ target: memberTierReviews.memberId, set: rest }).run();
}

/** Clears a scheduled downgrade, in the caller's transaction. */
export function clearPendingDowngrade(tx: DbTx, memberId: string, at: string): void {
  tx.update(memberTierReviews)
    .set({ pendingFromTierId: null, pendingToTierId: null, pendingEffectiveOn: null, updatedAt: at })
    .where(eq(memberTierReviews.memberId, memberId))
    .run();
}

/**
 * The local date (YYYY-MM-DD) of an instant in the version's time zone: re-check dates are
 * calendar days of the program, not of UTC.
 * @example localDate(runtime, '2026-01-31T23:30:00Z') // '2026-02-01' in Europe/Amsterdam
 */
export function localDate(runtime: ProgramRuntime, iso: string): string {
  return isoDateOfDay(runtime.compiled.clock(Date.parse(iso)).day);
}
