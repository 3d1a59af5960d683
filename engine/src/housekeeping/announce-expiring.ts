import type { DbTx } from '../db';
import { announceExpiringPoints } from '../ledger';
import type { ProgramSpec } from '../spec';
import type { VersionsInForce } from './versions-in-force';

/**
 * How far ahead expiring points are announced when no journey asks for more: the same 30 days
 * that members' apps and receipts show as "expiring soon".
 */
export const DEFAULT_ANNOUNCEMENT_DAYS = 30;

/**
 * The announcement window of a version: the longest `daysBefore` of its enabled journeys that start
 * on `points-expiring` (at least 1 day), or {@link DEFAULT_ANNOUNCEMENT_DAYS} without such a journey.
 * @example announcementDays(retailTiersSpec) // 30 (journey-points-expiry, 30 days before)
 */
export function announcementDays(spec: ProgramSpec): number {
  const days = spec.journeys.flatMap((j) =>
    j.enabled && j.trigger.kind === 'schedule' && j.trigger.schedule.kind === 'points-expiring' ? [j.trigger.schedule.daysBefore] : [],
  );
  return days.length === 0 ? DEFAULT_ANNOUNCEMENT_DAYS : Math.max(1, ...days);
}

/**
 * Writes `points-expiring` events for points expiring within the window (`announceExpiringPoints`;
 * event ids per member and expiry date, so each date is announced once). The program's window is
 * the longest of the versions in force: the event states a fact (these points expire on that date),
 * and each journey decides from `expiresAt` when to send.
 * `events` counts the member-dates in the window, including ones announced by earlier runs.
 * @example announceExpiring(db, { programId, at, versions }) // { events: 12, withinDays: 30 }
 */
export function announceExpiring(db: DbTx, { programId, at, versions }: { programId: string; at: string; versions: VersionsInForce }) {
  const withinDays = Math.max(...versions.runtimes.map((r) => announcementDays(r.spec)));
  const { events } = announceExpiringPoints({ ctx: { db }, input: { programId, withinDays, asOf: at } });
  return { events, withinDays };
}
