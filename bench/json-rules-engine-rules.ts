/**
 * The 40 rules of `bench/evaluate-program.ts` as json-rules-engine rules: JSON conditions on facts,
 * shared conditions for the two segments, and one `earn` event per rule whose params carry the
 * points, the promotion group and the caps. `json-rules-engine-program.ts` runs them.
 */
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';

/** Which lines a rule looks at (fact params of `itemQuantity` / `itemSpend`); all given keys must hold. */
export interface LineFilter {
  category?: string;
  brand?: string;
  brands?: string[];
  skus?: string[];
  minPrice?: number;
  /** true: only lines on sale; false: only lines not on sale. */
  onSale?: boolean;
}

export type Effect =
  | { kind: 'per-currency'; points: number; unitAmount: number; lines?: LineFilter }
  | { kind: 'per-item'; points: number; lines: LineFilter }
  | { kind: 'fixed'; points: number }
  | { kind: 'multiplier'; factor: number };

export interface Caps {
  perMemberPerDay?: number;
  perMemberPerWeek?: number;
  perMemberPerMonth?: number;
  perMemberTotal?: number;
  timesPerMember?: number;
  campaignBudgetPoints?: number;
}

export interface EarnParams {
  rule: string;
  group: string;
  effect: Effect;
  caps?: Caps;
  /** Position in the rule list (set when the engine is built); decides order inside a group. */
  order?: number;
}

export type Stacking = 'stack' | 'best-of' | 'exclusive';

/** Promotion groups, ascending priority. */
export const GROUPS: readonly { id: string; priority: number; stacking: Stacking }[] = [
  { id: 'base', priority: 0, stacking: 'stack' },
  { id: 'category', priority: 10, stacking: 'stack' },
  { id: 'time-promos', priority: 20, stacking: 'best-of' },
  { id: 'member', priority: 30, stacking: 'stack' },
  { id: 'combos', priority: 40, stacking: 'best-of' },
  { id: 'basket', priority: 50, stacking: 'exclusive' },
  { id: 'tier-extras', priority: 60, stacking: 'stack' },
];

/** Tier earn multipliers (unknown or no tier: 1). */
export const TIER_MULTIPLIERS: Readonly<Record<string, number>> = { member: 1, silver: 1.25, gold: 1.5, platinum: 2 };

// ---------- condition helpers (they only build JSON) ----------

const lines = (filter: LineFilter, atLeast = 1) => ({ fact: 'itemQuantity', params: filter, operator: 'greaterThanInclusive', value: atLeast });
const between = (from: string, to: string) => {
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return { all: [{ fact: 'minuteOfDay', operator: 'greaterThanInclusive', value: m(from) }, { fact: 'minuteOfDay', operator: 'lessThan', value: m(to) }] };
};
const validFrom = (from: number, to: number) => [
  { fact: 'localDate', operator: 'greaterThanInclusive', value: from },
  { fact: 'localDate', operator: 'lessThanInclusive', value: to },
];
const earn = (rule: string, group: string, effect: Effect, caps?: Caps) => ({ type: 'earn', params: caps ? { rule, group, effect, caps } : { rule, group, effect } });

