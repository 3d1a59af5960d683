import { preparedInsert, preparedSql, type DbTx } from '../db';
import { ruleAwards, type RuleAward } from '../db/schema';
import { historyMembers, memberIdIn, PERIOD_FOLD, type HistoryMembers, type HistoryOwner } from '../members';
import type { CapWindows, CompiledProgram, Counters, EvaluationResult, FactEvent, RuleCounters } from '../rules';
import { dayOfIsoDate, isoDateOfDay, triggerKey, weekdayOfDay } from '../rules';
import { instantsAround } from './history-metrics';

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

type PeriodRow = { rule_id: string; d: number; w: number; m: number };
/**
 * Per rule, points today, this week and this month, from award rows and from the awards stored
 * on purchases. `?`: day, week, month, members, earliest day (award rows); day, first and last
 * day of the week, month, members, earliest instant, earliest day (purchases).
 */
const periodSql = (who: HistoryMembers['kind']) => `
    select rule_id, sum(d) as d, sum(w) as w, sum(m) as m from (
      select rule_id, case when day = ? then points else 0 end as d, case when week = ? then points else 0 end as w, case when month = ? then points else 0 end as m
      from rule_awards where ${memberIdIn('member_id', who)} and day >= ?
      union all
      select a.value ->> 'ruleId', case when p.local_date = ? then a.value ->> 'points' else 0 end,
        case when p.local_date between ? and ? then a.value ->> 'points' else 0 end, case when substr(p.local_date, 1, 7) = ? then a.value ->> 'points' else 0 end
      from purchases p, json_each(p.awards) a
      where ${memberIdIn('p.member_id', who)} and p.occurred_at >= ? and p.local_date >= ? and p.awards is not null
    ) group by rule_id`;
const periodCounters = { one: preparedSql<PeriodRow>(periodSql('one')), many: preparedSql<PeriodRow>(periodSql('many')) };
type TotalsRow = { rule_id: string; points: number; times: number; day: string | null; day_points: number; week: string | null; week_points: number; month: string | null; month_points: number };
// Only the member's own rows: a merge folds the source's totals into the target's. A member has
// a row per rule that ever paid it, few enough to filter here rather than with an IN list.
const memberTotals = preparedSql<TotalsRow>('select rule_id, points, times, day, day_points, week, week_points, month, month_points from rule_member_totals where member_id = ?');
const addToMemberTotal = preparedSql(`
  insert into rule_member_totals (member_id, rule_id, points, times, day, day_points, week, week_points, month, month_points)
  values (@memberId, @ruleId, @points, @times, @day, @points, @week, @points, @month, @points)
  on conflict (member_id, rule_id) do update set points = points + excluded.points, times = times + excluded.times, ${PERIOD_FOLD}`);
const campaignTotal = preparedSql<{ points: number }>('select points from rule_campaign_totals where program_id = ? and rule_id = ?');
const insertAward = preparedInsert(ruleAwards, ['programId', 'memberId', 'versionId', 'sourceKind', 'sourceId', 'purchaseId', 'lineRef', 'lines', 'ruleId', 'points', 'day', 'week', 'month', 'occurredAt']);
const addToCampaignTotal = preparedSql(
  'insert into rule_campaign_totals (program_id, rule_id, points) values (?, ?, ?) on conflict (program_id, rule_id) do update set points = points + excluded.points',
);

/** Which rules need which counters: lifetime (total, times), period (day, week, month), campaign budget. */
export type CounterNeeds = { lifetime: readonly string[]; period: readonly string[]; campaign: readonly string[] };

/**
 * What the rules already gave this member, and the members merged into it (and all members, for
 * budgets), for the rules this event can trigger that have caps and run on its day: points
 * today, this week, this month, in total, number of events, and the campaign total. Only the
 * counters some cap reads are loaded. Returns are netted out, so a returned purchase frees its
 * cap room; `times` keeps counting the event.
 * @example loadCounters(db, programId, member, compiled, facts.event, compiled.windowsAt(facts.event.at))
 */
