/**
 * The 40 rules of `bench/evaluate-program.ts`, written the way a json-rules-engine user would:
 * one Engine with JSON rules (`all` / `any` conditions on facts), dynamic facts computed by fact
 * functions and cached by the almanac per run (event total and item count, local weekday / time /
 * date in Europe/Berlin, quantity and spend of the lines matching a filter given as fact params,
 * visits over N days), shared conditions (`setCondition`) for the two segments, and one `earn`
 * event per rule whose params describe the points, the promotion group and the caps.
 *
 * json-rules-engine only says which rules fired; a small adapter (`points`) turns the fired events
 * into points with the loyalty engine's semantics: groups by ascending priority, `stack` /
 * `best-of` / `exclusive` (exclusive ends earning), multipliers on the points of earlier groups,
 * the tier earn multiplier on every other effect before caps, caps and campaign budgets clamping
 * from the counters the ledger supplies, the sum rounded once (floor, after a 1e-6 snap).
 * Written independently of `engine/src/rules`; `bench/evaluate-equivalence.test.ts` checks both
 * give the same points event by event.
 * @example
 *   const jre = createJsonRulesEngineProgram();
 *   await jre.points(facts, counters) // same as evaluate(compileProgram(evaluateProgram()), facts, counters).points
 */
import type { Almanac, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { Engine } from 'json-rules-engine';
import type { Counters, EvaluationFacts, FactItem, RuleCounters } from '../engine/src/rules';

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

type Effect =
  | { kind: 'per-currency'; points: number; unitAmount: number; lines?: LineFilter }
  | { kind: 'per-item'; points: number; lines: LineFilter }
  | { kind: 'fixed'; points: number }
  | { kind: 'multiplier'; factor: number };

interface Caps {
  perMemberPerDay?: number;
  perMemberPerWeek?: number;
  perMemberPerMonth?: number;
  perMemberTotal?: number;
  timesPerMember?: number;
  campaignBudgetPoints?: number;
}

interface EarnParams {
  rule: string;
  group: string;
  effect: Effect;
  caps?: Caps;
  /** Position in the rule list (set when the engine is built); decides order inside a group. */
  order?: number;
}

type Stacking = 'stack' | 'best-of' | 'exclusive';

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

// ---------- facts ----------

/** True when a line passes every key of the filter. @example lineMatches({ ref: 'l1', sku: 'X', category: 'tea', quantity: 1, price: 3 }, { category: 'tea' }) // true */
export function lineMatches(item: FactItem, f: LineFilter): boolean {
  if (f.category !== undefined && item.category !== f.category) return false;
  if (f.brand !== undefined && item.brand !== f.brand) return false;
  if (f.brands !== undefined && (item.brand === undefined || !f.brands.includes(item.brand))) return false;
  if (f.skus !== undefined && !f.skus.includes(item.sku)) return false;
  if (f.minPrice !== undefined && !(item.price >= f.minPrice)) return false;
  if (f.onSale !== undefined && (item.isOnSale === true) !== f.onSale) return false;
  return true;
}

const WEEKDAY: Readonly<Record<string, string>> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

interface LocalTime {
  weekday: string;
  minuteOfDay: number;
  /** YYYYMMDD as a number, so the numeric operators compare dates. */
  date: number;
}

// Facts cheaper to recompute than to cache: json-rules-engine hashes the params of cached facts on
// every lookup, so these skip its cache. Only the local time (an Intl call) is cached per run.
const CHEAP = { cache: false };

function addFacts(engine: Engine, timeZone: string): void {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  engine.addFact('total', async (_params: Record<string, unknown>, almanac: Almanac) => {
    const given = await almanac.factValue<number | undefined>('givenTotal');
    if (given !== undefined) return given;
    const items = await almanac.factValue<FactItem[]>('items');
    let sum = 0;
    for (const it of items) sum += it.price * it.quantity;
    return sum;
  }, CHEAP);
  engine.addFact('itemCount', async (_params: Record<string, unknown>, almanac: Almanac) => {
    const given = await almanac.factValue<number | undefined>('givenItemCount');
    if (given !== undefined) return given;
    const items = await almanac.factValue<FactItem[]>('items');
    let q = 0;
    for (const it of items) q += it.quantity;
    return q;
  }, CHEAP);
  engine.addFact('localTime', async (_params: Record<string, unknown>, almanac: Almanac): Promise<LocalTime> => {
    const at = await almanac.factValue<number>('at');
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(at)) p[part.type] = part.value;
    return {
      weekday: WEEKDAY[p.weekday ?? ''] ?? '',
      minuteOfDay: Number(p.hour) * 60 + Number(p.minute),
      date: Number(p.year) * 10000 + Number(p.month) * 100 + Number(p.day),
    };
  });
  engine.addFact('weekday', async (_params: Record<string, unknown>, almanac: Almanac) => (await almanac.factValue<LocalTime>('localTime')).weekday, CHEAP);
  engine.addFact('minuteOfDay', async (_params: Record<string, unknown>, almanac: Almanac) => (await almanac.factValue<LocalTime>('localTime')).minuteOfDay, CHEAP);
  engine.addFact('localDate', async (_params: Record<string, unknown>, almanac: Almanac) => (await almanac.factValue<LocalTime>('localTime')).date, CHEAP);
  engine.addFact('itemQuantity', async (params: Record<string, unknown>, almanac: Almanac) => {
    const items = await almanac.factValue<FactItem[]>('items');
    let q = 0;
    for (const it of items) if (lineMatches(it, params as LineFilter)) q += it.quantity;
    return q;
  }, CHEAP);
  engine.addFact('itemSpend', async (params: Record<string, unknown>, almanac: Almanac) => {
    const items = await almanac.factValue<FactItem[]>('items');
    let spend = 0;
    for (const it of items) if (lineMatches(it, params as LineFilter)) spend += it.price * it.quantity;
    return spend;
  }, CHEAP);
  engine.addFact('visits', async (params: Record<string, unknown>, almanac: Almanac) => {
    const aggregates = await almanac.factValue<EvaluationFacts['aggregates']>('aggregates');
    return aggregates.visits?.[String(params.days)];
  }, CHEAP);
}

