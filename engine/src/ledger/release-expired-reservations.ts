import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerReservations } from '../db/schema';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from './common-input';
import { requestHash } from './idempotency';
import { releaseReservation } from './reservation-store';

export const ReleaseExpiredReservationsInput = z.object({
  programId: EntityId.optional(),
  asOf: Timestamp.optional(),
});
export type ReleaseExpiredReservationsInput = z.input<typeof ReleaseExpiredReservationsInput>;

/**
 * Gives back the points of every hold that lapsed by `asOf` (a scheduled job). Each lapse is a
 * `cancel-reservation` transaction with id `lapse:<reservation id>`, so running it twice is harmless.
 * @example releaseExpiredReservations({ ctx: { db }, input: {} }) // { released: 2, points: 130 }
 */
export function releaseExpiredReservations({ ctx, input }: { ctx: { db: DbTx }; input: ReleaseExpiredReservationsInput }) {
  const req = ReleaseExpiredReservationsInput.parse(input);
  const at = req.asOf ?? nowIso();
  return ctx.db.transaction((tx) => {
    const due = tx
      .select()
      .from(ledgerReservations)
      .where(
        and(
          eq(ledgerReservations.status, 'held'),
          lte(ledgerReservations.expiresAt, at),
          req.programId ? eq(ledgerReservations.programId, req.programId) : undefined,
        ),
      )
      .all();
    for (const r of due) {
      const transactionId = `lapse:${r.id}`;
      releaseReservation(tx, r, {
        transactionId,
        at,
        requestHash: requestHash('lapse-reservation', { reservationId: r.id }),
        status: 'lapsed',
        reason: 'hold lapsed',
      });
    }
    return { released: due.length, points: due.reduce((s, r) => s + r.points, 0) };
  }, WRITE_TRANSACTION);
}
