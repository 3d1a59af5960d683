import { preparedSql, type DbTx } from '../db';
import { historyMembers, memberIdIn, type HistoryMembers, type HistoryOwner } from '../members';
import type { AggregateNeed, FactAggregates } from '../rules';
import type { AggregateMetric } from '../spec';

/** Metrics over a member's stored history: money spent (net of returns), visits, points earned (net). */
export type HistoryMetric = AggregateMetric | 'points';

/** A period either by instants (`from` inclusive, `to` exclusive) or by local dates (both inclusive). */
export type Period = { by: 'instant'; from: string; to: string } | { by: 'local-date'; from: string; to: string };

type MetricStatement = ReturnType<typeof preparedSql<{ v: number | null }>>;

/**
 * One statement per metric, kind of period and whether merged members count; `?` are members,
 * from, to for purchases (by local date also the instants around them), then for spend and
 * points again for returns or award rows.
 */
function metricStatement(metric: HistoryMetric, by: Period['by'], who: HistoryMembers['kind']): MetricStatement {
  const within = (column: string) => (by === 'instant' ? `${column} >= ? and ${column} < ?` : `${column} >= ? and ${column} <= ?`);
  const date = by === 'instant' ? 'occurred_at' : 'local_date';
  // Purchases are indexed by member and instant only: local dates are found within a wider range of instants.
  const purchaseWithin = by === 'instant' ? within('p.occurred_at') : `p.occurred_at >= ? and p.occurred_at < ? and ${within('p.local_date')}`;
  switch (metric) {
    case 'spend':
      return preparedSql(`select
        coalesce((select sum(p.total) from purchases p where ${memberIdIn('p.member_id', who)} and ${purchaseWithin}), 0)
        - coalesce((select sum(r.amount) from purchase_returns r where ${memberIdIn('r.member_id', who)} and ${within(`r.${date}`)}), 0) as v`);
    case 'visits':
      return preparedSql(`select count(*) as v from purchases p where ${memberIdIn('p.member_id', who)} and ${purchaseWithin}`);
    case 'points':
    case 'points-earned':
      // A purchase's `points` are the sum of its `awards`; older purchases have award rows instead.
      return preparedSql(`select
        coalesce((select sum(p.points) from purchases p where ${memberIdIn('p.member_id', who)} and ${purchaseWithin} and p.awards is not null), 0)
        + coalesce((select sum(a.points) from rule_awards a where ${memberIdIn('a.member_id', who)} and ${within(by === 'instant' ? 'a.occurred_at' : 'a.day')}), 0) as v`);
  }
}

const statements = new Map<string, MetricStatement>();

/**
 * One metric of a member over a period, from purchases, returns and rule awards, including those
 * of members merged into it. `spend` is purchase totals minus returned amounts (by return date);
 * `points` and `points-earned` are what rules gave (purchases' awards and award rows of other
 * events) minus what returns took back.
 * @example metricOver(db, member, 'spend', { by: 'local-date', from: '2025-11-24', to: '2026-11-23' }) // 528
 */
export function metricOver(tx: DbTx, member: HistoryOwner, metric: HistoryMetric, period: Period): number {
  const who = historyMembers(tx, member);
  const key = `${metric}:${period.by}:${who.kind}`;
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = metricStatement(metric, period.by, who.kind)));
  const range = [period.from, period.to];
  const purchaseRange = period.by === 'instant' ? range : [...instantsAround(period), ...range];
  const args = metric === 'visits' ? [who.arg, ...purchaseRange] : [who.arg, ...purchaseRange, who.arg, ...range];
  const row = statement(tx).get(...args);
  return Math.max(0, Math.round((row?.v ?? 0) * 100) / 100);
}

/**
 * Instants that hold every moment of the local dates `from` to `to` in any time zone (UTC-12 to
 * UTC+14), a day to spare on each side.
 * @example instantsAround({ from: '2026-01-01', to: '2026-12-31' }) // ['2025-12-31T00:00:00.000Z', '2027-01-02T00:00:00.000Z']
 */
export function instantsAround(period: { from: string; to: string }): [string, string] {
  const day = (date: string, shift: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + shift * 86_400_000).toISOString();
  return [day(period.from, -1), day(period.to, 2)];
}

/**
 * The aggregates a compiled program needs (`requiredAggregates`) for an event at `at`
 * (epoch ms): each metric over the `lastDays` days before the event, the event itself excluded.
 * @example memberAggregates(db, member, Date.now(), [{ metric: 'visits', lastDays: 90 }]) // { visits: { '90': 3 } }
 */
export function memberAggregates(tx: DbTx, member: HistoryOwner | undefined, at: number, needs: readonly AggregateNeed[]): FactAggregates {
  const out: Record<string, Record<string, number>> = {};
  const to = new Date(at).toISOString();
  for (const need of needs) {
    const from = new Date(at - need.lastDays * 86_400_000).toISOString();
    const value = member ? metricOver(tx, member, need.metric, { by: 'instant', from, to }) : 0;
    (out[need.metric] ??= {})[String(need.lastDays)] = value;
  }
  return out as FactAggregates;
}
