import { addMonths } from '../ledger/expiry-dates';
import { dayOfIsoDate, isoDateOfDay } from '../rules/local-time';
import type { TierPolicy } from '../spec';

/** A member's dates that the re-check schedule depends on, as local dates (YYYY-MM-DD). */
export type ReviewAnchors = {
  /** The day the member joined. */
  joinedOn: string;
  /** The day the member got their current tier (the join day when they never changed tier). */
  tierSince: string;
};

/** `date` plus whole calendar months, clamped to the month's end. @example plusMonths('2025-01-31', 1) // '2025-02-28' */
function plusMonths(date: string, months: number): string {
  return addMonths(`${date}T00:00:00.000Z`, months).slice(0, 10);
}

/** The latest of `from + k·months` (k ≥ 1) that is before `today`, or undefined. */
function lastStepBefore(from: string, months: number, today: string): string | undefined {
  let last: string | undefined;
  // Counting from `from` each time (not from the previous step) keeps month-end dates from drifting.
  for (let k = 1; ; k++) {
    const step = plusMonths(from, k * months);
    if (step >= today) return last;
    last = step;
  }
}

/**
 * The latest scheduled tier re-check that is over by `today` (a re-check happens once its day has
 * ended), or undefined when none is due yet. The same schedule as the simulation (TierBook):
 * - `monthly`: the last day of each month;
 * - `window-end`, calendar-year window: 31 December;
 * - `window-end`, rolling window of N months: every N months after the member got their tier;
 * - `membership-anniversary`: each anniversary of the join date.
 * A date before the member got their current tier is no re-check of that tier, so it is skipped.
 * Dates are local dates in the program's time zone.
 * @example lastDueReviewDate(monthlyPolicy, { joinedOn: '2025-01-10', tierSince: '2025-01-10' }, '2025-03-05') // '2025-02-28'
 */
export function lastDueReviewDate(policy: TierPolicy, anchors: ReviewAnchors, today: string): string | undefined {
  const { evaluate } = policy.retention;
  const since = anchors.tierSince < anchors.joinedOn ? anchors.joinedOn : anchors.tierSince;
  let date: string | undefined;
  if (evaluate === 'monthly') date = isoDateOfDay(dayOfIsoDate(`${today.slice(0, 7)}-01`) - 1);
  else if (evaluate === 'membership-anniversary') date = lastStepBefore(anchors.joinedOn, 12, today);
  else if (policy.window.kind === 'calendar-year') date = `${Number(today.slice(0, 4)) - 1}-12-31`;
  else date = lastStepBefore(since, policy.window.months, today);
  return date !== undefined && date >= since ? date : undefined;
}
