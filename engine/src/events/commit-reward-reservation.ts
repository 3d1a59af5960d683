import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { rewardRedemptions } from '../db/schema';
import { DomainError } from '../errors';
import { addDays, commitReservation } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { writeEvent } from './domain-events';
import { runtimeOfVersion } from './program-runtime';
import { redemptionView, requireReservation, voucherCode, type RedemptionView } from './redemption-store';

export const ResolveReservationInput = z.object({
  programId: z.string().min(1),
  storeId: z.string().min(1).max(100),
  reservationId: z.string().min(1).max(100),
  occurredAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()).optional(),
});
export type ResolveReservationInput = z.input<typeof ResolveReservationInput>;

/** The conflict for a reservation that is no longer held. */
export function notHeld(row: { id: string; status: string; holdExpiresAt: string | null }, at: string): DomainError | undefined {
  if (row.status === 'reserved' && row.holdExpiresAt !== null && row.holdExpiresAt > at) return undefined;
  const state = row.status === 'reserved' || row.status === 'lapsed' ? `lapsed at ${row.holdExpiresAt}; the points and the reward were given back. Reserve again` : `is already ${row.status}`;
  return new DomainError('conflict', `Reservation '${row.id}' ${state}.`, { state: row.status === 'reserved' ? 'lapsed' : row.status });
}

/**
 * Second step at the till, the sale went through: the held points are redeemed, the redemption
 * gets its voucher code and validity, and `reward-redeemed` is written. Reservations of another
 * store are not found; a lapsed or resolved reservation is a conflict.
 * @example commitRewardReservation({ ctx: { db }, input: { programId, storeId: 'amsterdam', reservationId } }).status // 'redeemed'
 */
export function commitRewardReservation({ ctx, input }: { ctx: { db: DbTx }; input: ResolveReservationInput }): RedemptionView {
  const req = ResolveReservationInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    const row = requireReservation(tx, req.programId, req.storeId, req.reservationId);
    const refused = notHeld(row, at);
    if (refused) throw refused;
    commitReservation({ ctx: { db: tx }, input: { transactionId: `commit:${row.id}`, programId: req.programId, reservationId: row.ledgerTransactionId, sourceRef: `reward:${row.rewardId}`, occurredAt: at } });
    const reward = runtimeOfVersion(tx, row.versionId).spec.rewards.find((r) => r.id === row.rewardId);
    const changes = { status: 'redeemed' as const, code: reward ? voucherCode(reward) : null, validUntil: addDays(at, reward?.validityDays ?? 30), resolvedAt: at };
    tx.update(rewardRedemptions).set(changes).where(eq(rewardRedemptions.id, row.id)).run();
    writeEvent(tx, { id: `${row.id}:reward-redeemed`, type: 'reward-redeemed', programId: req.programId, memberId: row.memberId, payload: { redemptionId: row.id, rewardId: row.rewardId, points: row.points, versionId: row.versionId }, at });
    return redemptionView(tx, { ...row, ...changes });
  }, WRITE_TRANSACTION);
}
