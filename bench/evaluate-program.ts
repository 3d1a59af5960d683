/**
 * The 40-rule program of the evaluate benchmark: "Harbor Coffee & Deli", a coffee-and-deli chain
 * with four tiers, base earning, many category / brand / SKU rules, time-window promotions,
 * member rules, combo bonuses, minimum-spend bonuses and tier extras, in seven promotion groups
 * that use all three stacking policies. Every rule is a purchase rule and enabled, so both engines
 * really consider all 40 on every event. `bench/json-rules-engine-program.ts` holds the same rules
 * written for json-rules-engine; `bench/evaluate-equivalence.test.ts` checks both give the same points.
 *
 * Rates are chosen so exact points never need more than six decimals (prices have two, tier
 * multipliers two, the only fractional multiplier is 1.5): both engines round with the same
 * 1e-6 snap, so float noise from a different order of operations cannot change a whole point.
 */
import type { ProgramSpecInput } from '../engine/src/spec';
import { ProgramSpec } from '../engine/src/spec';

const cat = (value: string) => ({ op: 'eq' as const, field: 'item.category', value });
const anyItem = (where: ReturnType<typeof cat> | { op: 'in'; field: string; values: string[] }, minQuantity?: number) =>
  minQuantity === undefined ? { op: 'any-item' as const, where } : { op: 'any-item' as const, where, minQuantity };

