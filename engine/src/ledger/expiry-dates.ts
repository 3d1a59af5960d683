import type { Expiry } from '../spec';

const DAY_MS = 86_400_000;

/**
 * Adds whole calendar months in UTC, clamping to the month's last day.
 * @example addMonths('2025-01-31T10:00:00.000Z', 1) // '2025-02-28T10:00:00.000Z'
 */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(d.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

/** @example addDays('2025-03-01T00:00:00.000Z', 14) // '2025-03-15T00:00:00.000Z' */
export function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY_MS).toISOString();
}

const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/**
 * When a lot earned at `earnedAt` expires under the policy: the first instant it is no longer
 * spendable. `null` when it has no date of its own (`none`, or `inactivity`, which is decided
 * per member at expiry time). Periods are calendar periods in UTC.
 * @example lotExpiresAt('2025-05-10T12:00:00.000Z', { kind: 'end-of-period', period: 'year', afterPeriods: 1 })
 * // '2027-01-01T00:00:00.000Z' (points earned in 2025 last until the end of 2026)
 */
export function lotExpiresAt(earnedAt: string, expiry: Expiry): string | null {
  switch (expiry.kind) {
    case 'none':
    case 'inactivity':
      return null;
    case 'rolling':
      return addMonths(earnedAt, expiry.months);
    case 'end-of-period': {
      const d = new Date(earnedAt);
      const size = PERIOD_MONTHS[expiry.period];
      const startMonth = Math.floor(d.getUTCMonth() / size) * size;
      return new Date(Date.UTC(d.getUTCFullYear(), startMonth + size * (1 + expiry.afterPeriods), 1)).toISOString();
    }
  }
}

/**
 * Whether a member without earning or spending since `lastActivityAt` has passed the inactivity limit.
 * @example isInactive('2024-01-15T00:00:00.000Z', 12, '2025-01-15T00:00:00.000Z') // true
 */
export function isInactive(lastActivityAt: string | null, months: number, asOf: string): boolean {
  if (!lastActivityAt) return false;
  return addMonths(lastActivityAt, months) <= asOf;
}

/** Whether a lot is past its expiry date at `asOf`. */
export function isPastExpiry(lot: { expiresAt: string | null }, asOf: string): boolean {
  return lot.expiresAt !== null && lot.expiresAt <= asOf;
}
