import type { ConditionEnv, EvalContext, Predicate } from '../rules';
import { compilePredicate } from '../rules';
import { createRandom } from './datasets';
import type { Random } from './datasets';
import type { Reward, ProgramSpec } from '../spec';
import type { RedemptionModel } from './options';

interface Offer {
  index: number;
  reward: Reward;
  cost: number;
  minTier: number;
  eligible: Predicate | undefined;
  /** Share of the basket the reward pays (money off the basket), or 0 when it is not basket money. */
  basketAmount: number;
  basketPercent: number;
}

/** The member's side of a redemption decision. */
export interface RedeemerHost {
  /** Evaluation context of the member right now (for reward eligibility). */
  contextOf(m: number): EvalContext;
}

/**
 * The redemption behaviour model (see {@link RedemptionModel}) over a program's reward catalog.
 * `choose` returns the catalog index of the reward a member redeems now, or -1.
 * @example const r = redeemer.choose(m, available, tierIndex, purchaseTotal, host); if (r >= 0) spend(redeemer.cost(r));
 */
export class Redeemer {
  private readonly offers: Offer[];
  private readonly random: Random;
  private readonly stock: Float64Array;
  readonly counts: Float64Array;
  readonly points: Float64Array;
  readonly values: Float64Array;
  /** Smallest cost of an enabled reward (Infinity without one). */
  readonly minCost: number;

  constructor(
    private readonly spec: ProgramSpec,
    env: ConditionEnv,
    private readonly model: RedemptionModel,
  ) {
    const tierIndex = new Map(spec.tiers.map((t, i) => [t.id, i]));
    this.offers = spec.rewards
      .map((reward, index): Offer => ({
        index,
        reward,
        cost: reward.cost,
        minTier: reward.minTierId ? (tierIndex.get(reward.minTierId) ?? 0) : -1,
        eligible: reward.eligibility ? compilePredicate(reward.eligibility, env) : undefined,
        basketAmount: reward.offer.kind === 'discount-amount' ? reward.offer.amount : 0,
        basketPercent: reward.offer.kind === 'discount-percent' ? reward.offer.percent / 100 : 0,
      }))
      .filter((o) => o.reward.enabled)
      .sort((a, b) => a.cost - b.cost || a.index - b.index);
    this.random = createRandom(model.seed);
    this.stock = Float64Array.from(spec.rewards, (r) => r.stock ?? Number.POSITIVE_INFINITY);
    this.counts = new Float64Array(spec.rewards.length);
    this.points = new Float64Array(spec.rewards.length);
    this.values = new Float64Array(spec.rewards.length);
    this.minCost = this.offers[0]?.cost ?? Number.POSITIVE_INFINITY;
  }

  /**
   * The reward member `m` redeems at a purchase of `total`, or -1: nothing affordable, the draw
   * said no, or the model is off.
   */
  choose(m: number, available: number, tier: number, total: number, host: RedeemerHost): number {
    if (!this.model.enabled || this.model.probability <= 0) return -1;
    if (available < this.minCost || available < this.spec.spending.minBalance) return -1;
    let ctx: EvalContext | undefined;
    let pick: Offer | undefined;
    for (const o of this.offers) {
      if (o.cost > available) break;
      if (o.minTier > tier || this.stock[o.index]! <= 0) continue;
      const share = this.spec.spending.maxBasketShare;
      if (o.basketAmount > 0 && o.basketAmount > share * total) continue;
      if (o.basketPercent > share) continue;
      if (o.eligible) {
        ctx ??= host.contextOf(m);
        if (!o.eligible(ctx)) continue;
      }
      pick = o;
      if (this.model.choice === 'cheapest') break;
    }
    if (!pick) return -1;
    if (this.random() >= this.model.probability) return -1;
    return pick.index;
  }

  /** Books a redemption of reward `index` at a purchase of `total`; returns its money value. */
  take(index: number, total: number): number {
    const reward = this.spec.rewards[index]!;
    const offer = reward.offer;
    const value =
      offer.kind === 'discount-amount' || offer.kind === 'cashback'
        ? offer.amount
        : offer.kind === 'voucher'
          ? offer.value
          : offer.kind === 'discount-percent'
            ? (total * offer.percent) / 100
            : reward.cost * this.spec.program.pointValue;
    this.stock[index]! -= 1;
    this.counts[index]! += 1;
    this.points[index]! += reward.cost;
    this.values[index]! += value;
    return value;
  }

  /** Points reward `index` costs. */
  cost(index: number): number {
    return this.spec.rewards[index]!.cost;
  }
}
