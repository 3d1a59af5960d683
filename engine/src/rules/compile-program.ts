import { DomainError } from '../errors';
import type { AggregateMetric, Caps, Condition, EarningRule, ProgramSpec, Stacking, Trigger } from '../spec';
import { walkCondition } from '../spec';
import { hasLimits } from './caps';
import type { Predicate } from './compile-condition';
import { compilePredicate, createConditionEnv } from './compile-condition';
import type { CompiledEffect } from './effects';
import { compileEffect } from './effects';
import type { FactEvent } from './facts';
import type { CapWindows, LocalClock } from './local-time';
import { capWindowsOfDay, createLocalClock, dayOfIsoDate } from './local-time';

/** One earning rule, compiled. Disabled rules are kept so evaluation can say why they gave nothing. */
export interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly groupId: string;
  readonly enabled: boolean;
  /** First and last local day (days since 1970-01-01) the rule is active; infinite when open. */
  readonly fromDay: number;
  readonly toDay: number;
  readonly condition: Predicate | undefined;
  readonly effect: CompiledEffect;
  readonly caps: Caps;
  readonly limited: boolean;
}

/** A promotion group with its rules for one trigger, in list order. */
export interface CompiledGroup {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  readonly stacking: Stacking;
  readonly rules: readonly CompiledRule[];
}

/** A metric and window the shell must put in `facts.aggregates`. */
export interface AggregateNeed {
  metric: AggregateMetric;
  lastDays: number;
}

/** A program compiled once into closures; evaluate events with `evaluate`. */
export interface CompiledProgram {
  readonly timezone: string;
  readonly rounding: 'floor' | 'round' | 'ceil';
  /** Groups (ascending priority) holding rules for each trigger key (see {@link triggerKey}). */
  readonly plans: ReadonlyMap<string, readonly CompiledGroup[]>;
  /** Earn multiplier per tier id (unknown or no tier: 1). */
  readonly tierMultipliers: ReadonlyMap<string, number>;
  /** Local time in the program zone; built once with its Intl formatter. */
  readonly clock: LocalClock;
  /** Aggregates that conditions of rules, segments and journeys read. */
  readonly requiredAggregates: readonly AggregateNeed[];
  /**
   * Aggregates that earning rules read (directly or through segments): all that evaluating an
   * event needs. Segments and journeys often read history that no earning rule does.
   */
  readonly earningAggregates: readonly AggregateNeed[];
  /** Compiled segment conditions, by segment id. */
  readonly segments: ReadonlyMap<string, Predicate>;
  /** Cap windows (local day, ISO week, month) of an instant, for keying counters. */
  windowsAt(epochMs: number): CapWindows;
}

/**
 * Key that matches rules to events: the trigger kind, or `custom:<name>` for custom events.
 * @example triggerKey({ kind: 'custom', eventName: 'app-review' }) // 'custom:app-review'
 */
export function triggerKey(t: Trigger | Pick<FactEvent, 'kind' | 'name'>): string {
  if (t.kind !== 'custom') return t.kind;
  return `custom:${'eventName' in t ? t.eventName : (t.name ?? '')}`;
}

const fail = (message: string): never => {
  throw new DomainError('unprocessable', message);
};

function compileRule(rule: EarningRule, env: ReturnType<typeof createConditionEnv>): CompiledRule {
  const where = `Rule '${rule.name}'`;
  const guard = <T,>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof DomainError) fail(`${where}: ${e.message}`);
      throw e;
    }
  };
  return {
    id: rule.id,
    name: rule.name,
    groupId: rule.groupId,
    enabled: rule.enabled,
    fromDay: rule.validity?.from ? dayOfIsoDate(rule.validity.from) : Number.NEGATIVE_INFINITY,
    toDay: rule.validity?.to ? dayOfIsoDate(rule.validity.to) : Number.POSITIVE_INFINITY,
    condition: rule.condition ? guard(() => compilePredicate(rule.condition as Condition, env)) : undefined,
    effect: guard(() => compileEffect(rule.effect)),
    caps: Object.freeze({ ...rule.caps }),
    limited: hasLimits(rule.caps),
  };
}

