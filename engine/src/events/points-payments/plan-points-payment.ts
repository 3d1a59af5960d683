import type { ProgramSpec } from '../../spec';

/** What the caller asks to pay with points: a money amount or a number of points (exactly one). */
export type PointsPaymentAsk = { amount: number; points?: undefined } | { points: number; amount?: undefined };

/** Why a member cannot pay (this much) with points. */
export type PointsPaymentRefusal = 'not-allowed' | 'too-small' | 'basket-share' | 'min-balance' | 'insufficient';

export type PointsPaymentPlan =
  | { ok: true; amount: number; points: number }
  | { ok: false; reason: PointsPaymentRefusal; message: string; details: Record<string, number> };

/** Money is kept in cents; float noise below a millionth of a point is not a point. */
const EPSILON = 1e-6;
const cents = (n: number) => Math.round(n * 100) / 100;
const floorCents = (n: number) => Math.floor(n * 100 + EPSILON) / 100;

/**
 * Points needed for an amount, rounded up so the program never gives more money than the points
 * are worth; and the amount points are worth, rounded to cents.
 * @example pointsFor(10, 0.02) // 500
 * @example amountFor(333, 0.02) // 6.66
 */
export function pointsFor(amount: number, pointValue: number): number {
  return Math.ceil(amount / pointValue - EPSILON);
}
export function amountFor(points: number, pointValue: number): number {
  return cents(points * pointValue);
}

/**
 * The most a member can pay with points on a basket: the spending rules' share of the basket,
 * and no more than their available points are worth; 0 when paying with points is not allowed
 * or the member is below the minimum balance.
 * @example maxPointsPayment(spec, { basketTotal: 80, available: 5000 }) // { amount: 40, points: 2000 }
 */
export function maxPointsPayment(spec: ProgramSpec, s: { basketTotal: number; available: number }): { amount: number; points: number } {
  const { pointValue } = spec.program;
  if (!spec.spending.allowPartialPayWithPoints || s.available < spec.spending.minBalance) return { amount: 0, points: 0 };
  const amount = Math.min(floorCents(s.basketTotal * spec.spending.maxBasketShare), floorCents(s.available * pointValue));
  return { amount, points: Math.min(pointsFor(amount, pointValue), s.available) };
}

/**
 * Whether a member can pay `ask` of a basket with points, and if so how many points that takes
 * (`ceil(amount / pointValue)`) or what they are worth (`points x pointValue` in cents). Checked in
 * order: the program allows it, the amount is worth at least a cent, the largest share of the
 * basket payable with points, the minimum balance, the available points. Messages are for the
 * cashier and name the limit.
 * @example planPointsPayment(spec, { amount: 10 }, { basketTotal: 80, available: 320 })
 * // { ok: false, reason: 'insufficient', message: 'Paying 10.00 EUR takes 500 Points; the member has 320 available (worth 6.40 EUR).', ... }
 */
export function planPointsPayment(spec: ProgramSpec, ask: PointsPaymentAsk, s: { basketTotal: number; available: number }): PointsPaymentPlan {
  const { pointValue, currency, pointsName: pts } = spec.program;
  const money = (n: number) => `${n.toFixed(2)} ${currency}`;
  if (!spec.spending.allowPartialPayWithPoints) {
    return { ok: false, reason: 'not-allowed', message: `This program does not let members pay part of a purchase with ${pts}; redeem a reward instead.`, details: {} };
  }
  const amount = ask.amount !== undefined ? cents(ask.amount) : amountFor(ask.points, pointValue);
  const points = ask.amount !== undefined ? pointsFor(amount, pointValue) : ask.points;
  if (amount <= 0) {
    return { ok: false, reason: 'too-small', message: `${points} ${pts} are worth less than 0.01 ${currency}; pay at least ${pointsFor(0.01, pointValue)} ${pts}.`, details: { minPoints: pointsFor(0.01, pointValue) } };
  }
  const share = spec.spending.maxBasketShare;
  const maxAmount = floorCents(s.basketTotal * share);
  if (amount > maxAmount + EPSILON) {
    const maxPoints = Math.floor(maxAmount / pointValue + EPSILON);
    return {
      ok: false,
      reason: 'basket-share',
      message: `At most ${Math.round(share * 100)}% of this ${money(s.basketTotal)} basket can be paid with ${pts}: ${money(maxAmount)} (${maxPoints} ${pts}); asked for ${money(amount)}.`,
      details: { maxAmount, maxPoints },
    };
  }
  const min = spec.spending.minBalance;
  if (s.available < min) {
    return { ok: false, reason: 'min-balance', message: `Members need at least ${min} ${pts} available before they can pay with them; the member has ${s.available} available.`, details: { minBalance: min, available: s.available } };
  }
  if (s.available < points) {
    return {
      ok: false,
      reason: 'insufficient',
      message: `Paying ${money(amount)} takes ${points} ${pts}; the member has ${s.available} available (worth ${money(floorCents(s.available * pointValue))}).`,
      details: { available: s.available, availableAmount: floorCents(s.available * pointValue), points },
    };
  }
  return { ok: true, amount, points };
}
