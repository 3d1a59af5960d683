import { DomainError } from '../errors';
import type { Compare, Condition, ConditionValue, Segment, Weekday } from '../spec';
import { isCompare } from '../spec';
import type { Accessor, ItemAccessor } from './accessors';
import { CONTEXT_ACCESSORS, ITEM_ACCESSORS } from './accessors';
import type { EvalContext } from './context';
import { prepareContext } from './context';
import type { EvaluationFacts, FactItem } from './facts';
import { createLocalClock, dayOfIsoDate } from './local-time';

/** A compiled condition over one event's context. */
export type Predicate = (ctx: EvalContext) => boolean;
/** A compiled condition over one line item (`item.*` fields only). */
export type ItemPredicate = (item: FactItem) => boolean;

/** Segments known to `in-segment`, and the ones compiled so far (each is compiled once). */
export interface ConditionEnv {
  readonly segments: ReadonlyMap<string, Condition>;
  readonly compiled: Map<string, Predicate>;
  readonly compiling: Set<string>;
}

/** @example createConditionEnv(spec.segments) */
export function createConditionEnv(segments: readonly Segment[] = []): ConditionEnv {
  return { segments: new Map(segments.map((s) => [s.id, s.condition])), compiled: new Map(), compiling: new Set() };
}

const fail = (message: string): never => {
  throw new DomainError('unprocessable', message);
};

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * A test of one value against a literal; values of another type never match (except `neq`).
 * @example compareWith('gte', 10)(12) // true; compareWith('gte', 10)('12') // false
 */
export function compareWith(op: Compare, value: ConditionValue): (v: unknown) => boolean {
  if (op === 'eq') return (v) => v === value;
  if (op === 'neq') return (v) => v !== value;
  if (typeof value === 'number') {
    if (op === 'gt') return (v) => typeof v === 'number' && v > value;
    if (op === 'gte') return (v) => typeof v === 'number' && v >= value;
    if (op === 'lt') return (v) => typeof v === 'number' && v < value;
    return (v) => typeof v === 'number' && v <= value;
  }
  if (typeof value === 'string') {
    if (op === 'gt') return (v) => typeof v === 'string' && v > value;
    if (op === 'gte') return (v) => typeof v === 'string' && v >= value;
    if (op === 'lt') return (v) => typeof v === 'string' && v < value;
    return (v) => typeof v === 'string' && v <= value;
  }
  return () => false;
}

