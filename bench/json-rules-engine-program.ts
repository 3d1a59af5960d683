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
import type { Almanac } from 'json-rules-engine';
import { Engine } from 'json-rules-engine';
import type { Counters, EvaluationFacts, FactItem, RuleCounters } from '../engine/src/rules';
import { GROUPS, JSON_RULES, SHARED_CONDITIONS, TIER_MULTIPLIERS, type Caps, type EarnParams, type Effect, type LineFilter } from './json-rules-engine-rules';

export { JSON_RULES } from './json-rules-engine-rules';

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
