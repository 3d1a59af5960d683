/**
 * Seeded synthetic purchases for the evaluate benchmark and its equivalence test: 1-8 lines over
 * the catalog of `bench/evaluate-program.ts` (coffee, tea, pastry, food, beans, equipment, merch,
 * snacks, bottled drinks, plant milk), Sept-Dec 2025 (crosses the October DST change and the
 * rules' validity windows), opening-hours-weighted times, all weekdays, four channels, tiers,
 * member history aggregates and per-rule counters (some near or at their caps).
 * @example const pool = purchaseEvents(10_000, 42); evaluate(compiled, pool[0].facts, pool[0].counters)
 */
import type { Counters, EvaluationFacts, FactItem, RuleCounters } from '../../engine/src/rules';

/** Deterministic PRNG (mulberry32), uniform in [0, 1). @example const r = rng(42); r() */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Product = Omit<FactItem, 'ref' | 'quantity' | 'isOnSale'> & { weight: number };

/** The catalog: SKU, category, brand, unit price (EUR, two decimals) and how often it is bought. */
export const CATALOG: readonly Product[] = [
  { sku: 'SKU-ESPRESSO', category: 'coffee', brand: 'house', price: 2.2, weight: 10 },
  { sku: 'SKU-LATTE-M', category: 'coffee', brand: 'house', price: 4.5, weight: 14 },
  { sku: 'SKU-LATTE-L', category: 'coffee', brand: 'house', price: 5.1, weight: 6 },
  { sku: 'SKU-FLATWHITE', category: 'coffee', brand: 'house', price: 3.9, weight: 8 },
  { sku: 'SKU-CAPPUCCINO', category: 'coffee', price: 3.7, weight: 9 },
  { sku: 'SKU-COLDBREW-M', category: 'coffee', brand: 'house', price: 4.2, weight: 3 },
  { sku: 'SKU-COLDBREW-L', category: 'coffee', brand: 'house', price: 4.9, weight: 2 },
  { sku: 'SKU-CHAI', category: 'tea', price: 3.6, weight: 4 },
  { sku: 'SKU-GREEN-TEA', category: 'tea', brand: 'verde', price: 2.9, weight: 3 },
  { sku: 'SKU-EARL-GREY', category: 'tea', price: 2.7, weight: 2 },
  { sku: 'SKU-CROISSANT', category: 'pastry', price: 2.5, weight: 8 },
  { sku: 'SKU-MUFFIN', category: 'pastry', price: 3.1, weight: 5 },
  { sku: 'SKU-CINNAMON-ROLL', category: 'pastry', brand: 'house', price: 3.4, weight: 4 },
  { sku: 'SKU-BAGEL', category: 'food', price: 4.8, weight: 4 },
  { sku: 'SKU-PANINI', category: 'food', price: 6.9, weight: 4 },
  { sku: 'SKU-SALAD-BOWL', category: 'food', brand: 'verde', price: 8.5, weight: 2 },
  { sku: 'SKU-BEANS-250', category: 'beans', brand: 'house', price: 8.9, weight: 3 },
  { sku: 'SKU-BEANS-1KG', category: 'beans', brand: 'roastery-nord', price: 24, weight: 2 },
  { sku: 'SKU-BEANS-ETHIOPIA', category: 'beans', brand: 'roastery-nord', price: 12.5, weight: 2 },
  { sku: 'SKU-HOLIDAY-BLEND', category: 'beans', brand: 'house', price: 14.9, weight: 1 },
  { sku: 'SKU-DECAF-250', category: 'beans', brand: 'verde', price: 9.4, weight: 1 },
  { sku: 'SKU-GRINDER', category: 'equipment', brand: 'brewtech', price: 89, weight: 0.3 },
  { sku: 'SKU-FRENCH-PRESS', category: 'equipment', brand: 'brewtech', price: 32.5, weight: 0.6 },
  { sku: 'SKU-FILTERS', category: 'equipment', price: 4.2, weight: 1 },
  { sku: 'SKU-TUMBLER', category: 'merch', brand: 'house', price: 18, weight: 1 },
  { sku: 'SKU-MUG', category: 'merch', brand: 'house', price: 12, weight: 0.8 },
  { sku: 'SKU-TOTE', category: 'merch', brand: 'roastery-nord', price: 9.9, weight: 0.5 },
  { sku: 'SKU-CHOC-BAR', category: 'snacks', price: 2.4, weight: 3 },
  { sku: 'SKU-GRANOLA', category: 'snacks', brand: 'verde', price: 3.3, weight: 2 },
  { sku: 'SKU-COOKIE', category: 'snacks', brand: 'house', price: 1.9, weight: 4 },
  { sku: 'SKU-SODA', category: 'drinks', brand: 'fizz', price: 2.8, weight: 3 },
  { sku: 'SKU-WATER', category: 'drinks', brand: 'aqua', price: 1.6, weight: 3 },
  { sku: 'SKU-JUICE', category: 'drinks', brand: 'verde', price: 3.5, weight: 2 },
  { sku: 'SKU-OAT-MILK', category: 'dairy-alt', brand: 'oatfield', price: 0.6, weight: 4 },
  { sku: 'SKU-ALMOND-MILK', category: 'dairy-alt', price: 0.7, weight: 2 },
  { sku: 'SKU-GIFT-BOX', category: 'gifts', price: 29.9, weight: 0.4 },
];

/** Picks an index by weight with a precomputed cumulative table. */
function picker<T>(entries: readonly T[], weightOf: (t: T) => number): (r: () => number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const e of entries) cumulative.push((sum += weightOf(e)));
  return (r) => {
    const x = r() * sum;
    let i = 0;
    while (cumulative[i]! <= x) i++;
    return entries[i]!;
  };
}

