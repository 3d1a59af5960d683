import { apportion, roundPoints } from './apportion';
import type { LimitReason } from './caps';
import { capRoom } from './caps';
import type { CompiledGroup, CompiledProgram, CompiledRule } from './compile-program';
import { triggerKey } from './compile-program';
import type { EvalContext } from './context';
import { prepareContext } from './context';
import { scaled } from './effects';
import type { Counters, EvaluationFacts } from './facts';

/**
 * Why a rule whose trigger matched gave nothing:
 * `disabled`; `validity` (event date outside from/to); `condition`; `no-points` (the effect
 * computed 0, e.g. no matching lines, or a multiplier with nothing before it); `cap` / `budget`
 * (no room left); `stacking` (another rule of its group won: best-of or exclusive); `exclusive`
 * (an earlier exclusive group matched, so this group did not run).
 */
export type SkipReason = 'disabled' | 'validity' | 'condition' | 'no-points' | 'cap' | 'budget' | 'stacking' | 'exclusive';

/** Whole points of one rule attributed to one purchase line. */
export interface ItemPoints {
  lineRef: string;
  points: number;
}

/** Points one rule gave in this event. */
export interface EarnedLine {
  ruleId: string;
  ruleName: string;
  groupId: string;
  /**
   * Whole points: this rule's share of `EvaluationResult.points`. Add these to the rule's counters
   * (see `addToCounters`); a line can hold 0 when its fraction was rounded away.
   */
  points: number;
  /** Exact points before the event's rounding (tier multiplier and caps applied). */
  exactPoints: number;
  /** Set when a cap or the campaign budget cut the points down. */
  limitedBy?: LimitReason;
  /** Lines the rule's item filter matched (rules with `itemsWhere`). */
  itemRefs?: string[];
  /** `points` split over purchase lines (whole points, summing to `points`; lines with 0 left out). */
  perItem?: ItemPoints[];
}

/** A rule whose trigger matched but that gave nothing, and why. @example { ruleId: 'rule-morning-gold', groupId: 'campaigns', reason: 'condition' } */
export interface SkippedRule {
  ruleId: string;
  groupId: string;
  reason: SkipReason;
}

/**
 * What one event earns.
 * @example
 *   // Bean Club, Saturday latte x2 + croissant (green member):
 *   // { points: 33, exactPoints: 33, tierMultiplier: 1, lines: [
 *   //   { ruleId: 'rule-base-points', points: 12, exactPoints: 11.5, perItem: [{ lineRef: 'l1', points: 9 }, { lineRef: 'l2', points: 3 }] },
 *   //   { ruleId: 'rule-pastry-bonus', points: 5, itemRefs: ['l2'], ... },
 *   //   { ruleId: 'rule-double-weekend', points: 16, exactPoints: 16.5, ... } ],
 *   //   skipped: [{ ruleId: 'rule-morning-gold', groupId: 'campaigns', reason: 'condition' }] }
 */
export interface EvaluationResult {
  /** Whole points for the event: rounded once, after all rules and the tier multiplier. */
  points: number;
  /** Sum of the lines' exact points. */
  exactPoints: number;
  tierMultiplier: number;
  lines: EarnedLine[];
  skipped: SkippedRule[];
}

interface Candidate {
  rule: CompiledRule;
  points: number;
  weights: number[] | undefined;
  itemRefs: string[] | undefined;
  limitedBy: LimitReason | undefined;
}

function tryRule(rule: CompiledRule, ctx: EvalContext, m: number, base: number, bw: readonly number[] | undefined, counters: Counters): Candidate | SkipReason {
  if (!rule.enabled) return 'disabled';
  if (ctx.day < rule.fromDay || ctx.day > rule.toDay) return 'validity';
  if (rule.condition && !rule.condition(ctx)) return 'condition';
  const out = rule.effect(ctx, m, base, bw);
  if (!(out.points > 0)) return 'no-points';
  if (!rule.limited) return { rule, points: out.points, weights: out.weights, itemRefs: out.itemRefs, limitedBy: undefined };
  const { room, by } = capRoom(rule.caps, counters[rule.id]);
  if (room <= 0) return by ?? 'cap';
  if (out.points <= room) return { rule, points: out.points, weights: out.weights, itemRefs: out.itemRefs, limitedBy: undefined };
  const scale = room / out.points;
  const weights = out.weights && scaled(out.weights, scale);
  return { rule, points: room, weights, itemRefs: out.itemRefs, limitedBy: by };
}

/**
 * Runs one group's rules per its stacking policy: appends its winners to `won` (no array per
 * group: most groups have one winner or none) and records the others.
 */
