import type { Condition, ProgramSpec } from '../spec';
import { walkCondition } from '../spec';

/** Conditions that earning rules evaluate per event, with the segments they reach through `in-segment`. */
function ruleConditions(spec: ProgramSpec): Condition[] {
  const segments = new Map(spec.segments.map((s) => [s.id, s.condition]));
  const out: Condition[] = [];
  const seen = new Set<string>();
  const visit = (c: Condition): void => {
    out.push(c);
    walkCondition(c, (n) => {
      if (n.op !== 'in-segment' || seen.has(n.segmentId)) return;
      seen.add(n.segmentId);
      const s = segments.get(n.segmentId);
      if (s) visit(s);
    });
  };
  for (const r of spec.earningRules) if (r.condition) visit(r.condition);
  return out;
}

/**
 * Whether earning rules read history aggregates (directly or through segments). When they do not,
 * the replay fills aggregates only for journeys and reward eligibility, not on every event.
 * @example rulesReadAggregates(beanClub()) // false (only segments used by journeys read visits)
 */
export function rulesReadAggregates(spec: ProgramSpec): boolean {
  let found = false;
  for (const c of ruleConditions(spec)) walkCondition(c, (n) => (found ||= n.op === 'aggregate'));
  return found;
}

/**
 * Whether any rule, segment or reward condition reads a catalog field.
 * @example readsField(beanClub(), 'member.tier') // true
 */
export function readsField(spec: ProgramSpec, field: string): boolean {
  let found = false;
  const conditions = [...spec.earningRules.map((r) => r.condition), ...spec.segments.map((s) => s.condition), ...spec.rewards.map((r) => r.eligibility)];
  for (const c of conditions) if (c) walkCondition(c, (n) => (found ||= 'field' in n && n.field === field));
  return found;
}

/**
 * History windows that journeys and reward eligibility read, beyond what the compiled earning rules
 * list in `requiredAggregates`: the replay keeps these windows too.
 * @example extraAggregateNeeds(spec) // [{ metric: 'spend', lastDays: 90 }]
 */
export function extraAggregateNeeds(spec: ProgramSpec): { metric: 'spend' | 'visits' | 'points-earned'; lastDays: number }[] {
  const conditions: Condition[] = [];
  for (const j of spec.journeys) {
    for (const step of j.steps) {
      if (step.kind === 'branch') conditions.push(step.condition);
      if (step.kind === 'wait-until' && step.until.kind === 'condition') conditions.push(step.until.condition);
    }
  }
  for (const r of spec.rewards) if (r.eligibility) conditions.push(r.eligibility);
  const needs = new Map<string, { metric: 'spend' | 'visits' | 'points-earned'; lastDays: number }>();
  for (const c of conditions) {
    walkCondition(c, (n) => {
      if (n.op === 'aggregate') needs.set(`${n.metric}:${n.lastDays}`, { metric: n.metric, lastDays: n.lastDays });
    });
  }
  return [...needs.values()];
}
