import { and, eq, gt, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerLots } from '../db/schema';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from './common-input';
import { addDays } from './expiry-dates';
import { writeOutboxEvent } from './outbox';

export const AnnounceExpiringPointsInput = z.object({
  programId: EntityId,
  /** Announce points whose expiry date falls within this many days after `asOf`. */
  withinDays: z.number().int().min(1).max(365).default(30),
  asOf: Timestamp.optional(),
});
export type AnnounceExpiringPointsInput = z.input<typeof AnnounceExpiringPointsInput>;

/**
 * Writes one `points-expiring` outbox event per member and expiry date in the window (for
 * reminder journeys). The event id is `<member>:points-expiring:<date>`, so daily runs announce
 * each date once. Dated lots only: inactivity expiry has no date until it happens.
 * @example announceExpiringPoints({ ctx: { db }, input: { programId, withinDays: 30 } }) // { events: 12 }
 */
export function announceExpiringPoints({ ctx, input }: { ctx: { db: DbTx }; input: AnnounceExpiringPointsInput }) {
  const req = AnnounceExpiringPointsInput.parse(input);
  const at = req.asOf ?? nowIso();
  return ctx.db.transaction((tx) => {
    const lots = tx
      .select({ memberId: ledgerLots.memberId, remaining: ledgerLots.remaining, expiresAt: ledgerLots.expiresAt })
      .from(ledgerLots)
      .where(
        and(
          eq(ledgerLots.programId, req.programId),
          eq(ledgerLots.status, 'available'),
          gt(ledgerLots.remaining, 0),
          isNotNull(ledgerLots.expiresAt),
          gt(ledgerLots.expiresAt, at),
          lte(ledgerLots.expiresAt, addDays(at, req.withinDays)),
        ),
      )
      .all();
    const due = new Map<string, { memberId: string; expiresAt: string; points: number }>();
    for (const l of lots) {
      if (!l.expiresAt) continue;
      const key = `${l.memberId}:points-expiring:${l.expiresAt}`;
      const entry = due.get(key) ?? { memberId: l.memberId, expiresAt: l.expiresAt, points: 0 };
      entry.points += l.remaining;
      due.set(key, entry);
    }
    for (const [id, e] of due) {
      writeOutboxEvent(tx, { id, type: 'points-expiring', programId: req.programId, memberId: e.memberId, payload: { points: e.points, expiresAt: e.expiresAt }, at });
    }
    return { events: due.size };
  }, WRITE_TRANSACTION);
}