const pickProduct = picker(CATALOG, (p) => p.weight);
// Local hour of day by how busy it is (06:00-22:00 opening, mornings and lunch peak).
const pickHour = picker([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22], (h) => [3, 8, 10, 7, 5, 6, 9, 8, 5, 6, 6, 5, 4, 3, 3, 2, 1][h - 6]!);
const pickChannel = picker(['store', 'store', 'store', 'store', 'online', 'app', 'app', 'phone'] as const, () => 1);
const pickPayment = picker(['card', 'card', 'cash', 'mobile', 'mobile', 'voucher', 'gift-card'] as const, () => 1);
const pickTier = picker([undefined, 'member', 'member', 'member', 'silver', 'silver', 'gold', 'platinum', 'staff-legacy'] as const, () => 1);

/** Capped rules of the program and a counter state generator for each, so some events hit caps. */
const CAPPED: readonly { id: string; fill: (r: () => number) => RuleCounters }[] = [
  { id: 'r04-pastry', fill: (r) => ({ day: Math.floor(r() * 36) }) },
  { id: 'r06-tumbler', fill: (r) => ({ times: Math.floor(r() * 4) }) },
  { id: 'r14-equipment', fill: (r) => ({ month: Math.floor(r() * 560) }) },
  { id: 'r19-weekend-double', fill: (r) => ({ week: Math.floor(r() * 440), campaign: r() < 0.05 ? 1_999_990 : Math.floor(r() * 1_000_000) }) },
  { id: 'r24-holiday-triple', fill: (r) => ({ campaign: 4900 + Math.floor(r() * 110) }) },
  { id: 'r25-first-purchase', fill: (r) => ({ times: r() < 0.3 ? 1 : 0 }) },
  { id: 'r26-win-back', fill: (r) => ({ month: r() < 0.5 ? 0 : 50 }) },
  { id: 'r30-regular', fill: (r) => ({ week: 5 * Math.floor(r() * 6) }) },
  { id: 'r34-coupon', fill: (r) => ({ total: 20 * Math.floor(r() * 6) }) },
  { id: 'r39-platinum-boost', fill: (r) => ({ day: Math.floor(r() * 70) }) },
  { id: 'r40-silver-online', fill: (r) => ({ week: Math.floor(r() * 25) }) },
];

/** One benchmark event: the facts both engines see and what the ledger already awarded. */
export interface PurchaseCase {
  facts: EvaluationFacts;
  counters: Counters;
}

const FROM = Date.parse('2025-09-01T00:00:00Z');
const DAYS = 122; // to 2025-12-31

/**
 * `n` purchases from `seed`. Counters are empty for about half the events (a fresh member) and
 * filled for some capped rules in the rest, sometimes beyond a cap.
 * @example purchaseEvents(3, 7).map((c) => c.facts.items.length) // e.g. [2, 1, 5]
 */
export function purchaseEvents(n: number, seed: number): PurchaseCase[] {
  const r = rng(seed);
  const out: PurchaseCase[] = [];
  for (let k = 0; k < n; k++) {
    const lines = 1 + Math.min(7, Math.floor(-Math.log(1 - r()) * 2.2)); // 1-8, mostly small baskets
    const items: FactItem[] = [];
    for (let i = 0; i < lines; i++) {
      const p = pickProduct(r);
      const quantity = r() < 0.7 ? 1 : r() < 0.8 ? 2 : 3 + Math.floor(r() * 4);
      const item: FactItem = { ref: `l${i + 1}`, sku: p.sku, quantity, price: p.price };
      if (p.category !== undefined) item.category = p.category;
      if (p.brand !== undefined) item.brand = p.brand;
      if (r() < 0.15) item.isOnSale = true;
      items.push(item);
    }
    // Local Berlin hour; the UTC instant is shifted by about one or two hours, which is fine:
    // the engines compute local time themselves, this only shapes the distribution.
    const day = Math.floor(r() * DAYS);
    const at = FROM + day * 86_400_000 + (pickHour(r) - 1) * 3_600_000 + Math.floor(r() * 3_600_000);
    const event: EvaluationFacts['event'] = { kind: 'purchase', at, channel: pickChannel(r), paymentMethod: pickPayment(r) };
    if (r() < 0.04) event.isFirstPurchase = true;
    if (r() < 0.06) event.couponCode = r() < 0.7 ? 'BEANS20' : 'AUTUMN5';
    if (r() < 0.05) {
      // Some tills send the total (with a discount, so it differs from the lines).
      let sum = 0;
      for (const it of items) sum += it.price * it.quantity;
      event.total = Math.round(sum * 90) / 100;
    }
    const tier = pickTier(r);
    const member: EvaluationFacts['member'] = { country: 'DE', tenureDays: Math.floor(r() * 1500) };
    if (tier !== undefined) member.tier = tier;
    if (r() < 0.6) member.hasEmailConsent = r() < 0.8;
    const visits365 = Math.floor(r() * 60);
    const visits60 = r() < 0.15 ? 0 : Math.min(visits365, Math.floor(r() * 25));
    const visits30 = Math.min(visits60, Math.floor(r() * 15));
    const counters: Record<string, RuleCounters> = {};
    if (r() < 0.5) for (const c of CAPPED) if (r() < 0.5) counters[c.id] = c.fill(r);
    out.push({ facts: { event, items, member, aggregates: { visits: { '30': visits30, '60': visits60, '365': visits365 } } }, counters });
  }
  return out;
}