function betweenTest(min: number | string, max: number | string): (v: unknown) => boolean {
  if (typeof min === 'number' && typeof max === 'number') return (v) => typeof v === 'number' && v >= min && v <= max;
  if (typeof min === 'string' && typeof max === 'string') return (v) => typeof v === 'string' && v >= min && v <= max;
  return () => false;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** `event.date` compares as local day numbers (no date string per event); other literals stay as they are. */
function resolveField(field: string): { get: Accessor; lit: (v: ConditionValue) => ConditionValue } {
  if (field === 'event.date') return { get: (c) => c.day, lit: (v) => (isIsoDate(v) ? dayOfIsoDate(v) : v) };
  const get = CONTEXT_ACCESSORS[field];
  if (get) return { get, lit: (v) => v };
  if (ITEM_ACCESSORS[field]) return fail(`'${field}' describes one line item; use it inside an "any item" condition`);
  return fail(`'${field}' is not a field conditions can use`);
}

function itemField(field: string): ItemAccessor {
  return ITEM_ACCESSORS[field] ?? fail(`'${field}' is not a line-item field (item.*)`);
}

function all<T>(ps: ((x: T) => boolean)[]): (x: T) => boolean {
  const [a, b] = ps;
  if (ps.length === 1 && a) return a;
  if (ps.length === 2 && a && b) return (x) => a(x) && b(x);
  return (x) => {
    for (const p of ps) if (!p(x)) return false;
    return true;
  };
}

function some<T>(ps: ((x: T) => boolean)[]): (x: T) => boolean {
  const [a, b] = ps;
  if (ps.length === 1 && a) return a;
  if (ps.length === 2 && a && b) return (x) => a(x) || b(x);
  return (x) => {
    for (const p of ps) if (p(x)) return true;
    return false;
  };
}

/**
 * Compiles an `item.*` condition (inside `any-item` or an effect's `itemsWhere`) to a predicate.
 * @example compileItemPredicate({ op: 'eq', field: 'item.category', value: 'pastry' })({ ref: 'l1', sku: 'X', category: 'pastry', quantity: 1, price: 2 }) // true
 */
export function compileItemPredicate(c: Condition): ItemPredicate {
  if (isCompare(c.op) && 'value' in c && 'field' in c) {
    const get = itemField(c.field);
    const t = compareWith(c.op, c.value);
    return (i) => t(get(i));
  }
  switch (c.op) {
    case 'and':
      return all(c.all.map(compileItemPredicate));
    case 'or':
      return some(c.any.map(compileItemPredicate));
    case 'not': {
      const p = compileItemPredicate(c.condition);
      return (i) => !p(i);
    }
    case 'in': {
      const get = itemField(c.field);
      const set = new Set<unknown>(c.values);
      return (i) => set.has(get(i));
    }
    case 'between': {
      const get = itemField(c.field);
      const t = betweenTest(c.min, c.max);
      return (i) => t(get(i));
    }
    default:
      return fail(`"${c.op}" cannot be used in a line-item filter`);
  }
}

function missingAggregate(metric: string, days: number): never {
  throw new DomainError(
    'invalid_input',
    `The facts lack the member's ${metric} over the last ${days} days (facts.aggregates['${metric}']['${days}']); ` +
      'CompiledProgram.requiredAggregates lists what to supply.',
  );
}

function segmentPredicate(id: string, env: ConditionEnv): Predicate {
  const done = env.compiled.get(id);
  if (done) return done;
  const condition = env.segments.get(id) ?? fail(`segment '${id}' does not exist`);
  if (env.compiling.has(id)) return fail(`segment '${id}' refers to itself through "in segment"`);
  env.compiling.add(id);
  const p = compilePredicate(condition, env);
  env.compiling.delete(id);
  env.compiled.set(id, p);
  return p;
}

/**
 * Compiles a condition over the event, member, aggregates and time to a closure, once.
 * Throws a DomainError ('unprocessable') for unknown fields, item fields outside `any-item`, unknown
 * or self-referencing segments.
 * @example compilePredicate({ op: 'gte', field: 'event.total', value: 10 }, createConditionEnv())(ctx)
 */
export function compilePredicate(c: Condition, env: ConditionEnv): Predicate {
  if (isCompare(c.op) && 'value' in c && 'field' in c) {
    const { get, lit } = resolveField(c.field);
    const t = compareWith(c.op, lit(c.value));
    return (x) => t(get(x));
  }
  switch (c.op) {
    case 'and':
      return all(c.all.map((s) => compilePredicate(s, env)));
    case 'or':
      return some(c.any.map((s) => compilePredicate(s, env)));
    case 'not': {
      const p = compilePredicate(c.condition, env);
      return (x) => !p(x);
    }
    case 'in': {
      const { get, lit } = resolveField(c.field);
      const set = new Set<unknown>(c.values.map(lit));
      return (x) => set.has(get(x));
    }
    case 'between': {
      const { get, lit } = resolveField(c.field);
      const t = betweenTest(lit(c.min) as number | string, lit(c.max) as number | string);
      return (x) => t(get(x));
    }
    case 'any-item': {
      const p = compileItemPredicate(c.where);
      const min = c.minQuantity ?? 1;
      return (x) => {
        let q = 0;
        for (const item of x.facts.items) if (p(item) && (q += item.quantity) >= min) return true;
        return false;
      };
    }
    case 'aggregate': {
      const { metric, lastDays } = c;
      const key = String(lastDays);
      const t = compareWith(c.cmp, c.value);
      return (x) => {
        const v = x.facts.aggregates[metric]?.[key];
        return v === undefined ? missingAggregate(metric, lastDays) : t(v);
      };
    }
    case 'tenure': {
      const t = compareWith(c.cmp, c.days);
      return (x) => t(x.facts.member.tenureDays);
    }
    case 'day-of-week': {
      const mask = c.days.reduce((m, d) => m | (1 << WEEKDAYS.indexOf(d)), 0);
      return (x) => (mask & (1 << x.weekday)) !== 0;
    }
    case 'time-between': {
      // Decision: "to" is exclusive; to < from wraps midnight; to === from is an empty window (never matches).
      const from = minutesOf(c.from);
      const to = minutesOf(c.to);
      if (from <= to) return (x) => x.minutes >= from && x.minutes < to;
      return (x) => x.minutes >= from || x.minutes < to;
    }
    case 'in-segment':
      // Resolved now, so unknown or cyclic segments fail at compile time; each segment compiles once.
      return segmentPredicate(c.segmentId, env);
    default:
      return fail(`unknown condition operator '${(c as { op: string }).op}'`);
  }
}

/** Minutes since midnight of HH:MM. @example minutesOf('06:30') // 390 */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Options of {@link compileCondition}. */
export interface CompileConditionOptions {
  /** Time zone for day-of-week, time-between and event.date; default UTC. */
  timezone?: string;
  /** Segments `in-segment` may refer to. */
  segments?: readonly Segment[];
}

/**
 * Compiles a condition once into `(facts) => boolean`. Field paths become accessors, `in` lists
 * Sets, `any-item` a loop with a compiled item predicate; the Intl formatter for the time zone is
 * created here, not per call.
 * @example
 *   const weekend = compileCondition({ op: 'day-of-week', days: ['sat', 'sun'] }, { timezone: 'Europe/Berlin' });
 *   weekend({ event: { kind: 'purchase', at: Date.parse('2025-09-05T23:30:00Z') }, items: [], member: {}, aggregates: {} }) // true
 */
export function compileCondition(condition: Condition, options: CompileConditionOptions = {}): (facts: EvaluationFacts) => boolean {
  const clock = createLocalClock(options.timezone ?? 'UTC');
  const p = compilePredicate(condition, createConditionEnv(options.segments));
  return (facts) => p(prepareContext(facts, clock));
}
