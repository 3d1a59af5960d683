import { and, eq, lte } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerReservations } from '../db/schema';
import { releaseLapsedPointsPayments } from '../events/points-payments';
import { releaseLapsedRedemptions } from '../events/redemption-store';
import { releaseExpiredReservations } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';

/**
 * Till reservations whose hold lapsed give their points back to the member and their unit back to
 * stock (`releaseLapsedRedemptions`, which redemption calls otherwise only do lazily), points
 * payments reserved at a till become `lapsed` with their points back (`releaseLapsedPointsPayments`),
 * and any other lapsed ledger hold gives its points back (`releaseExpiredReservations`). One transaction
 * per program: holds last minutes, so only the few that lapsed since the last run are in it.
 * @example releaseLapsedHolds(db, { programId, at }) // { holds: 1, points: 500, redemptions: 1, pointsPayments: 0 }
 */
export function releaseLapsedHolds(db: DbTx, { programId, at }: { programId: string; at: string }) {
  return db.transaction((tx) => {
    const lapsed = tx
      .select({ points: ledgerReservations.points })
      .from(ledgerReservations)
      .where(and(eq(ledgerReservations.status, 'held'), lte(ledgerReservations.expiresAt, at), eq(ledgerReservations.programId, programId)))
      .all();
    const redemptions = releaseLapsedRedemptions(tx, programId, at);
    const pointsPayments = releaseLapsedPointsPayments(tx, programId, at);
    releaseExpiredReservations({ ctx: { db: tx }, input: { programId, asOf: at } });
    return { holds: lapsed.length, points: lapsed.reduce((s, r) => s + r.points, 0), redemptions, pointsPayments };
  }, WRITE_TRANSACTION);
}
