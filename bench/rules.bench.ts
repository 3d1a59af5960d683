/**
 * Rules benchmark: compiles Bean Club once and evaluates synthetic purchase events.
 * Run: node --import tsx bench/rules.bench.ts   (RULES_BENCH_EVENTS=200000 for a shorter run)
 * Prints JSON lines:
 *   {"name":"rules.events_per_s","value":N}                compiled evaluation, 1,000,000 events
 *   {"name":"rules.interpreted_events_per_s","value":N}    naive AST interpreter below
 *   {"name":"rules.compiled_vs_interpreted","value":ratio} how many times faster compiled is
 * The naive interpreter gets the same head start the compiled path has (groups sorted once, one
 * Intl formatter), but walks the Condition AST, splits field paths and formats the event time per
 * event, and it skips the per-line attribution the compiled path computes, so the ratio is conservative.
 * Both sides avoid named closures per event (tsx's keepNames would charge them for __name calls).
 */
import { compileProgram, evaluate } from '../engine/src/rules';
import type { EvaluationFacts, FactItem } from '../engine/src/rules';
import type { Condition, EarningRule, ProgramSpec } from '../engine/src/spec';
import { beanClub } from '../engine/src/spec';
import { rng } from './lib/purchases';

const EVENTS = Number(process.env.RULES_BENCH_EVENTS ?? 1_000_000);
const NAIVE_EVENTS = Math.min(EVENTS, 200_000);
const POOL = 10_000;


const CATALOG: Omit<FactItem, 'ref' | 'quantity'>[] = [
  { sku: 'SKU-LATTE-M', category: 'coffee', brand: 'house', price: 4.5 },
  { sku: 'SKU-ESPRESSO', category: 'coffee', brand: 'house', price: 2.2 },
  { sku: 'SKU-FLATWHITE', category: 'coffee', price: 3.9 },
  { sku: 'SKU-CROISSANT', category: 'pastry', price: 2.5 },
  { sku: 'SKU-MUFFIN', category: 'pastry', price: 3.1, isOnSale: true },
  { sku: 'SKU-CHAI', category: 'tea', price: 3.6 },
  { sku: 'SKU-BEANS-1KG', category: 'beans', brand: 'roastery-nord', price: 24 },
];
const CHANNELS = ['store', 'store', 'store', 'online', 'app'] as const;
const TIERS = ['green', 'green', 'silver', 'gold'] as const;

function syntheticEvents(n: number): EvaluationFacts[] {
  const r = rng(42);
  const from = Date.parse('2025-08-25T00:00:00Z');
  const span = Date.parse('2025-11-10T00:00:00Z') - from;
  return Array.from({ length: n }, () => {
    const items = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({ ...CATALOG[Math.floor(r() * CATALOG.length)]!, ref: `l${i + 1}`, quantity: 1 + Math.floor(r() * 3) }));
    return {
      event: { kind: 'purchase', at: from + Math.floor(r() * span), channel: CHANNELS[Math.floor(r() * CHANNELS.length)]! },
      items,
      member: { tier: TIERS[Math.floor(r() * TIERS.length)]!, country: 'DE', tenureDays: Math.floor(r() * 900) },
      aggregates: { visits: { '60': Math.floor(r() * 5), '365': Math.floor(r() * 40) } },
    };
  });
}

// ---------- naive interpreter: walks the Condition AST per event ----------

interface Local {
  date: string;
  weekday: string;
  minutes: number;
}

function localOf(format: Intl.DateTimeFormat, at: number): Local {
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(at)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: (p.weekday ?? '').toLowerCase(), minutes: Number(p.hour) * 60 + Number(p.minute) };
}

function fieldValue(facts: EvaluationFacts, item: FactItem | undefined, path: string, local: () => Local): unknown {
  const [scope, key] = path.split('.') as [string, string];
  if (scope === 'item') return item ? (item as unknown as Record<string, unknown>)[key] : undefined;
  if (path === 'event.date') return local().date;
  if (path === 'event.total') return facts.event.total ?? facts.items.reduce((s, i) => s + i.price * i.quantity, 0);
  if (path === 'event.itemCount') return facts.event.itemCount ?? facts.items.reduce((s, i) => s + i.quantity, 0);
  const source = (scope === 'event' ? facts.event : facts.member) as unknown as Record<string, unknown>;
  return source[key];
}

function compare(op: string, v: unknown, value: unknown): boolean {
  switch (op) {
    case 'eq':
      return v === value;
    case 'neq':
      return v !== value;
    case 'gt':
      return typeof v === typeof value && (v as number) > (value as number);
    case 'gte':
      return typeof v === typeof value && (v as number) >= (value as number);
    case 'lt':
      return typeof v === typeof value && (v as number) < (value as number);
    default:
      return typeof v === typeof value && (v as number) <= (value as number);
  }
}

