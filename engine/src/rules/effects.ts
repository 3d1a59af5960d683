import type { Effect } from '../spec';
import type { ItemPredicate } from './compile-condition';
import { compileItemPredicate } from './compile-condition';
import type { EvalContext } from './context';

/**
 * What a rule's effect computed for one event, before caps: exact points (tier multiplier
 * included), the share of each line (aligned with `facts.items`, summing to `points`; undefined
 * when the event has no lines), and the lines the item filter matched.
 */
export interface EffectOutput {
  points: number;
  weights: number[] | undefined;
  itemRefs: string[] | undefined;
}

/**
 * A compiled effect. `base` and `baseWeights` are the points (and their per-line split) of the
 * groups that ran before this rule's group; only multipliers read them.
 */
export type CompiledEffect = (ctx: EvalContext, tierMultiplier: number, base: number, baseWeights: readonly number[] | undefined) => EffectOutput;

/** A copy of `ws` times `k` (a plain loop, cheap on the hot path). @example scaled([1, 2], 3) // [3, 6] */
export function scaled(ws: readonly number[], k: number): number[] {
  const out = new Array<number>(ws.length);
  for (let i = 0; i < ws.length; i++) out[i] = ws[i]! * k;
  return out;
}

/**
 * Splits `points` over the lines in proportion to their amounts (by quantity if all are free).
 * @example weightsByAmount(ctx, 23) // [18, 5] for lines of 9 and 2.5 EUR
 */
export function weightsByAmount(ctx: EvalContext, points: number): number[] | undefined {
  const n = ctx.amounts.length;
  if (n === 0) return undefined;
  const w = new Array<number>(n);
  if (ctx.amountSum > 0) {
    for (let i = 0; i < n; i++) w[i] = (points * ctx.amounts[i]!) / ctx.amountSum;
    return w;
  }
  const items = ctx.facts.items;
  let q = 0;
  for (const it of items) q += it.quantity;
  for (let i = 0; i < n; i++) w[i] = q > 0 ? (points * items[i]!.quantity) / q : points / n;
  return w;
}

function perMatchingItem(ctx: EvalContext, match: ItemPredicate | undefined, unit: (i: number) => number): EffectOutput {
  const items = ctx.facts.items;
  const n = items.length;
  const weights = n > 0 ? new Array<number>(n).fill(0) : undefined;
  const refs: string[] | undefined = match ? [] : undefined;
  let points = 0;
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    if (match && !match(it)) continue;
    const p = unit(i);
    weights![i] = p;
    points += p;
    refs?.push(it.ref);
  }
  return { points, weights, itemRefs: refs };
}

/**
 * Compiles an effect:
 * - `per-currency-unit`: `points` per `unitAmount` of the event total, or of the amounts
 *   (price x quantity) of the lines `itemsWhere` matches; continuous (11.5 EUR at 1/EUR = 11.5),
 *   because rounding happens once per event. Lines share the points in proportion to their amounts.
 * - `per-item`: `points` per unit of quantity of each matching line (all lines when no filter).
 * - `fixed`: flat points; on a purchase they are split over the lines by amount.
 * - `multiplier`: base x (factor - 1), where base is what earlier groups gave (tier multiplier
 *   already included); the split follows the base's split.
 * The tier multiplier scales every kind but `multiplier` (whose base already carries it).
 * @example compileEffect({ kind: 'fixed', points: 50 })(ctx, 1, 0, undefined).points // 50
 */
export function compileEffect(effect: Effect): CompiledEffect {
  switch (effect.kind) {
    case 'per-currency-unit': {
      const rate = effect.points / effect.unitAmount;
      if (!effect.itemsWhere) {
        return (ctx, m) => {
          const points = ctx.total * rate * m;
          return { points, weights: weightsByAmount(ctx, points), itemRefs: undefined };
        };
      }
      const match = compileItemPredicate(effect.itemsWhere);
      return (ctx, m) => perMatchingItem(ctx, match, (i) => ctx.amounts[i]! * rate * m);
    }
    case 'per-item': {
      const match = effect.itemsWhere ? compileItemPredicate(effect.itemsWhere) : undefined;
      const each = effect.points;
      return (ctx, m) => perMatchingItem(ctx, match, (i) => ctx.facts.items[i]!.quantity * each * m);
    }
    case 'fixed': {
      const each = effect.points;
      return (ctx, m) => {
        const points = each * m;
        return { points, weights: weightsByAmount(ctx, points), itemRefs: undefined };
      };
    }
    case 'multiplier': {
      const extra = effect.factor - 1;
      return (_ctx, _m, base, baseWeights) => {
        return { points: base * extra, weights: baseWeights && scaled(baseWeights, extra), itemRefs: undefined };
      };
    }
  }
}
