import type { EvaluationResult } from './evaluate-event';
import type { Counters, RuleCounters } from './facts';

/**
 * Counters after an event: each rule that gave whole points adds them to day, week, month, total
 * and campaign, and 1 to times (a line whose fraction rounded away to 0 does not count as a time). What the ledger does when it books a result; handy for
 * simulations and tests. Rolling windows over (a new day, week or month) is the caller's part.
 * @example addToCounters({}, result)['rule-base-points'] // { day: 16, week: 16, month: 16, total: 16, times: 1, campaign: 16 }
 */
export function addToCounters(counters: Counters, result: Pick<EvaluationResult, 'lines'>): Counters {
  const next: Record<string, RuleCounters | undefined> = { ...counters };
  for (const line of result.lines) {
    if (line.points <= 0) continue;
    const c = next[line.ruleId] ?? {};
    const p = line.points;
    next[line.ruleId] = {
      day: (c.day ?? 0) + p,
      week: (c.week ?? 0) + p,
      month: (c.month ?? 0) + p,
      total: (c.total ?? 0) + p,
      times: (c.times ?? 0) + 1,
      campaign: (c.campaign ?? 0) + p,
    };
  }
  return next;
}
