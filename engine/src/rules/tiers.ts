import type { QualificationWindow, Tier, TierPolicy } from '../spec';
import { dayOfIsoDate, isoDateOfDay } from './local-time';

/**
 * Tier qualification, pure: the metric value (points, spend or visits in the qualification
 * window) is an input; tiers are listed lowest first, as in the spec.
 */

// Plain loops: tier checks run after every simulated event, and a callback per call is garbage.
function indexOf(tiers: readonly Tier[], id: string | undefined): number {
  if (id === undefined) return -1;
  for (let i = 0; i < tiers.length; i++) if (tiers[i]!.id === id) return i;
  return -1;
}

function qualifiedIndex(tiers: readonly Tier[], value: number): number {
  let q = -1;
  for (let i = 0; i < tiers.length; i++) if (value >= tiers[i]!.threshold) q = i;
  return q;
}

/**
 * The highest tier whose threshold the value reaches; undefined when it reaches none.
 * @example qualifiedTier(beanClub().tiers, 700)?.id // 'silver'
 */
export function qualifiedTier(tiers: readonly Tier[], value: number): Tier | undefined {
  return tiers[qualifiedIndex(tiers, value)];
}

/** Where a member stands, for "progress to the next tier". */
export interface TierProgress {
  /** The tier the member holds (may be above `qualified` while retention keeps it). */
  current: Tier | undefined;
  /** The tier the value qualifies for. */
  qualified: Tier | undefined;
  /** The tier above the higher of current and qualified; undefined at the top. */
  next: Tier | undefined;
  /** Amount of the metric still needed for `next` (0 at the top). */
  remaining: number;
  /** Amount still needed to qualify again for `current` (0 when already qualified). */
  toKeep: number;
}

/**
 * Progress toward the next tier.
 * @example tierProgress(beanClub().tiers, 700, 'silver') // { next: gold, remaining: 800, toKeep: 0, ... }
 */
export function tierProgress(tiers: readonly Tier[], value: number, currentTierId?: string): TierProgress {
  const c = indexOf(tiers, currentTierId);
  const q = qualifiedIndex(tiers, value);
  const next = tiers[Math.max(c, q) + 1];
  const current = tiers[c];
  return {
    current,
    qualified: tiers[q],
    next,
    remaining: next ? Math.max(0, next.threshold - value) : 0,
    toKeep: current ? Math.max(0, current.threshold - value) : 0,
  };
}

/**
 * The tier right after activity (not at a re-check): with `upgrade: 'immediate'` the member rises
 * as soon as the value reaches a higher threshold; with `next-evaluation` they keep their tier
 * until the re-check. Never lowers a tier. A member without a tier gets the one they qualify for.
 * @example tierAfterActivity(tiers, policy, 'green', 1600) // 'gold' (immediate)
 */
export function tierAfterActivity(tiers: readonly Tier[], policy: TierPolicy, currentTierId: string | undefined, value: number): string | undefined {
  const c = indexOf(tiers, currentTierId);
  const q = qualifiedIndex(tiers, value);
  if (c < 0) return tiers[q]?.id;
  return policy.upgrade === 'immediate' && q > c ? tiers[q]?.id : tiers[c]?.id;
}

/**
 * Whether activity can change the tier at all (`tierAfterActivity` other than the current one for
 * some value): not for a member in the top tier, nor under `next-evaluation`. Spares the caller
 * reading the qualification value, which frequent buyers in the top tier would need most often.
 * @example tierCanChangeAfterActivity(tiers, policy, 'gold') // false (gold is the top tier)
 */
export function tierCanChangeAfterActivity(tiers: readonly Tier[], policy: TierPolicy, currentTierId: string | undefined): boolean {
  if (tiers.length === 0) return false;
  const c = indexOf(tiers, currentTierId);
  return c < 0 || (policy.upgrade === 'immediate' && c < tiers.length - 1);
}

/** Outcome of a tier re-check. */
export interface TierReview {
  tierId: string | undefined;
  change: 'up' | 'down' | 'same';
  /** Date the change takes effect: the review date for upgrades, plus `graceDays` for downgrades. */
  effectiveOn: string;
}

/**
 * Re-check at the end of a window (or whenever `retention.evaluate` says): upgrades apply at once;
 * when the value no longer reaches the current tier, `one-tier` drops one tier, `to-qualified`
 * drops to the tier the value qualifies for, `never` keeps the tier. A downgrade takes effect
 * `graceDays` after the review date.
 * @example reviewTier(tiers, policy, 'gold', 100, '2025-12-31') // { tierId: 'silver', change: 'down', effectiveOn: '2026-01-30' } (one-tier, 30 grace days)
 */
export function reviewTier(tiers: readonly Tier[], policy: TierPolicy, currentTierId: string | undefined, value: number, reviewDate: string): TierReview {
  const c = indexOf(tiers, currentTierId);
  const q = qualifiedIndex(tiers, value);
  if (q > c) return { tierId: tiers[q]?.id, change: 'up', effectiveOn: reviewDate };
  const { downgrade, graceDays } = policy.retention;
  if (q === c || downgrade === 'never') return { tierId: tiers[c]?.id, change: 'same', effectiveOn: reviewDate };
  const target = downgrade === 'one-tier' ? c - 1 : q;
  return { tierId: tiers[target]?.id, change: 'down', effectiveOn: isoDateOfDay(dayOfIsoDate(reviewDate) + graceDays) };
}

function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The dates (inclusive) whose activity counts toward tiers as of a date: the last N months ending
 * that day for a rolling window, the calendar year containing it otherwise.
 * @example qualificationWindow({ kind: 'rolling', months: 12 }, '2025-09-06') // { from: '2024-09-07', to: '2025-09-06' }
 */
export function qualificationWindow(window: QualificationWindow, asOf: string): { from: string; to: string } {
  if (window.kind === 'calendar-year') return { from: `${asOf.slice(0, 4)}-01-01`, to: `${asOf.slice(0, 4)}-12-31` };
  return { from: isoDateOfDay(dayOfIsoDate(addMonths(asOf, -window.months)) + 1), to: asOf };
}
