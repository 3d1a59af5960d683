import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rewardRedemptions } from '../db/schema';
import { cancelReservation } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { notHeld, ResolveReservationInput } from './commit-reward-reservation';
import { writeEvent } from './domain-events';
import { redemptionView, requireReservation, type RedemptionView } from './redemption-store';
import { returnStock } from './reward-stock';

/**
 * Second step at the till, the sale did not happen: the held points go back to the member and the
 * unit back to stock. A lapsed or resolved reservation is a conflict.
 * @example cancelRewardReservation({ ctx: { db }, input: { programId, storeId: 'amsterdam', reservationId } }).status // 'cancelled'
 */
export function cancelRewardReservation({ ctx, input }: { ctx: { db: DbTx }; input: ResolveReservationInput }): RedemptionView {
  const req = ResolveReservationInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    const row = requireReservation(tx, req.programId, req.storeId, req.reservationId);
    const refused = notHeld(row, at);
    if (refused) throw refused;
    cancelReservation({ ctx: { db: tx }, input: { transactionId: `cancel:${row.id}`, programId: req.programId, reservationId: row.ledgerTransactionId, reason: 'cancelled at the till', occurredAt: at } });
    returnStock(tx, req.programId, row.rewardId);
    const changes = { status: 'cancelled' as const, resolvedAt: at };
    tx.update(rewardRedemptions).set(changes).where(eq(rewardRedemptions.id, row.id)).run();
    writeEvent(tx, { id: `${row.id}:reward-reservation-cancelled`, type: 'reward-reservation-cancelled', programId: req.programId, memberId: row.memberId, payload: { redemptionId: row.id, rewardId: row.rewardId, points: row.points }, at });
    return redemptionView(tx, { ...row, ...changes });
  }, WRITE_TRANSACTION);
}