/** The rules, in the same order as the spec's list (order matters inside best-of / exclusive groups). */
export const JSON_RULES: RuleProperties[] = [
  // ---- base (stack) ----
  { name: 'r01-base', conditions: { all: [{ fact: 'total', operator: 'greaterThan', value: 0 }] }, event: earn('r01-base', 'base', { kind: 'per-currency', points: 1, unitAmount: 1 }) },
  { name: 'r02-app', conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'app' }] }, event: earn('r02-app', 'base', { kind: 'per-currency', points: 0.5, unitAmount: 1 }) },
  // ---- category / brand / SKU (stack) ----
  { name: 'r03-beans', conditions: { all: [lines({ category: 'beans' })] }, event: earn('r03-beans', 'category', { kind: 'per-currency', points: 2, unitAmount: 1, lines: { category: 'beans' } }) },
  {
    name: 'r04-pastry',
    conditions: { all: [lines({ category: 'pastry' })] },
    event: earn('r04-pastry', 'category', { kind: 'per-item', points: 3, lines: { category: 'pastry' } }, { perMemberPerDay: 30 }),
  },
  {
    name: 'r05-roastery-nord',
    conditions: { all: [lines({ brand: 'roastery-nord' })] },
    event: earn('r05-roastery-nord', 'category', { kind: 'per-currency', points: 3, unitAmount: 2, lines: { brand: 'roastery-nord' } }),
  },
  {
    name: 'r06-tumbler',
    conditions: { all: [lines({ skus: ['SKU-TUMBLER'] })] },
    event: earn('r06-tumbler', 'category', { kind: 'per-item', points: 25, lines: { skus: ['SKU-TUMBLER'] } }, { timesPerMember: 3 }),
  },
  { name: 'r07-tea-lovers', conditions: { all: [lines({ category: 'tea' }, 2)] }, event: earn('r07-tea-lovers', 'category', { kind: 'per-item', points: 2, lines: { category: 'tea' } }) },
  {
    name: 'r08-house-merch',
    conditions: { all: [lines({ category: 'merch', brand: 'house' })] },
    event: earn('r08-house-merch', 'category', { kind: 'per-currency', points: 3, unitAmount: 2, lines: { category: 'merch', brand: 'house' } }),
  },
  {
    name: 'r09-lunch',
    conditions: { all: [between('11:00', '14:00'), lines({ category: 'food' })] },
    event: earn('r09-lunch', 'category', { kind: 'per-item', points: 4, lines: { category: 'food' } }),
  },
  { name: 'r10-verde', conditions: { all: [lines({ brand: 'verde' })] }, event: earn('r10-verde', 'category', { kind: 'per-currency', points: 1, unitAmount: 1, lines: { brand: 'verde' } }) },
  {
    name: 'r11-cold-brew',
    conditions: { all: [...validFrom(20250901, 20250930), lines({ skus: ['SKU-COLDBREW-M', 'SKU-COLDBREW-L'] })] },
    event: earn('r11-cold-brew', 'category', { kind: 'per-item', points: 6, lines: { skus: ['SKU-COLDBREW-M', 'SKU-COLDBREW-L'] } }),
  },
  {
    name: 'r12-snack-deals',
    conditions: { all: [lines({ category: 'snacks', onSale: true })] },
    event: earn('r12-snack-deals', 'category', { kind: 'per-item', points: 1, lines: { category: 'snacks', onSale: true } }),
  },
  { name: 'r13-premium', conditions: { all: [lines({ minPrice: 20 })] }, event: earn('r13-premium', 'category', { kind: 'per-currency', points: 0.5, unitAmount: 1, lines: { minPrice: 20 } }) },
  {
    name: 'r14-equipment',
    conditions: { all: [lines({ category: 'equipment' })] },
    event: earn('r14-equipment', 'category', { kind: 'per-currency', points: 2, unitAmount: 1, lines: { category: 'equipment' } }, { perMemberPerMonth: 500 }),
  },
  {
    name: 'r15-bottled',
    conditions: { all: [lines({ brands: ['fizz', 'aqua'] })] },
    event: earn('r15-bottled', 'category', { kind: 'per-item', points: 1, lines: { brands: ['fizz', 'aqua'] } }),
  },
  { name: 'r16-dairy-alt', conditions: { all: [lines({ category: 'dairy-alt' })] }, event: earn('r16-dairy-alt', 'category', { kind: 'per-item', points: 2, lines: { category: 'dairy-alt' } }) },
  {
    name: 'r17-holiday-blend',
    conditions: { all: [...validFrom(20251115, 20251231), lines({ skus: ['SKU-HOLIDAY-BLEND'] })] },
    event: earn('r17-holiday-blend', 'category', { kind: 'per-item', points: 10, lines: { skus: ['SKU-HOLIDAY-BLEND'] } }),
  },
  {
    name: 'r18-full-price-coffee',
    conditions: { all: [lines({ category: 'coffee', onSale: false })] },
    event: earn('r18-full-price-coffee', 'category', { kind: 'per-currency', points: 1, unitAmount: 1, lines: { category: 'coffee', onSale: false } }),
  },
  // ---- time-window promotions (best-of) ----
  {
    name: 'r19-weekend-double',
    conditions: {
      all: [
        { fact: 'weekday', operator: 'in', value: ['sat', 'sun'] },
        { fact: 'total', operator: 'greaterThanInclusive', value: 10 },
        { fact: 'channel', operator: 'equal', value: 'store' },
      ],
    },
    event: earn('r19-weekend-double', 'time-promos', { kind: 'multiplier', factor: 2 }, { perMemberPerWeek: 400, campaignBudgetPoints: 2_000_000 }),
  },
  {
    name: 'r20-happy-hour',
    conditions: { all: [{ fact: 'weekday', operator: 'in', value: ['mon', 'tue', 'wed', 'thu', 'fri'] }, between('15:00', '17:00')] },
    event: earn('r20-happy-hour', 'time-promos', { kind: 'multiplier', factor: 1.5 }),
  },
  {
    name: 'r21-early-bird',
    conditions: { all: [{ fact: 'tier', operator: 'in', value: ['gold', 'platinum'] }, between('06:00', '09:00')] },
    event: earn('r21-early-bird', 'time-promos', { kind: 'fixed', points: 15 }),
  },
  {
    name: 'r22-late-app',
    conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'app' }, between('20:00', '23:00')] },
    event: earn('r22-late-app', 'time-promos', { kind: 'fixed', points: 10 }),
  },
  { name: 'r23-wednesday', conditions: { all: [{ fact: 'weekday', operator: 'equal', value: 'wed' }] }, event: earn('r23-wednesday', 'time-promos', { kind: 'per-currency', points: 1, unitAmount: 1 }) },
  {
    name: 'r24-holiday-triple',
    conditions: { all: [...validFrom(20251128, 20251224), { fact: 'total', operator: 'greaterThanInclusive', value: 50 }] },
    event: earn('r24-holiday-triple', 'time-promos', { kind: 'multiplier', factor: 3 }, { campaignBudgetPoints: 5000 }),
  },
  // ---- member bonuses (stack) ----
  {
    name: 'r25-first-purchase',
    conditions: { all: [{ fact: 'isFirstPurchase', operator: 'equal', value: true }] },
    event: earn('r25-first-purchase', 'member', { kind: 'fixed', points: 200 }, { timesPerMember: 1 }),
  },
  { name: 'r26-win-back', conditions: { all: [{ condition: 'lapsed-regular' }] }, event: earn('r26-win-back', 'member', { kind: 'fixed', points: 50 }, { perMemberPerMonth: 50 }) },
  { name: 'r27-veteran', conditions: { all: [{ fact: 'tenureDays', operator: 'greaterThanInclusive', value: 730 }] }, event: earn('r27-veteran', 'member', { kind: 'per-currency', points: 0.5, unitAmount: 1 }) },
  { name: 'r28-email-optin', conditions: { all: [{ condition: 'email-reachable' }] }, event: earn('r28-email-optin', 'member', { kind: 'fixed', points: 2 }) },
  { name: 'r29-mobile-pay', conditions: { all: [{ fact: 'paymentMethod', operator: 'equal', value: 'mobile' }] }, event: earn('r29-mobile-pay', 'member', { kind: 'per-currency', points: 0.5, unitAmount: 1 }) },
  {
    name: 'r30-regular',
    conditions: { all: [{ fact: 'visits', params: { days: 30 }, operator: 'greaterThanInclusive', value: 8 }] },
    event: earn('r30-regular', 'member', { kind: 'fixed', points: 5 }, { perMemberPerWeek: 25 }),
  },
  // ---- combos (best-of) ----
  { name: 'r31-coffee-pastry', conditions: { all: [lines({ category: 'coffee' }), lines({ category: 'pastry' })] }, event: earn('r31-coffee-pastry', 'combos', { kind: 'fixed', points: 10 }) },
  { name: 'r32-brew-kit', conditions: { all: [lines({ category: 'beans' }), lines({ category: 'equipment' })] }, event: earn('r32-brew-kit', 'combos', { kind: 'fixed', points: 50 }) },
  { name: 'r33-coffee-trio', conditions: { all: [lines({ category: 'coffee' }, 3)] }, event: earn('r33-coffee-trio', 'combos', { kind: 'fixed', points: 8 }) },
  {
    name: 'r34-coupon',
    conditions: { all: [{ fact: 'couponCode', operator: 'equal', value: 'BEANS20' }] },
    event: earn('r34-coupon', 'combos', { kind: 'fixed', points: 20 }, { perMemberTotal: 100 }),
  },
  // ---- minimum spend (exclusive) ----
  { name: 'r35-spend-100', conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 100 }] }, event: earn('r35-spend-100', 'basket', { kind: 'fixed', points: 100 }) },
  { name: 'r36-spend-50', conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 50 }] }, event: earn('r36-spend-50', 'basket', { kind: 'fixed', points: 40 }) },
  { name: 'r37-spend-25', conditions: { all: [{ fact: 'total', operator: 'greaterThanInclusive', value: 25 }] }, event: earn('r37-spend-25', 'basket', { kind: 'fixed', points: 15 }) },
  { name: 'r38-big-basket', conditions: { all: [{ fact: 'itemCount', operator: 'greaterThanInclusive', value: 6 }] }, event: earn('r38-big-basket', 'basket', { kind: 'fixed', points: 10 }) },
  // ---- tier extras (stack) ----
  {
    name: 'r39-platinum-boost',
    conditions: { all: [{ fact: 'tier', operator: 'equal', value: 'platinum' }, { fact: 'total', operator: 'greaterThanInclusive', value: 5 }] },
    event: earn('r39-platinum-boost', 'tier-extras', { kind: 'multiplier', factor: 2 }, { perMemberPerDay: 60 }),
  },
  {
    name: 'r40-silver-online',
    conditions: {
      all: [
        { fact: 'tier', operator: 'in', value: ['silver', 'gold', 'platinum'] },
        { fact: 'channel', operator: 'in', value: ['online', 'app'] },
      ],
    },
    event: earn('r40-silver-online', 'tier-extras', { kind: 'fixed', points: 5 }, { perMemberPerWeek: 20 }),
  },
];

/** Shared conditions (json-rules-engine's `setCondition`), the program's two segments. */
export const SHARED_CONDITIONS: Readonly<Record<string, TopLevelCondition>> = {
  'lapsed-regular': {
    all: [
      { fact: 'visits', params: { days: 60 }, operator: 'equal', value: 0 },
      { fact: 'visits', params: { days: 365 }, operator: 'greaterThanInclusive', value: 5 },
    ],
  },
  'email-reachable': { all: [{ fact: 'hasEmailConsent', operator: 'equal', value: true }] },
};
