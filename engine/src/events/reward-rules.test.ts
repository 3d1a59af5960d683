import { describe, expect, it } from 'vitest';
import { createTemplateCatalog } from '../programs/template-catalog';
import { ProgramSpec, Reward } from '../spec';
import { checkReward, rewardValue } from './reward-rules';

const spec = createTemplateCatalog().load('retail-tiers').spec;
const reward = (id: string) => spec.rewards.find((r) => r.id === id)!;
const facts = (country?: string) => ({ event: { kind: 'custom' as const, name: 'redemption', at: Date.now() }, items: [], member: country ? { country } : {}, aggregates: {} });
const base = { tierId: 'member', available: 5000, stockLeft: null, facts: facts() };

describe('checkReward', () => {
  it('names the cost and the balance when points are short', () => {
    expect(checkReward(spec, undefined, reward('reward-voucher-10'), { ...base, available: 420 })).toEqual({
      ok: false,
      reason: 'insufficient',
      message: "Reward '10 euro voucher' costs 500 Points; the member has 420 available.",
    });
  });

  it('applies the minimum balance before anything else about points', () => {
    const r = checkReward(spec, undefined, reward('reward-voucher-5'), { ...base, available: 120 });
    expect(r).toMatchObject({ ok: false, reason: 'min-balance', message: 'Members need at least 250 Points available before they can redeem; the member has 120 available.' });
  });

  it('refuses rewards above the member tier, naming both tiers', () => {
    expect(checkReward(spec, undefined, reward('reward-gold-15-percent'), { ...base, tierId: 'silver' })).toMatchObject({
      reason: 'min-tier',
      message: "Reward '15% off one purchase (Gold)' is for Gold members and above; the member is Silver.",
    });
  });

  it('checks the eligibility condition, the stock and the basket share', () => {
    const styling = reward('reward-personal-styling');
    const inCountry = (f: { member: { country?: string } }) => ['NL', 'DE', 'BE'].includes(f.member.country ?? '');
    expect(checkReward(spec, inCountry, styling, { ...base, tierId: 'gold', facts: facts('FR') })).toMatchObject({ reason: 'not-eligible' });
    expect(checkReward(spec, inCountry, styling, { ...base, tierId: 'gold', facts: facts('NL'), stockLeft: 0 })).toMatchObject({ reason: 'out-of-stock' });
    expect(checkReward(spec, inCountry, styling, { ...base, tierId: 'gold', facts: facts('NL'), stockLeft: 3 })).toEqual({ ok: true });
    expect(checkReward(spec, undefined, reward('reward-voucher-25'), { ...base, basketTotal: 40 })).toMatchObject({
      reason: 'basket-share',
      message: "Reward '25 euro voucher' is worth 25.00 EUR; at most 50% of this 40.00 EUR basket (20.00 EUR) can be paid with Points.",
    });
    expect(checkReward(spec, undefined, reward('reward-voucher-25'), { ...base, basketTotal: 50 })).toEqual({ ok: true });
  });

  it('values rewards in money for the basket rule', () => {
    const s = ProgramSpec.parse({ program: { name: 'x', pointValue: 0.01 } });
    const r = (offer: unknown) => Reward.parse({ id: 'r', name: 'R', offer, cost: 500 });
    expect(rewardValue(s, r({ kind: 'discount-percent', percent: 10 }), 80)).toBe(8);
    expect(rewardValue(s, r({ kind: 'free-product', sku: 'X' }), 80)).toBe(5);
    expect(rewardValue(s, r({ kind: 'discount-amount', amount: 3 }), 80)).toBe(3);
  });
});
