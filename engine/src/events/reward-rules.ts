import type { EvaluationFacts } from '../rules';
import type { ProgramSpec, Reward } from '../spec';

/** Why a member cannot redeem a reward right now. */
export type RewardRefusal = 'disabled' | 'min-tier' | 'not-eligible' | 'out-of-stock' | 'min-balance' | 'insufficient' | 'basket-share';

export type RewardCheck = { ok: true } | { ok: false; reason: RewardRefusal; message: string };

/** What the member brings to a redemption. */
export type RedeemerState = {
  tierId: string | undefined;
  available: number;
  /** Units left; null for unlimited rewards. */
  stockLeft: number | null;
  /** Money total of the basket the reward is used on, when redeeming at checkout. */
  basketTotal?: number | undefined;
  facts: EvaluationFacts;
};

const money = (spec: ProgramSpec, n: number) => `${n.toFixed(2)} ${spec.program.currency}`;

/**
 * Money value of a reward, for the "max share of basket" rule: the amount of a discount, voucher
 * or cashback, the percent of the basket, or the points' worth (cost x pointValue) otherwise.
 * @example rewardValue(spec, { offer: { kind: 'voucher', value: 25 }, ... }, 40) // 25
 */
export function rewardValue(spec: ProgramSpec, reward: Reward, basketTotal: number | undefined): number {
  const o = reward.offer;
  switch (o.kind) {
    case 'discount-amount':
    case 'cashback':
      return o.amount;
    case 'voucher':
      return o.value;
    case 'discount-percent':
      return ((basketTotal ?? 0) * o.percent) / 100;
    default:
      return reward.cost * spec.program.pointValue;
  }
}

/**
 * Whether a member can redeem a reward now, and if not, a message a cashier can read out.
 * Checked in order: enabled, minimum tier, eligibility condition, stock, the spending rules'
 * minimum balance, the cost, and (at checkout) the largest share of the basket payable with points.
 * @example checkReward(spec, conditions, reward, { tierId: 'member', available: 420, stockLeft: null, facts })
 * // { ok: false, reason: 'insufficient', message: "Reward 'Free coffee' costs 900 Beans; the member has 420 available." }
 */
export function checkReward(spec: ProgramSpec, condition: ((f: EvaluationFacts) => boolean) | undefined, reward: Reward, s: RedeemerState): RewardCheck {
  const name = `Reward '${reward.name}'`;
  const pts = spec.program.pointsName;
  if (!reward.enabled) return { ok: false, reason: 'disabled', message: `${name} is not offered at the moment.` };
  if (reward.minTierId) {
    const need = spec.tiers.findIndex((t) => t.id === reward.minTierId);
    const has = s.tierId === undefined ? -1 : spec.tiers.findIndex((t) => t.id === s.tierId);
    if (has < need) {
      const current = spec.tiers[has]?.name ?? 'without a tier';
      return { ok: false, reason: 'min-tier', message: `${name} is for ${spec.tiers[need]?.name ?? reward.minTierId} members and above; the member is ${current}.` };
    }
  }
  if (condition && !condition(s.facts)) return { ok: false, reason: 'not-eligible', message: `The member does not meet the conditions of ${name.toLowerCase()}.` };
  if (s.stockLeft !== null && s.stockLeft <= 0) return { ok: false, reason: 'out-of-stock', message: `${name} is out of stock.` };
  const min = spec.spending.minBalance;
  if (s.available < min) {
    return { ok: false, reason: 'min-balance', message: `Members need at least ${min} ${pts} available before they can redeem; the member has ${s.available} available.` };
  }
  if (s.available < reward.cost) return { ok: false, reason: 'insufficient', message: `${name} costs ${reward.cost} ${pts}; the member has ${s.available} available.` };
  if (s.basketTotal !== undefined) {
    const share = spec.spending.maxBasketShare;
    const value = rewardValue(spec, reward, s.basketTotal);
    const limit = s.basketTotal * share;
    if (value > limit + 1e-9) {
      return {
        ok: false,
        reason: 'basket-share',
        message: `${name} is worth ${money(spec, value)}; at most ${Math.round(share * 100)}% of this ${money(spec, s.basketTotal)} basket (${money(spec, limit)}) can be paid with ${pts}.`,
      };
    }
  }
  return { ok: true };
}