export const evaluateProgramInput = {
  program: {
    name: 'Harbor Coffee & Deli',
    description: 'Points on coffee, beans, food and gear; four tiers; seasonal campaigns.',
    pointsName: 'Points',
    currency: 'EUR',
    pointValue: 0.01,
    timezone: 'Europe/Berlin',
    defaultLocale: 'en',
    locales: ['en'],
  },
  tiers: [
    { id: 'member', name: 'Member', threshold: 0, benefits: { earnMultiplier: 1 } },
    { id: 'silver', name: 'Silver', threshold: 1000, benefits: { earnMultiplier: 1.25 } },
    { id: 'gold', name: 'Gold', threshold: 3000, benefits: { earnMultiplier: 1.5 } },
    { id: 'platinum', name: 'Platinum', threshold: 8000, benefits: { earnMultiplier: 2 } },
  ],
  tierPolicy: { metric: 'points', window: { kind: 'rolling', months: 12 }, upgrade: 'immediate' },
  promotionGroups: [
    { id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' },
    { id: 'category', name: 'Category, brand and product rules', priority: 10, stacking: 'stack' },
    { id: 'time-promos', name: 'Time-window promotions (best one counts)', priority: 20, stacking: 'best-of' },
    { id: 'member', name: 'Member bonuses', priority: 30, stacking: 'stack' },
    { id: 'combos', name: 'Combo bonuses (best one counts)', priority: 40, stacking: 'best-of' },
    { id: 'basket', name: 'Minimum-spend bonus (first match, ends earning)', priority: 50, stacking: 'exclusive' },
    { id: 'tier-extras', name: 'Tier extras (small baskets only)', priority: 60, stacking: 'stack' },
  ],
  earningRules: [
    // ---- base (stack) ----
    { id: 'r01-base', name: 'Points on every euro', groupId: 'base', trigger: { kind: 'purchase' }, effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1 } },
    {
      id: 'r02-app',
      name: 'App order bonus',
      groupId: 'base',
      trigger: { kind: 'purchase' },
      condition: { op: 'eq', field: 'event.channel', value: 'app' },
      effect: { kind: 'per-currency-unit', points: 0.5, unitAmount: 1 },
    },
    // ---- category / brand / SKU (stack) ----
    {
      id: 'r03-beans',
      name: 'Double on whole beans',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      condition: anyItem(cat('beans')),
      effect: { kind: 'per-currency-unit', points: 2, unitAmount: 1, itemsWhere: cat('beans') },
    },
    {
      id: 'r04-pastry',
      name: 'Pastry points',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 3, itemsWhere: cat('pastry') },
      caps: { perMemberPerDay: 30 },
    },
    {
      id: 'r05-roastery-nord',
      name: 'Roastery Nord partner points',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 3, unitAmount: 2, itemsWhere: { op: 'eq', field: 'item.brand', value: 'roastery-nord' } },
    },
    {
      id: 'r06-tumbler',
      name: 'Reusable tumbler',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 25, itemsWhere: { op: 'eq', field: 'item.sku', value: 'SKU-TUMBLER' } },
      caps: { timesPerMember: 3 },
    },
    {
      id: 'r07-tea-lovers',
      name: 'Tea lovers (two teas or more)',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      condition: anyItem(cat('tea'), 2),
      effect: { kind: 'per-item', points: 2, itemsWhere: cat('tea') },
    },
    {
      id: 'r08-house-merch',
      name: 'House merchandise',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: {
        kind: 'per-currency-unit',
        points: 3,
        unitAmount: 2,
        itemsWhere: { op: 'and', all: [cat('merch'), { op: 'eq', field: 'item.brand', value: 'house' }] },
      },
    },
    {
      id: 'r09-lunch',
      name: 'Lunch food',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      condition: { op: 'time-between', from: '11:00', to: '14:00' },
      effect: { kind: 'per-item', points: 4, itemsWhere: cat('food') },
    },
    {
      id: 'r10-verde',
      name: 'Verde organic range',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1, itemsWhere: { op: 'eq', field: 'item.brand', value: 'verde' } },
    },
    {
      id: 'r11-cold-brew',
      name: 'Cold brew September',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 6, itemsWhere: { op: 'in', field: 'item.sku', values: ['SKU-COLDBREW-M', 'SKU-COLDBREW-L'] } },
      validity: { from: '2025-09-01', to: '2025-09-30' },
    },
    {
      id: 'r12-snack-deals',
      name: 'Snack deals',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 1, itemsWhere: { op: 'and', all: [cat('snacks'), { op: 'eq', field: 'item.isOnSale', value: true }] } },
    },
    {
      id: 'r13-premium',
      name: 'Premium items (20 EUR and up)',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 0.5, unitAmount: 1, itemsWhere: { op: 'gte', field: 'item.price', value: 20 } },
    },
    {
      id: 'r14-equipment',
      name: 'Brewing equipment',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 2, unitAmount: 1, itemsWhere: cat('equipment') },
      caps: { perMemberPerMonth: 500 },
    },
    {
      id: 'r15-bottled',
      name: 'Bottled drinks',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 1, itemsWhere: { op: 'in', field: 'item.brand', values: ['fizz', 'aqua'] } },
    },
    {
      id: 'r16-dairy-alt',
      name: 'Plant milk',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 2, itemsWhere: cat('dairy-alt') },
    },
    {
      id: 'r17-holiday-blend',
      name: 'Holiday blend',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-item', points: 10, itemsWhere: { op: 'eq', field: 'item.sku', value: 'SKU-HOLIDAY-BLEND' } },
      validity: { from: '2025-11-15', to: '2025-12-31' },
    },
    {
      id: 'r18-full-price-coffee',
      name: 'Full-price coffee drinks',
      groupId: 'category',
      trigger: { kind: 'purchase' },
      effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1, itemsWhere: { op: 'and', all: [cat('coffee'), { op: 'neq', field: 'item.isOnSale', value: true }] } },
    },
    // ---- time-window promotions (best-of) ----
    {
      id: 'r19-weekend-double',
      name: 'Double points weekend in store',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'day-of-week', days: ['sat', 'sun'] },
          { op: 'gte', field: 'event.total', value: 10 },
          { op: 'eq', field: 'event.channel', value: 'store' },
        ],
      },
      effect: { kind: 'multiplier', factor: 2 },
      caps: { perMemberPerWeek: 400, campaignBudgetPoints: 2_000_000 },
    },
    {
      id: 'r20-happy-hour',
      name: 'Afternoon happy hour',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'day-of-week', days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
          { op: 'time-between', from: '15:00', to: '17:00' },
        ],
      },
      effect: { kind: 'multiplier', factor: 1.5 },
    },
    {
      id: 'r21-early-bird',
      name: 'Early birds (Gold and Platinum)',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'in', field: 'member.tier', values: ['gold', 'platinum'] },
          { op: 'time-between', from: '06:00', to: '09:00' },
        ],
      },
      effect: { kind: 'fixed', points: 15 },
    },
    {
      id: 'r22-late-app',
      name: 'Late-evening app orders',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'eq', field: 'event.channel', value: 'app' },
          { op: 'time-between', from: '20:00', to: '23:00' },
        ],
      },
      effect: { kind: 'fixed', points: 10 },
    },
    {
      id: 'r23-wednesday',
      name: 'Wednesday extra point per euro',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: { op: 'day-of-week', days: ['wed'] },
      effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1 },
    },
    {
      id: 'r24-holiday-triple',
      name: 'Holiday triple points (50 EUR and up)',
      groupId: 'time-promos',
      trigger: { kind: 'purchase' },
      condition: { op: 'gte', field: 'event.total', value: 50 },
      effect: { kind: 'multiplier', factor: 3 },
      caps: { campaignBudgetPoints: 5000 },
      validity: { from: '2025-11-28', to: '2025-12-24' },
    },
    // ---- member bonuses (stack) ----
    {
      id: 'r25-first-purchase',
      name: 'First purchase bonus',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'eq', field: 'event.isFirstPurchase', value: true },
      effect: { kind: 'fixed', points: 200 },
      caps: { timesPerMember: 1 },
    },
    {
      id: 'r26-win-back',
      name: 'Welcome back (lapsed regulars)',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'in-segment', segmentId: 'seg-lapsed' },
      effect: { kind: 'fixed', points: 50 },
      caps: { perMemberPerMonth: 50 },
    },
    {
      id: 'r27-veteran',
      name: 'Two-year members',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'tenure', cmp: 'gte', days: 730 },
      effect: { kind: 'per-currency-unit', points: 0.5, unitAmount: 1 },
    },
    {
      id: 'r28-email-optin',
      name: 'Newsletter readers',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'in-segment', segmentId: 'seg-email-ok' },
      effect: { kind: 'fixed', points: 2 },
    },
    {
      id: 'r29-mobile-pay',
      name: 'Mobile payment',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'eq', field: 'event.paymentMethod', value: 'mobile' },
      effect: { kind: 'per-currency-unit', points: 0.5, unitAmount: 1 },
    },
    {
      id: 'r30-regular',
      name: 'Regulars (8+ visits in 30 days)',
      groupId: 'member',
      trigger: { kind: 'purchase' },
      condition: { op: 'aggregate', metric: 'visits', lastDays: 30, cmp: 'gte', value: 8 },
      effect: { kind: 'fixed', points: 5 },
      caps: { perMemberPerWeek: 25 },
    },
    // ---- combos (best-of) ----
    {
      id: 'r31-coffee-pastry',
      name: 'Coffee and pastry',
      groupId: 'combos',
      trigger: { kind: 'purchase' },
      condition: { op: 'and', all: [anyItem(cat('coffee')), anyItem(cat('pastry'))] },
      effect: { kind: 'fixed', points: 10 },
    },
    {
      id: 'r32-brew-kit',
      name: 'Beans and brewing gear',
      groupId: 'combos',
      trigger: { kind: 'purchase' },
      condition: { op: 'and', all: [anyItem(cat('beans')), anyItem(cat('equipment'))] },
      effect: { kind: 'fixed', points: 50 },
    },
    {
      id: 'r33-coffee-trio',
      name: 'Three coffees',
      groupId: 'combos',
      trigger: { kind: 'purchase' },
      condition: anyItem(cat('coffee'), 3),
      effect: { kind: 'fixed', points: 8 },
    },
    {
      id: 'r34-coupon',
      name: 'Coupon BEANS20',
      groupId: 'combos',
      trigger: { kind: 'purchase' },
      condition: { op: 'eq', field: 'event.couponCode', value: 'BEANS20' },
      effect: { kind: 'fixed', points: 20 },
      caps: { perMemberTotal: 100 },
    },
    // ---- minimum spend (exclusive: the first that matches counts, later groups are skipped) ----
    { id: 'r35-spend-100', name: 'Spend 100 EUR', groupId: 'basket', trigger: { kind: 'purchase' }, condition: { op: 'gte', field: 'event.total', value: 100 }, effect: { kind: 'fixed', points: 100 } },
    { id: 'r36-spend-50', name: 'Spend 50 EUR', groupId: 'basket', trigger: { kind: 'purchase' }, condition: { op: 'gte', field: 'event.total', value: 50 }, effect: { kind: 'fixed', points: 40 } },
    { id: 'r37-spend-25', name: 'Spend 25 EUR', groupId: 'basket', trigger: { kind: 'purchase' }, condition: { op: 'gte', field: 'event.total', value: 25 }, effect: { kind: 'fixed', points: 15 } },
    { id: 'r38-big-basket', name: 'Six items or more', groupId: 'basket', trigger: { kind: 'purchase' }, condition: { op: 'gte', field: 'event.itemCount', value: 6 }, effect: { kind: 'fixed', points: 10 } },
    // ---- tier extras (stack; only reached when no basket bonus applied) ----
    {
      id: 'r39-platinum-boost',
      name: 'Platinum double on small baskets',
      groupId: 'tier-extras',
      trigger: { kind: 'purchase' },
      condition: { op: 'and', all: [{ op: 'eq', field: 'member.tier', value: 'platinum' }, { op: 'gte', field: 'event.total', value: 5 }] },
      effect: { kind: 'multiplier', factor: 2 },
      caps: { perMemberPerDay: 60 },
    },
    {
      id: 'r40-silver-online',
      name: 'Silver and up order online',
      groupId: 'tier-extras',
      trigger: { kind: 'purchase' },
      condition: {
        op: 'and',
        all: [
          { op: 'in', field: 'member.tier', values: ['silver', 'gold', 'platinum'] },
          { op: 'in', field: 'event.channel', values: ['online', 'app'] },
        ],
      },
      effect: { kind: 'fixed', points: 5 },
      caps: { perMemberPerWeek: 20 },
    },
  ],
  pointsLifecycle: { pendingDays: 0, rounding: 'floor' },
  segments: [
    {
      id: 'seg-lapsed',
      name: 'Lapsed regulars',
      condition: {
        op: 'and',
        all: [
          { op: 'aggregate', metric: 'visits', lastDays: 60, cmp: 'eq', value: 0 },
          { op: 'aggregate', metric: 'visits', lastDays: 365, cmp: 'gte', value: 5 },
        ],
      },
    },
    { id: 'seg-email-ok', name: 'Reachable by email', condition: { op: 'eq', field: 'member.hasEmailConsent', value: true } },
  ],
} satisfies ProgramSpecInput;

/** The program, parsed (defaults filled in); a fresh copy per call. @example evaluateProgram().earningRules.length // 40 */
export function evaluateProgram(): ProgramSpec {
  return ProgramSpec.parse(structuredClone(evaluateProgramInput));
}