export function loadCounters(tx: DbTx, programId: string, member: HistoryOwner, compiled: CompiledProgram, event: FactEvent, windows: CapWindows): Counters {
  const day = dayOfIsoDate(windows.day);
  const needs = { lifetime: [] as string[], period: [] as string[], campaign: [] as string[] };
  for (const g of compiled.plans.get(triggerKey(event)) ?? []) {
    for (const r of g.rules) {
      // Evaluation skips disabled rules and rules outside their dates before it looks at caps.
      if (!r.limited || !r.enabled || day < r.fromDay || day > r.toDay) continue;
      const c = r.caps;
      if (c.timesPerMember !== undefined || c.perMemberTotal !== undefined) needs.lifetime.push(r.id);
      if (c.perMemberPerDay !== undefined || c.perMemberPerWeek !== undefined || c.perMemberPerMonth !== undefined) needs.period.push(r.id);
      if (c.campaignBudgetPoints !== undefined) needs.campaign.push(r.id);
    }
  }
  return ruleCounters(tx, programId, member, needs, windows);
}

/** The counters these rules need for one member, as of the cap windows of an event (see `loadCounters`). */
export function ruleCounters(tx: DbTx, programId: string, member: HistoryOwner, needs: CounterNeeds, windows: CapWindows): Counters {
  const out: Record<string, RuleCounters> = {};
  const totals = needs.lifetime.length > 0 || needs.period.length > 0 ? memberTotals(tx).all(member.id) : [];
  if (needs.lifetime.length > 0) {
    const wanted = new Set(needs.lifetime);
    for (const r of totals) {
      if (wanted.has(r.rule_id)) out[r.rule_id] = { day: 0, week: 0, month: 0, total: r.points, times: r.times };
    }
  }
  const periods = needs.period.length > 0 ? periodsFromTotals(totals, needs.period, windows) : undefined;
  if (periods) {
    for (const [ruleId, p] of periods) out[ruleId] = { total: 0, times: 0, ...out[ruleId], ...p };
  } else if (needs.period.length > 0) {
    const wanted = new Set(needs.period);
    // Only awards since the current week or month began can count toward day, week and month caps.
    const today = dayOfIsoDate(windows.day);
    const weekStart = today - weekdayOfDay(today);
    const monday = isoDateOfDay(weekStart);
    const since = [`${windows.month}-01`, monday].sort()[0]!;
    const [sinceInstant] = instantsAround({ from: since, to: since });
    const who = historyMembers(tx, member);
    const awardRows = [windows.day, windows.week, windows.month, who.arg, since];
    const purchaseAwards = [windows.day, monday, isoDateOfDay(weekStart + 6), windows.month, who.arg, sinceInstant, since];
    for (const r of periodCounters[who.kind](tx).all(...awardRows, ...purchaseAwards)) {
      if (wanted.has(r.rule_id)) out[r.rule_id] = { total: 0, times: 0, ...out[r.rule_id], day: r.d, week: r.w, month: r.m };
    }
  }
  for (const ruleId of needs.campaign) {
    const t = campaignTotal(tx).get(programId, ruleId);
    if (t) out[ruleId] = { ...out[ruleId], campaign: t.points };
  }
  return out;
}

/**
 * Day, week and month points of these rules from the totals rows, when each row's latest periods
 * answer for the event's: the same period, or a later one (nothing paid in it yet). Undefined
 * when some rule's are unknown or later than the event's (a back-dated event): the awards are
 * summed then. A rule without a row never paid this member.
 */