function runGroup(group: CompiledGroup, ctx: EvalContext, m: number, base: number, bw: readonly number[] | undefined, counters: Counters, won: Candidate[], skipped: SkippedRule[]): void {
  const first = won.length;
  for (const rule of group.rules) {
    if (group.stacking === 'exclusive' && won.length > first) {
      skipped.push({ ruleId: rule.id, groupId: group.id, reason: 'stacking' });
      continue;
    }
    const r = tryRule(rule, ctx, m, base, bw, counters);
    if (typeof r === 'string') skipped.push({ ruleId: rule.id, groupId: group.id, reason: r });
    else if (group.stacking !== 'best-of' || won.length === first) won.push(r);
    else if (r.points > won[first]!.points) {
      skipped.push({ ruleId: won[first]!.rule.id, groupId: group.id, reason: 'stacking' });
      won[first] = r;
    } else skipped.push({ ruleId: rule.id, groupId: group.id, reason: 'stacking' });
  }
}

function lineOf(c: Candidate, points: number, ctx: EvalContext): EarnedLine {
  let perItem: ItemPoints[] | undefined;
  if (c.weights) {
    const shares = apportion(points, c.weights, points / c.points);
    const items = ctx.facts.items;
    let k = 0;
    for (let i = 0; i < shares.length; i++) if (shares[i]! > 0) k++;
    perItem = new Array<ItemPoints>(k);
    k = 0;
    for (let i = 0; i < shares.length; i++) if (shares[i]! > 0) perItem[k++] = { lineRef: items[i]!.ref, points: shares[i]! };
  }
  // One object shape for every line (optional fields present, possibly undefined): keeps V8 monomorphic.
  return { ruleId: c.rule.id, ruleName: c.rule.name, groupId: c.rule.groupId, points, exactPoints: c.points, limitedBy: c.limitedBy, itemRefs: c.itemRefs, perItem };
}

/**
 * Evaluates one event against a compiled program. Pure: time comes from `facts.event.at`, what the
 * ledger already awarded from `counters`.
 *
 * Semantics (spec descriptions, plus the choices noted here):
 * - Groups run by ascending priority. `stack`: every matching rule counts. `best-of`: only the
 *   rule giving the most points after its caps (first in list order on a tie). `exclusive`: the
 *   first matching rule in list order; later rules and all later groups are skipped. A rule
 *   "matches" when it is enabled, valid on the event's local date, its condition holds and it
 *   still gives points after caps (an exhausted rule does not block others).
 * - A multiplier adds base x (factor - 1), base = points of all earlier groups; several
 *   multipliers in one group each use that same base (they add, they do not compound), while a
 *   multiplier in a later group also multiplies earlier multipliers.
 * - The tier earn multiplier scales each rule's points before caps, so caps and budgets limit
 *   what the member really gets from a rule.
 * - Caps clamp: a rule gives what room is left (partial award); `timesPerMember` reached gives 0.
 * - Exact points are summed and rounded once (`pointsLifecycle.rounding`). The whole points are
 *   then split over the rules by largest remainder (each rule gets the floor or ceiling of its
 *   exact points, so a whole-point cap is never exceeded), and each rule's points over the
 *   purchase lines by largest remainder on its per-line weights (amount share for per-currency and
 *   fixed, quantity x points for per-item, the base's split for multipliers). Sums match exactly.
 * @example
 *   const r = evaluate(compileProgram(beanClub()), facts, { 'rule-pastry-bonus': { day: 15 } });
 *   r.points; r.lines.map((l) => [l.ruleId, l.points]);
 */
export function evaluate(compiled: CompiledProgram, facts: EvaluationFacts, counters: Counters = {}): EvaluationResult {
  const tier = facts.member.tier;
  const m = tier === undefined ? 1 : (compiled.tierMultipliers.get(tier) ?? 1);
  const plan = compiled.plans.get(triggerKey(facts.event));
  if (!plan) return { points: 0, exactPoints: 0, tierMultiplier: m, lines: [], skipped: [] };
  const ctx = prepareContext(facts, compiled.clock);
  const n = facts.items.length;
  const baseWeights = n > 0 ? new Array<number>(n).fill(0) : undefined;
  const won: Candidate[] = [];
  const skipped: SkippedRule[] = [];
  let base = 0;
  let stopped = false;
  for (const group of plan) {
    if (stopped) {
      for (const rule of group.rules) skipped.push({ ruleId: rule.id, groupId: group.id, reason: 'exclusive' });
      continue;
    }
    const first = won.length;
    runGroup(group, ctx, m, base, baseWeights, counters, won, skipped);
    for (let w = first; w < won.length; w++) {
      const c = won[w]!;
      base += c.points;
      if (baseWeights && c.weights) for (let i = 0; i < n; i++) baseWeights[i]! += c.weights[i]!;
    }
    if (group.stacking === 'exclusive' && won.length > first) stopped = true;
  }
  const exact = new Array<number>(won.length);
  let exactPoints = 0;
  for (let i = 0; i < won.length; i++) exactPoints += exact[i] = won[i]!.points;
  const points = roundPoints(exactPoints, compiled.rounding);
  const shares = apportion(points, exact);
  const lines = new Array<EarnedLine>(won.length);
  for (let i = 0; i < won.length; i++) lines[i] = lineOf(won[i]!, shares[i]!, ctx);
  return { points, exactPoints, tierMultiplier: m, lines, skipped };
}
