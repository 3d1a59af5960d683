import { timeOrderedId } from '../ids';
import type { DbTx } from '../db';
import { rewardRedemptions } from '../db/schema';
import { reservePoints } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { writeEvent } from './domain-events';
import { prepareRedemption, RedeemRewardInput, redemptionView, releaseLapsedRedemptions, type RedemptionView } from './redemption-store';
import { takeStock } from './reward-stock';

/**
 * First step of a till redemption: checks the catalog and spending rules, holds a unit of stock
 * and the points (ledger reservation) for the program's `reservationMinutes`; commit when the
 * sale completes, cancel when it does not. A hold that lapses gives points and stock back.
 * @example const r = reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-tote-bag', storeId: 'amsterdam', basketTotal: 80 } }); r.holdExpiresAt
 */
export function reserveReward({ ctx, input }: { ctx: { db: DbTx }; input: RedeemRewardInput }): RedemptionView {
  const req = RedeemRewardInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    releaseLapsedRedemptions(tx, req.programId, at);
    const { member, runtime, reward } = prepareRedemption(tx, req, at);
    takeStock(tx, req.programId, reward);
    const id = timeOrderedId();
    const held = reservePoints({
      ctx: { db: tx },
      input: { transactionId: `reserve:${id}`, programId: req.programId, memberId: member.id, points: reward.cost, holdMinutes: runtime.spec.spending.reservationMinutes, minBalance: runtime.spec.spending.minBalance, programVersionId: runtime.versionId, sourceRef: `reward:${reward.id}`, occurredAt: at, metadata: { redemptionId: id, rewardId: reward.id } },
    });
    const row = {
      id,
      programId: req.programId,
      memberId: member.id,
      rewardId: reward.id,
      rewardName: reward.name,
      versionId: runtime.versionId,
      storeId: req.storeId,
      points: reward.cost,
      basketTotal: req.basketTotal ?? null,
      status: 'reserved' as const,
      ledgerTransactionId: held.transaction.id,
      code: null,
      holdExpiresAt: held.expiresAt,
      validUntil: null,
      createdAt: at,
      resolvedAt: null,
    };
    tx.insert(rewardRedemptions).values(row).run();
    writeEvent(tx, { id: `${id}:reward-reserved`, type: 'reward-reserved', programId: req.programId, memberId: member.id, payload: { redemptionId: id, rewardId: reward.id, points: reward.cost, holdExpiresAt: held.expiresAt }, at });
    return redemptionView(tx, row);
  }, WRITE_TRANSACTION);
}
