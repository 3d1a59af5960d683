import { describe, expect, it } from 'vitest';
import { createTemplateCatalog } from '../../programs/template-catalog';
import type { ProgramSpec } from '../../spec';
import { amountFor, maxPointsPayment, planPointsPayment, pointsFor } from './plan-points-payment';

// retail-tiers: 1 point = 0.02 EUR, at least 250 points, at most 50% of a basket.
const retail = createTemplateCatalog().load('retail-tiers').spec;
const withSpending = (spending: Partial<ProgramSpec['spending']>, pointValue = retail.program.pointValue): ProgramSpec => ({
  ...retail,
  program: { ...retail.program, pointValue },
  spending: { ...retail.spending, ...spending },
});

describe('points for money and money for points', () => {
  it('rounds points up and money to cents, without float noise', () => {
    expect(pointsFor(10, 0.02)).toBe(500);
    expect(pointsFor(10.01, 0.02)).toBe(501);
    expect(pointsFor(0.3, 0.1)).toBe(3); // 0.3 / 0.1 = 2.9999999999999996
    expect(pointsFor(1.1, 0.01)).toBe(110); // 1.1 / 0.01 = 110.00000000000001
    expect(amountFor(333, 0.02)).toBe(6.66);
    expect(amountFor(1, 0.005)).toBe(0.01);
  });
});

describe('planPointsPayment', () => {
  const basket = { basketTotal: 80, available: 5000 };

  it('takes ceil(amount / pointValue) points for an amount, and points x pointValue for points', () => {
    expect(planPointsPayment(retail, { amount: 10 }, basket)).toEqual({ ok: true, amount: 10, points: 500 });
    expect(planPointsPayment(retail, { amount: 10.005 }, basket)).toEqual({ ok: true, amount: 10.01, points: 501 });
    expect(planPointsPayment(retail, { points: 333 }, basket)).toEqual({ ok: true, amount: 6.66, points: 333 });
    expect(planPointsPayment(retail, { amount: 40 }, basket)).toEqual({ ok: true, amount: 40, points: 2000 });
  });

  it('refuses when the program does not allow paying with points', () => {
    expect(planPointsPayment(withSpending({ allowPartialPayWithPoints: false }), { amount: 1 }, basket)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
      message: 'This program does not let members pay part of a purchase with Points; redeem a reward instead.',
    });
  });

  it('refuses more than the basket share and says the maximum', () => {
    expect(planPointsPayment(retail, { amount: 40.01 }, basket)).toEqual({
      ok: false,
      reason: 'basket-share',
      message: 'At most 50% of this 80.00 EUR basket can be paid with Points: 40.00 EUR (2000 Points); asked for 40.01 EUR.',
      details: { maxAmount: 40, maxPoints: 2000 },
    });
    expect(planPointsPayment(retail, { points: 2001 }, basket)).toMatchObject({ reason: 'basket-share' });
  });

  it('refuses below the minimum balance, naming both numbers', () => {
    expect(planPointsPayment(retail, { amount: 1 }, { basketTotal: 80, available: 249 })).toMatchObject({
      reason: 'min-balance',
      message: 'Members need at least 250 Points available before they can pay with them; the member has 249 available.',
    });
  });

  it('refuses more points than available and says how many there are', () => {
    expect(planPointsPayment(retail, { amount: 10 }, { basketTotal: 80, available: 320 })).toEqual({
      ok: false,
      reason: 'insufficient',
      message: 'Paying 10.00 EUR takes 500 Points; the member has 320 available (worth 6.40 EUR).',
      details: { available: 320, availableAmount: 6.4, points: 500 },
    });
  });

  it('refuses points worth less than a cent', () => {
    expect(planPointsPayment(withSpending({}, 0.001), { points: 4 }, basket)).toMatchObject({ reason: 'too-small', message: '4 Points are worth less than 0.01 EUR; pay at least 10 Points.' });
  });
});

describe('maxPointsPayment', () => {
  it('is the smaller of the basket share and what the points are worth', () => {
    expect(maxPointsPayment(retail, { basketTotal: 80, available: 5000 })).toEqual({ amount: 40, points: 2000 });
    expect(maxPointsPayment(retail, { basketTotal: 80, available: 333 })).toEqual({ amount: 6.66, points: 333 });
  });

  it('is nothing below the minimum balance or when not allowed', () => {
    expect(maxPointsPayment(retail, { basketTotal: 80, available: 200 })).toEqual({ amount: 0, points: 0 });
    expect(maxPointsPayment(withSpending({ allowPartialPayWithPoints: false }), { basketTotal: 80, available: 5000 })).toEqual({ amount: 0, points: 0 });
  });
});