/** Conditions of journey steps (branches and waits for a condition). */
function journeyConditions(spec: ProgramSpec): (Condition | undefined)[] {
  return spec.journeys.flatMap((j) =>
    j.steps.map((s) => (s.kind === 'branch' ? s.condition : s.kind === 'wait-until' && s.until.kind === 'condition' ? s.until.condition : undefined)),
  );
}

/** Aggregates the conditions read, directly or through the segments they test (and theirs). */
function aggregatesOf(conditions: readonly (Condition | undefined)[], segments: ProgramSpec['segments']): AggregateNeed[] {
  const seen = new Map<string, AggregateNeed>();
  const tested = new Set<string>();
  const visit = (condition: Condition) =>
    walkCondition(condition, (n) => {
      if (n.op === 'aggregate') seen.set(`${n.metric}:${n.lastDays}`, { metric: n.metric, lastDays: n.lastDays });
      if (n.op === 'in-segment' && !tested.has(n.segmentId)) {
        tested.add(n.segmentId);
        const segment = segments.find((s) => s.id === n.segmentId);
        if (segment?.condition) visit(segment.condition);
      }
    });
  for (const c of conditions) if (c) visit(c);
  return [...seen.values()];
}

/**
 * Compiles a (parsed, checked) program once: conditions and effects become closures, validity
 * dates local day numbers, groups are sorted by priority (ties keep their list order) and indexed
 * per trigger so an event only visits the rules it can trigger. Throws a DomainError
 * ('unprocessable') for things `checkProgram` reports: unknown fields, groups or segments.
 * @example
 *   const compiled = compileProgram(beanClub());
 *   evaluate(compiled, facts, {}).points
 */
export function compileProgram(spec: ProgramSpec): CompiledProgram {
  const env = createConditionEnv(spec.segments);
  for (const s of spec.segments) compilePredicate({ op: 'in-segment', segmentId: s.id }, env);
  const groups = spec.promotionGroups
    .map((g, index) => ({ g, index }))
    .sort((a, b) => a.g.priority - b.g.priority || a.index - b.index)
    .map(({ g }) => g);
  const known = new Set(groups.map((g) => g.id));
  const byTrigger = new Map<string, Map<string, CompiledRule[]>>();
  for (const rule of spec.earningRules) {
    if (!known.has(rule.groupId)) fail(`Rule '${rule.name}': promotion group '${rule.groupId}' does not exist`);
    const key = triggerKey(rule.trigger);
    const perGroup = byTrigger.get(key) ?? new Map<string, CompiledRule[]>();
    byTrigger.set(key, perGroup);
    const list = perGroup.get(rule.groupId) ?? [];
    perGroup.set(rule.groupId, list);
    list.push(compileRule(rule, env));
  }
  const plans = new Map<string, CompiledGroup[]>();
  for (const [key, perGroup] of byTrigger) {
    plans.set(
      key,
      groups
        .filter((g) => perGroup.has(g.id))
        .map((g) => ({ id: g.id, name: g.name, priority: g.priority, stacking: g.stacking, rules: perGroup.get(g.id) ?? [] })),
    );
  }
  const clock = createLocalClock(spec.program.timezone);
  return {
    timezone: spec.program.timezone,
    rounding: spec.pointsLifecycle.rounding,
    plans,
    tierMultipliers: new Map(spec.tiers.map((t) => [t.id, t.benefits.earnMultiplier])),
    clock,
    requiredAggregates: aggregatesOf([...spec.earningRules.map((r) => r.condition), ...spec.segments.map((s) => s.condition), ...journeyConditions(spec)], spec.segments),
    earningAggregates: aggregatesOf(spec.earningRules.map((r) => r.condition), spec.segments),
    segments: env.compiled,
    windowsAt: (epochMs) => capWindowsOfDay(clock(epochMs).day),
  };
}