/** The naive interpreter: re-walks the condition tree and resolves every path by name. */
function hhmm(s: string): number {
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

function interpretCondition(c: Condition, facts: EvaluationFacts, spec: ProgramSpec, local: () => Local, item?: FactItem): boolean {
  switch (c.op) {
    case 'and':
      return c.all.every((s) => interpretCondition(s, facts, spec, local, item));
    case 'or':
      return c.any.some((s) => interpretCondition(s, facts, spec, local, item));
    case 'not':
      return !interpretCondition(c.condition, facts, spec, local, item);
    case 'in':
      return c.values.includes(fieldValue(facts, item, c.field, local) as string);
    case 'between': {
      const v = fieldValue(facts, item, c.field, local);
      return typeof v === typeof c.min && (v as number) >= (c.min as number) && (v as number) <= (c.max as number);
    }
    case 'any-item': {
      const q = facts.items.filter((i) => interpretCondition(c.where, facts, spec, local, i)).reduce((s, i) => s + i.quantity, 0);
      return q >= (c.minQuantity ?? 1);
    }
    case 'aggregate':
      return compare(c.cmp, facts.aggregates[c.metric]?.[String(c.lastDays)], c.value);
    case 'tenure':
      return compare(c.cmp, facts.member.tenureDays, c.days);
    case 'day-of-week':
      return (c.days as string[]).includes(local().weekday);
    case 'time-between': {
      const m = local().minutes;
      const from = hhmm(c.from);
      const to = hhmm(c.to);
      return from <= to ? m >= from && m < to : m >= from || m < to;
    }
    case 'in-segment': {
      const seg = spec.segments.find((s) => s.id === c.segmentId);
      return seg ? interpretCondition(seg.condition, facts, spec, local) : false;
    }
    default:
      return compare(c.op, fieldValue(facts, item, c.field, local), c.value);
  }
}

function matching(where: Condition | undefined, facts: EvaluationFacts, spec: ProgramSpec, local: () => Local): FactItem[] {
  return facts.items.filter((i) => !where || interpretCondition(where, facts, spec, local, i));
}

function lazyLocal(format: Intl.DateTimeFormat, at: number): () => Local {
  let cached: Local | undefined;
  return () => (cached ??= localOf(format, at));
}

function naiveEffect(rule: EarningRule, facts: EvaluationFacts, spec: ProgramSpec, local: () => Local, base: number, m: number): number {
  const e = rule.effect;
  switch (e.kind) {
    case 'fixed':
      return e.points * m;
    case 'multiplier':
      return base * (e.factor - 1);
    case 'per-item':
      return matching(e.itemsWhere, facts, spec, local).reduce((s, i) => s + i.quantity * e.points, 0) * m;
    case 'per-currency-unit': {
      const spent = e.itemsWhere ? matching(e.itemsWhere, facts, spec, local).reduce((s, i) => s + i.price * i.quantity, 0) : (fieldValue(facts, undefined, 'event.total', local) as number);
      return (spent / e.unitAmount) * e.points * m;
    }
  }
}

function naiveEvaluator(spec: ProgramSpec): (facts: EvaluationFacts) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: spec.program.timezone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const groups = [...spec.promotionGroups].sort((a, b) => a.priority - b.priority);
  return (facts) => {
    const local = lazyLocal(format, facts.event.at);
    const m = spec.tiers.find((t) => t.id === facts.member.tier)?.benefits.earnMultiplier ?? 1;
    let base = 0;
    for (const g of groups) {
      const won: number[] = [];
      for (const rule of spec.earningRules) {
        if (rule.groupId !== g.id || rule.trigger.kind !== facts.event.kind || !rule.enabled) continue;
        const date = local().date;
        if ((rule.validity?.from && date < rule.validity.from) || (rule.validity?.to && date > rule.validity.to)) continue;
        if (rule.condition && !interpretCondition(rule.condition, facts, spec, local)) continue;
        const { perMemberPerDay, perMemberPerWeek, perMemberPerMonth, perMemberTotal, campaignBudgetPoints } = rule.caps;
        const limits = [perMemberPerDay, perMemberPerWeek, perMemberPerMonth, perMemberTotal, campaignBudgetPoints].filter((x) => x !== undefined);
        const p = Math.min(naiveEffect(rule, facts, spec, local, base, m), ...limits); // no counters: fresh member
        if (p > 0) won.push(p);
        if (p > 0 && g.stacking === 'exclusive') break;
      }
      const add = g.stacking === 'best-of' ? Math.max(0, ...won) : won.reduce((s, p) => s + p, 0);
      base += add;
      if (g.stacking === 'exclusive' && won.length > 0) break;
    }
    return Math.floor(Math.round(base * 1e6) / 1e6);
  };
}

// ---------- run ----------

function timeIt(n: number, pool: EvaluationFacts[], run: (f: EvaluationFacts) => number): { perSecond: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < Math.min(n, 50_000); i++) checksum += run(pool[i % pool.length]!); // warm-up
  checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) checksum += run(pool[i % pool.length]!);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: Math.round(n / seconds), checksum };
}

const spec = beanClub();
const compiled = compileProgram(spec);
const pool = syntheticEvents(POOL);
const naive = naiveEvaluator(spec);
const compiledPoints = (f: EvaluationFacts) => evaluate(compiled, f).points;

const mismatch = pool.findIndex((f) => compiledPoints(f) !== naive(f));
if (mismatch >= 0) {
  console.error(`compiled and interpreted disagree on event ${mismatch}: ${compiledPoints(pool[mismatch]!)} vs ${naive(pool[mismatch]!)}`);
  process.exit(1);
}

const fast = timeIt(EVENTS, pool, compiledPoints);
const slow = timeIt(NAIVE_EVENTS, pool, naive);
console.log(JSON.stringify({ name: 'rules.events_per_s', value: fast.perSecond, unit: 'events/s' }));
console.log(JSON.stringify({ name: 'rules.interpreted_events_per_s', value: slow.perSecond, unit: 'events/s' }));
console.log(JSON.stringify({ name: 'rules.compiled_vs_interpreted', value: Math.round((fast.perSecond / slow.perSecond) * 100) / 100, unit: 'x' }));
