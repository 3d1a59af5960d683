import { aliasTable, pickAlias } from './random';
import type { Random } from './random';

/**
 * When people shop: relative weight per weekday (Monday first), per month, and per hour of the day
 * on weekdays and on weekends. Times are generated on the UTC clock, which stands for the store's
 * wall clock.
 */
export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

const WEEKDAY = [0.85, 0.9, 0.95, 1.0, 1.15, 1.4, 0.75];
const MONTH = [0.85, 0.85, 0.95, 1.0, 1.0, 0.95, 0.95, 0.95, 1.0, 1.0, 1.1, 1.35];
// Hours 0..23. Weekdays peak at lunch and after work; weekends from late morning to afternoon.
const WEEKDAY_HOURS = [0, 0, 0, 0, 0, 0, 0.2, 0.8, 2, 3, 4, 5, 7, 6.5, 4.5, 4.5, 5.5, 7.5, 8, 6, 3.5, 1.5, 0.6, 0.2];
const WEEKEND_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.3, 1, 3, 6, 8, 8.5, 8, 7.5, 7, 6, 5, 3.5, 2.5, 1.5, 0.7, 0.3, 0.1];
const weekdayHours = aliasTable(WEEKDAY_HOURS);
const weekendHours = aliasTable(WEEKEND_HOURS);

/** Weekday of a UTC day number, 0 = Monday. */
export function weekdayOf(epochMs: number): number {
  return (((Math.floor(epochMs / MS_PER_DAY) + 3) % 7) + 7) % 7;
}

/** Relative shopping volume of the day that starts at `dayStart` (epoch ms, UTC midnight or not). */
export function dayWeight(dayStart: number): number {
  const month = new Date(dayStart).getUTCMonth();
  return (WEEKDAY[weekdayOf(dayStart)] ?? 1) * (MONTH[month] ?? 1);
}

/** A time of day in ms since midnight (whole seconds), following the weekday or weekend hour profile. */
export function timeOfDay(r: Random, weekend: boolean): number {
  const hour = pickAlias(weekend ? weekendHours : weekdayHours, r());
  return hour * MS_PER_HOUR + Math.floor(r() * 3600) * 1000;
}