/** The per-run facts: plain values from the event, member and history. */
function runFacts(facts: EvaluationFacts): Record<string, unknown> {
  const { event, member } = facts;
  return {
    items: facts.items,
    at: event.at,
    givenTotal: event.total,
    givenItemCount: event.itemCount,
    channel: event.channel,
    paymentMethod: event.paymentMethod,
    couponCode: event.couponCode,
    isFirstPurchase: event.isFirstPurchase,
    tier: member.tier,
    tenureDays: member.tenureDays,
    hasEmailConsent: member.hasEmailConsent,
    aggregates: facts.aggregates,
  };
}

// ---------- adapter: fired events -> points ----------

const left = (cap: number | undefined, used: number | undefined) => (cap === undefined ? Infinity : Math.max(0, cap - (used ?? 0)));

/** Points the rule may still give (0 when `timesPerMember` is used up). */
function capRoom(caps: Caps, used: RuleCounters | undefined): number {
  if (caps.timesPerMember !== undefined && (used?.times ?? 0) >= caps.timesPerMember) return 0;
  return Math.min(
    left(caps.perMemberPerDay, used?.day),
    left(caps.perMemberPerWeek, used?.week),
    left(caps.perMemberPerMonth, used?.month),
    left(caps.perMemberTotal, used?.total),
    left(caps.campaignBudgetPoints, used?.campaign),
  );
}

async function effectPoints(effect: Effect, almanac: Almanac, m: number, base: number): Promise<number> {
  switch (effect.kind) {
    case 'per-currency': {
      const spend = effect.lines ? await almanac.factValue<number>('itemSpend', effect.lines) : await almanac.factValue<number>('total');
      return (spend / effect.unitAmount) * effect.points * m;
    }
    case 'per-item':
      return (await almanac.factValue<number>('itemQuantity', effect.lines)) * effect.points * m;
    case 'fixed':
      return effect.points * m;
    case 'multiplier':
      return base * (effect.factor - 1);
  }
}

/** The engine with its rules, facts and shared conditions, and the points of one event. */
export interface JsonRulesEngineProgram {
  readonly engine: Engine;
  /** Runs the engine on one event and turns the fired events into whole points. */
  points(facts: EvaluationFacts, counters?: Counters): Promise<number>;
}

/** Builds the engine once; call `points` per event. @example await createJsonRulesEngineProgram().points(facts, {}) */
export function createJsonRulesEngineProgram(timeZone = 'Europe/Berlin'): JsonRulesEngineProgram {
  const engine = new Engine();
  for (const [name, condition] of Object.entries(SHARED_CONDITIONS)) engine.setCondition(name, condition);
  JSON_RULES.forEach((rule, order) => {
    engine.addRule({ ...rule, event: { type: rule.event.type, params: { ...rule.event.params, order } } });
  });
  addFacts(engine, timeZone);
  // Rule positions per group, groups by ascending priority: fixed once.
  const plan = [...GROUPS]
    .sort((a, b) => a.priority - b.priority)
    .map((g) => ({ stacking: g.stacking, orders: JSON_RULES.flatMap((r, order) => ((r.event.params as EarnParams).group === g.id ? [order] : [])) }));
  const ruleCount = JSON_RULES.length;

  async function points(facts: EvaluationFacts, counters: Counters = {}): Promise<number> {
    const { events, almanac } = await engine.run(runFacts(facts));
    const fired = new Array<EarnParams | undefined>(ruleCount);
    for (const e of events) {
      const p = e.params as EarnParams;
      fired[p.order!] = p;
    }
    const tier = facts.member.tier;
    const m = tier === undefined ? 1 : (TIER_MULTIPLIERS[tier] ?? 1);
    let base = 0;
    for (const group of plan) {
      const won: number[] = [];
      for (const order of group.orders) {
        const p = fired[order];
        if (!p) continue;
        let pts = await effectPoints(p.effect, almanac, m, base);
        if (!(pts > 0)) continue;
        if (p.caps) {
          const room = capRoom(p.caps, counters[p.rule]);
          if (room <= 0) continue;
          if (pts > room) pts = room;
        }
        if (group.stacking === 'stack') won.push(pts);
        else if (group.stacking === 'exclusive') {
          won.push(pts);
          break;
        } else if (won.length === 0) won.push(pts);
        else if (pts > won[0]!) won[0] = pts;
      }
      for (const w of won) base += w;
      if (group.stacking === 'exclusive' && won.length > 0) break;
    }
    return Math.floor(Math.round(base * 1e6) / 1e6);
  }
  return { engine, points };
}
