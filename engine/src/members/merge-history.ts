import type { DbTx } from '../db';
import { preparedSql } from '../db';

/**
 * Folds `excluded`'s latest periods into a totals row (SQL SET clauses): the same period adds up,
 * a later one replaces, an earlier one leaves the row as it is; an unknown (null) period stays
 * unknown. SQLite evaluates every clause on the row as it was.
 */
export const PERIOD_FOLD = (['day', 'week', 'month'] as const)
  .map((p) => `${p}_points = case when ${p} = excluded.${p} then ${p}_points + excluded.${p}_points when ${p} < excluded.${p} then excluded.${p}_points else ${p}_points end, ${p} = max(${p}, excluded.${p})`)
  .join(', ');

const addTotalsToTarget = preparedSql(`
  insert into rule_member_totals (member_id, rule_id, points, times, day, day_points, week, week_points, month, month_points)
  select ?, rule_id, points, times, day, day_points, week, week_points, month, month_points from rule_member_totals where member_id = ?
  on conflict (member_id, rule_id) do update set points = points + excluded.points, times = times + excluded.times, ${PERIOD_FOLD}`);
const dropSourceTotals = preparedSql('delete from rule_member_totals where member_id = ?');
const countMerged = preparedSql('update members set merged_members = merged_members + ? where id = ?');
const clearMerged = preparedSql('update members set merged_members = 0 where id = ?');

/**
 * The history half of a merge, in the caller's transaction, after the source's merged members
 * were re-pointed to the target: the source's per-rule cap totals (`rule_member_totals`) are added
 * to the target's, so a "once per member" rule the duplicate used is used for the target too; and
 * the target's `merged_members` counts the source and the members merged into it, so history
 * queries (spend, visits, points, first and last purchase, day/week/month caps) include their rows.
 * The facts themselves (purchases, returns, awards) stay on the member that made them.
 * @example foldMergedHistory(tx, source, target)
 */
export function foldMergedHistory(tx: DbTx, source: { id: string; mergedMembers: number }, target: { id: string }): void {
  addTotalsToTarget(tx).run(target.id, source.id);
  dropSourceTotals(tx).run(source.id);
  countMerged(tx).run(source.mergedMembers + 1, target.id);
  clearMerged(tx).run(source.id);
}
