import { addMonths, lotExpiresAt } from '../ledger/expiry-dates';
import type { LocalClock } from '../rules/local-time';
import type { Expiry } from '../spec';

/**
 * Calendar arithmetic of the replay on plain numbers: local days (days since 1970-01-01 in the
 * program zone), month keys (year * 12 + month index), ISO week keys, and epoch-ms versions of the
 * ledger's expiry dates (cached per UTC day, so the hot path rarely builds a Date).
 */

export const MS_PER_DAY = 86_400_000;

/** Year * 12 + zero-based month of a day number. @example monthKeyOfDay(0) // 23640 (1970-01) */
export function monthKeyOfDay(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** 'YYYY-MM' of a month key. @example monthLabel(24300) // '2025-01' */
export function monthLabel(key: number): string {
  return `${Math.floor(key / 12)}-${String((key % 12) + 1).padStart(2, '0')}`;
}

/** First day (day number) of a month key. @example firstDayOfMonth(monthKeyOfDay(20100)) */
export function firstDayOfMonth(key: number): number {
  return Math.floor(Date.UTC(Math.floor(key / 12), key % 12, 1) / MS_PER_DAY);
}

/** Monday-based week number of a day (day 0, 1970-01-01, was a Thursday): same grouping as ISO weeks. */
export function weekKeyOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The day `months` calendar months after `day` (clamped to the month's end). @example addMonthsToDay(dayOf('2025-01-31'), 1) // 2025-02-28 */
export function addMonthsToDay(day: number, months: number): number {
  const key = day * 512 + months + 256;
  let out = monthsCache.get(key);
  if (out === undefined) {
    out = Math.floor(Date.parse(addMonths(new Date(day * MS_PER_DAY).toISOString(), months)) / MS_PER_DAY);
    if (monthsCache.size > 100_000) monthsCache.clear();
    monthsCache.set(key, out);
  }
  return out;
}

const monthsCache = new Map<number, number>();

/**
 * The instant of a local wall-clock time (`minutes` after local midnight of `day`) in the clock's zone.
 * @example localInstant(createLocalClock('Europe/Berlin'), dayOfIsoDate('2025-09-06'), 720) // 10:00Z
 */
export function localInstant(clock: LocalClock, day: number, minutes: number): number {
  const wall = day * MS_PER_DAY + minutes * 60_000;
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const t = clock(guess);
    const diff = (t.day - day) * 1440 + (t.minutes - minutes);
    if (diff === 0) return guess;
    guess -= diff * 60_000;
  }
  return guess;
}

/**
 * Epoch-ms expiry date of a lot earned at an instant, as the ledger's `lotExpiresAt` computes it
 * (Infinity when the lot has no date of its own: `none` and `inactivity`). Cached per UTC day.
 * @example const expiryOf = lotExpiryFn({ kind: 'rolling', months: 24 }); expiryOf(Date.UTC(2025, 0, 31, 10))
 */
export function lotExpiryFn(expiry: Expiry): (earnedAt: number) => number {
  if (expiry.kind === 'none' || expiry.kind === 'inactivity') return () => Number.POSITIVE_INFINITY;
  const keepsTime = expiry.kind === 'rolling';
  let cachedDay = Number.NaN;
  let cachedBase = 0;
  return (earnedAt) => {
    const utcDay = Math.floor(earnedAt / MS_PER_DAY);
    if (utcDay !== cachedDay) {
      cachedDay = utcDay;
      cachedBase = Date.parse(lotExpiresAt(new Date(utcDay * MS_PER_DAY).toISOString(), expiry) ?? '');
    }
    return keepsTime ? cachedBase + (earnedAt - utcDay * MS_PER_DAY) : cachedBase;
  };
}

/**
 * Whether a member whose last earn or spend was at `lastActivity` is inactive at `asOf` under the
 * `inactivity` policy (the ledger's `isInactive` on epoch ms).
 * @example isInactiveAt(Date.UTC(2024, 0, 15), 12, Date.UTC(2025, 0, 15)) // true
 */
export function isInactiveAt(lastActivity: number, months: number, asOf: number): boolean {
  if (!(lastActivity > Number.NEGATIVE_INFINITY)) return false;
  if (asOf - lastActivity < months * 28 * MS_PER_DAY) return false;
  return Date.parse(addMonths(new Date(lastActivity).toISOString(), months)) <= asOf;
}

/** The instant an inactive member's points expire: `months` after the last activity. */
export function inactivityDeadline(lastActivity: number, months: number): number {
  return Date.parse(addMonths(new Date(lastActivity).toISOString(), months));
}
