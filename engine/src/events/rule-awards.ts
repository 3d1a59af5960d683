import { sql } from 'drizzle-orm';
import { placeholders, preparedQuery, preparedSql, type DbTx } from '../db';
import { ruleAwards, ruleCampaignTotals } from '../db/schema';
import type { CapWindows, CompiledProgram, Counters, EvaluationResult, FactEvent, RuleCounters } from '../rules';
import { triggerKey } from '../rules';

/** Points of one rule on one purchase line (`lineRef` null for event-level points). */
export type AwardLine = { ruleId: string; lineRef: string | null; points: number };

/** Where awards came from, and when (cap windows in the program time zone). */
export type AwardSource = {
  programId: string;
  memberId: string;
  versionId: string;
  sourceKind: 'purchase' | 'return' | 'event';
  sourceId: string;
  purchaseId: string | null;
  occurredAt: string;
  windows: CapWindows;
};

type CounterRow = { rule_id: string; total: number; d: number; w: number; m: number; times: number };
/** `?`: day, week, month, member, JSON array of rule ids. */
const memberCounters = preparedSql<CounterRow>(`
    select rule_id, sum(points) as total,
      sum(case when day = ? then points else 0 end) as d,
      sum(case when week = ? then points else 0 end) as w,
      sum(case when month = ? then points else 0 end) as m,
      count(distinct case when source_kind <> 'return' and points > 0 then source_id end) as times
    from rule_awards where member_id = ? and rule_id in (select value from json_each(?))
    group by rule_id`);
const campaignTotals = preparedSql<{ rule_id: string; points: number }>(
  'select rule_id, points from rule_campaign_totals where program_id = ? and rule_id in (select value from json_each(?))',
);
const insertAward = preparedQuery((db) =>
  db
    .insert(ruleAwards)
    .values(placeholders(['programId', 'memberId', 'versionId', 'sourceKind', 'sourceId', 'purchaseId', 'lineRef', 'ruleId', 'points', 'day', 'week', 'month', 'occurredAt']))
    .prepare(),
);
const addToCampaignTotal = preparedQuery((db) =>
  db
    .insert(ruleCampaignTotals)
    .values(placeholders(['programId', 'ruleId', 'points']))
    .onConflictDoUpdate({ target: [ruleCampaignTotals.programId, ruleCampaignTotals.ruleId], set: { points: sql`${ruleCampaignTotals.points} + ${sql.placeholder('points')}` } })
    .prepare(),
);

/**
 * What the rules already gave this member (and all members, for budgets) from the rules this
 * event can trigger that have caps: points today, this week, this month, in total, number of
 * events, and the campaign total. Returns are netted out, so a returned purchase frees its cap
 * room; `times` keeps counting the event.
 * @example loadCounters(db, programId, memberId, compiled, facts.event, compiled.windowsAt(facts.event.at))
 */
export function loadCounters(tx: DbTx, programId: string, memberId: string, compiled: CompiledProgram, event: FactEvent, windows: CapWindows): Counters {
  const ruleIds: string[] = [];
  for (const g of compiled.plans.get(triggerKey(event)) ?? []) for (const r of g.rules) if (r.limited) ruleIds.push(r.id);
  if (ruleIds.length === 0) return {};
  const out: Record<string, RuleCounters> = {};
  const ids = JSON.stringify(ruleIds);
  for (const r of memberCounters(tx).all(windows.day, windows.week, windows.month, memberId, ids)) {
    out[r.rule_id] = { day: r.d, week: r.w, month: r.m, total: r.total, times: r.times };
  }
  for (const t of campaignTotals(tx).all(programId, ids)) out[t.rule_id] = { ...out[t.rule_id], campaign: t.points };
  return out;
}

/**
 * The award rows of an evaluation: per rule and purchase line when the rule's points were split
 * over lines, else one event-level row. Rules whose points rounded to 0 are left out.
 * @example awardLinesOf(result) // [{ ruleId: 'rule-base-points', lineRef: '1', points: 90 }, ...]
 */
export function awardLinesOf(result: Pick<EvaluationResult, 'lines'>): AwardLine[] {
  const out: AwardLine[] = [];
  for (const line of result.lines) {
    if (line.points <= 0) continue;
    if (line.perItem && line.perItem.length > 0) for (const it of line.perItem) out.push({ ruleId: line.ruleId, lineRef: it.lineRef, points: it.points });
    else out.push({ ruleId: line.ruleId, lineRef: null, points: line.points });
  }
  return out;
}

/**
 * Stores award rows (negative for returns) and keeps the per-rule campaign totals in step,
 * in the caller's transaction.
 * @example recordAwards(tx, source, awardLinesOf(result))
 */
export function recordAwards(tx: DbTx, source: AwardSource, lines: readonly AwardLine[]): void {
  if (lines.length === 0) return;
  const { windows, ...rest } = source;
  for (const l of lines) insertAward(tx).run({ ...rest, ...l, day: windows.day, week: windows.week, month: windows.month });
  const perRule = new Map<string, number>();
  for (const l of lines) perRule.set(l.ruleId, (perRule.get(l.ruleId) ?? 0) + l.points);
  for (const [ruleId, points] of perRule) {
    addToCampaignTotal(tx).run({ programId: source.programId, ruleId, points });
  }
}
