import type { AggregateMetric, Condition, ProgramSpec } from '../spec';
import { walkCondition } from '../spec';

/** `roots` and the conditions of the segments they reach through `in-segment`, transitively. */
function withSegments(spec: ProgramSpec, roots: readonly Condition[]): Condition[] {
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
  for (const c of roots) visit(c);
  return out;
}

/** Conditions that earning rules evaluate per event, with the segments they reach through `in-segment`. */
function ruleConditions(spec: ProgramSpec): Condition[] {
  const roots: Condition[] = [];
  for (const r of spec.earningRules) if (r.condition) roots.push(r.condition);
  return withSegments(spec, roots);
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
 * Whether any rule, segment, reward or journey (branch, wait-until) condition reads a catalog field.
 * @example readsField(beanClub(), 'member.tier') // true
 */
export function readsField(spec: ProgramSpec, field: string): boolean {
  let found = false;
  const journeyConditions = spec.journeys.flatMap((j) =>
    j.steps.flatMap((s) => (s.kind === 'branch' ? [s.condition] : s.kind === 'wait-until' && s.until.kind === 'condition' ? [s.until.condition] : [])),
  );
  const conditions = [...spec.earningRules.map((r) => r.condition), ...spec.segments.map((s) => s.condition), ...spec.rewards.map((r) => r.eligibility), ...journeyConditions];
  for (const c of conditions) if (c) walkCondition(c, (n) => (found ||= 'field' in n && n.field === field));
  return found;
}

/**
 * Every history window a replay can be asked for: the ones earning rules, journey branches and
 * wait-until conditions, journey audiences and reward eligibility read, directly or through
 * segments. Windows that only other segments read (a segment-entry trigger, say, which the replay
 * does not simulate) are left out: keeping them costs a sum per member and event.
 * @example aggregateNeeds(beanClub()) // [] (only the lapsed-regulars segment reads visits, and only a segment-entry trigger uses it)
 */
export function aggregateNeeds(spec: ProgramSpec): { metric: AggregateMetric; lastDays: number }[] {
  const roots: Condition[] = [];
  for (const r of spec.earningRules) if (r.condition) roots.push(r.condition);
  for (const j of spec.journeys) {
    if (j.audienceSegmentId !== undefined) roots.push({ op: 'in-segment', segmentId: j.audienceSegmentId });
    for (const step of j.steps) {
      if (step.kind === 'branch') roots.push(step.condition);
      if (step.kind === 'wait-until' && step.until.kind === 'condition') roots.push(step.until.condition);
    }
  }
  for (const r of spec.rewards) if (r.eligibility) roots.push(r.eligibility);
  const needs = new Map<string, { metric: AggregateMetric; lastDays: number }>();
  for (const c of withSegments(spec, roots)) {
    walkCondition(c, (n) => {
      if (n.op === 'aggregate' && !needs.has(`${n.metric}:${n.lastDays}`)) needs.set(`${n.metric}:${n.lastDays}`, { metric: n.metric, lastDays: n.lastDays });
    });
  }
  return [...needs.values()];
}
