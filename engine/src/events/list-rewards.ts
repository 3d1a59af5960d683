import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { ledgerBalances } from '../db/schema';
import type { MemberRow } from '../members';
import type { RewardOffer } from '../spec';
import { eventFacts } from './event-facts';
import type { ProgramRuntime } from './program-runtime';
import { checkReward, type RewardRefusal } from './reward-rules';
import { stockLeft } from './reward-stock';

/** A catalog entry as a member (or the till) sees it, with whether it can be redeemed now. */
export type RewardOption = {
  id: string;
  name: string;
  description: string;
  cost: number;
  offer: RewardOffer;
  minTierId: string | null;
  stockLeft: number | null;
  redeemable: boolean;
  reason: RewardRefusal | null;
  message: string | null;
};

/**
 * The enabled rewards of the member's version, each with `redeemable` and, when not, the reason
 * and a message (tier, eligibility, stock, minimum balance, cost, basket share). Reads only.
 * @example listRewards(db, runtime, member, { at: Date.now() }).filter((r) => r.redeemable)
 */
export function listRewards(tx: DbTx, runtime: ProgramRuntime, member: MemberRow, opts: { at: number; basketTotal?: number | undefined; storeId?: string }): RewardOption[] {
  const available = tx.select({ available: ledgerBalances.available }).from(ledgerBalances).where(eq(ledgerBalances.memberId, member.id)).get()?.available ?? 0;
  const facts = eventFacts(tx, runtime, member, { kind: 'custom', name: 'redemption', at: opts.at, total: opts.basketTotal, storeId: opts.storeId });
  return runtime.spec.rewards
    .filter((r) => r.enabled)
    .map((reward) => {
      const left = stockLeft(tx, runtime.programId, reward);
      const check = member.status === 'active'
        ? checkReward(runtime.spec, runtime.rewardConditions.get(reward.id), reward, { tierId: member.currentTierId ?? undefined, available, stockLeft: left, basketTotal: opts.basketTotal, facts })
        : ({ ok: false, reason: 'not-eligible', message: `Member '${member.id}' is ${member.status}.` } as const);
      return {
        id: reward.id,
        name: reward.name,
        description: reward.description,
        cost: reward.cost,
        offer: reward.offer,
        minTierId: reward.minTierId ?? null,
        stockLeft: left,
        redeemable: check.ok,
        reason: check.ok ? null : check.reason,
        message: check.ok ? null : check.message,
      };
    });
}
