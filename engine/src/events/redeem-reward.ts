import { timeOrderedId } from '../ids';
import type { DbTx } from '../db';
import { rewardRedemptions } from '../db/schema';
import { addDays, redeemPoints } from '../ledger';
import { WRITE_TRANSACTION } from '../ledger/common-input';
import { writeEvent } from './domain-events';
import { prepareRedemption, RedeemRewardInput, redemptionView, releaseLapsedRedemptions, voucherCode, type RedemptionView } from './redemption-store';
import { takeStock } from './reward-stock';

/**
 * One-step redemption (web shop, app): checks the catalog and spending rules, takes a unit of
 * stock, spends the points in the ledger and records the redemption with its voucher code, in one
 * BEGIN IMMEDIATE transaction; writes `reward-redeemed` (and the ledger's `points-redeemed`).
 * @example redeemReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-5', storeId: 'web' } }).code // 'MER5-7KQ2...'
 */
export function redeemReward({ ctx, input }: { ctx: { db: DbTx }; input: RedeemRewardInput }): RedemptionView {
  const req = RedeemRewardInput.parse(input);
  const at = req.occurredAt ?? new Date().toISOString();
  return ctx.db.transaction((tx) => {
    releaseLapsedRedemptions(tx, req.programId, at);
    const { member, runtime, reward } = prepareRedemption(tx, req, at);
    takeStock(tx, req.programId, reward);
    const id = timeOrderedId();
    const posted = redeemPoints({
      ctx: { db: tx },
      input: { transactionId: `redeem:${id}`, programId: req.programId, memberId: member.id, points: reward.cost, minBalance: runtime.spec.spending.minBalance, programVersionId: runtime.versionId, sourceRef: `reward:${reward.id}`, occurredAt: at, metadata: { redemptionId: id, rewardId: reward.id } },
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
      status: 'redeemed' as const,
      ledgerTransactionId: posted.transaction.id,
      code: voucherCode(reward),
      holdExpiresAt: null,
      validUntil: addDays(at, reward.validityDays),
      createdAt: at,
      resolvedAt: at,
    };
    tx.insert(rewardRedemptions).values(row).run();
    writeEvent(tx, { id: `${id}:reward-redeemed`, type: 'reward-redeemed', programId: req.programId, memberId: member.id, payload: { redemptionId: id, rewardId: reward.id, points: reward.cost, versionId: runtime.versionId }, at });
    return redemptionView(tx, row);
  }, WRITE_TRANSACTION);
}