function periodsFromTotals(totals: readonly TotalsRow[], ruleIds: readonly string[], windows: CapWindows): Map<string, { day: number; week: number; month: number }> | undefined {
  const out = new Map<string, { day: number; week: number; month: number }>();
  const pointsIn = (latest: string | null, points: number, wanted: string) => (latest === null || wanted < latest ? undefined : wanted === latest ? points : 0);
  for (const ruleId of ruleIds) {
    const r = totals.find((t) => t.rule_id === ruleId);
    if (!r) continue;
    const day = pointsIn(r.day, r.day_points, windows.day);
    const week = pointsIn(r.week, r.week_points, windows.week);
    const month = pointsIn(r.month, r.month_points, windows.month);
    if (day === undefined || week === undefined || month === undefined) return undefined;
    // As the sum of awards: no counters for a rule that paid nothing in the event's month or week.
    if (day !== 0 || week !== 0 || month !== 0) out.set(ruleId, { day, week, month });
  }
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
 * The awards of an evaluation per rule, with each rule's split over lines.
 * @example awardsPerRule(awardLinesOf(result)) // [{ ruleId: 'rule-base-points', points: 150, lines: [{ lineRef: '1', points: 90 }, ...] }]
 */
export function awardsPerRule(lines: readonly AwardLine[]): RuleAward[] {
  const perRule = new Map<string, RuleAward>();
  for (const l of lines) {
    let rule = perRule.get(l.ruleId);
    if (!rule) perRule.set(l.ruleId, (rule = { ruleId: l.ruleId, points: 0, lines: null }));
    rule.points += l.points;
    if (l.lineRef !== null) (rule.lines ??= []).push({ lineRef: l.lineRef, points: l.points });
  }
  return [...perRule.values()];
}

/**
 * Keeps each rule's campaign and member totals in step with its awards, in the caller's
 * transaction. `recordAwards` calls it; a purchase calls it directly and keeps its awards on the
 * purchase row.
 * @example addToRuleTotals(tx, { programId, memberId, sourceKind: 'purchase', windows }, awardsPerRule(awardLinesOf(result)))
 */
export function addToRuleTotals(tx: DbTx, source: Pick<AwardSource, 'programId' | 'memberId' | 'sourceKind' | 'windows'>, awards: readonly RuleAward[]): void {
  for (const a of awards) {
    addToCampaignTotal(tx).run(source.programId, a.ruleId, a.points);
    // An event the rule paid for counts once toward "times", however many lines it paid on.
    const times = source.sourceKind !== 'return' && a.points > 0 ? 1 : 0;
    addToMemberTotal(tx).run({ memberId: source.memberId, ruleId: a.ruleId, points: a.points, times, ...source.windows });
  }
}

/**
 * Stores one award row per rule (negative for returns) with its split over lines, and keeps the
 * rule's campaign and member totals in step, in the caller's transaction.
 * @example recordAwards(tx, source, awardLinesOf(result))
 */
export function recordAwards(tx: DbTx, source: AwardSource, lines: readonly AwardLine[]): void {
  const awards = awardsPerRule(lines);
  insertAwardRows(tx, source, awards);
  addToRuleTotals(tx, source, awards);
}

/** One award row per rule, without the totals (see `recordAwards`). */
export function insertAwardRows(tx: DbTx, source: AwardSource, awards: readonly RuleAward[]): void {
  const { windows, ...rest } = source;
  for (const { ruleId, points, lines } of awards) {
    insertAward(tx).run({ ...rest, ruleId, points, lineRef: null, lines, day: windows.day, week: windows.week, month: windows.month });
  }
}

/**
 * The award lines of stored awards (award rows, or a purchase's `awards`): each split over lines,
 * or the award itself for event-level points and for rows stored one per line.
 * @example awardLinesOfRows([{ ruleId: 'base', lineRef: null, points: 9, lines: [{ lineRef: '1', points: 9 }] }]) // [{ ruleId: 'base', lineRef: '1', points: 9 }]
 */
export function awardLinesOfRows(rows: readonly (RuleAward & { lineRef?: string | null })[]): AwardLine[] {
  return rows.flatMap((r) => (r.lines ? r.lines.map((l) => ({ ruleId: r.ruleId, lineRef: l.lineRef, points: l.points })) : [{ ruleId: r.ruleId, lineRef: r.lineRef ?? null, points: r.points }]));
}
