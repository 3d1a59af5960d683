import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { versionMetrics } from '../db/schema/monitoring';
import { OUTBOX_SOURCES, SERIES_FIELDS, sqlList, type SeriesField } from './sources';

const Iso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());
export const AggregateVersionMetricsInput = z.object({ programId: z.string().min(1), from: Iso, to: Iso });
export type AggregateVersionMetricsInput = z.input<typeof AggregateVersionMetricsInput>;

type Bucket = { versionId: string; hour: string } & Record<SeriesField, number>;

/**
 * Recomputes the hourly figures of every version of a program for the hours in [from, to) from
 * the ledger and the outbox, and stores them in `version_metrics` (one transaction). Sources are
 * append-only, so recomputing an hour only ever brings it up to date.
 * @example aggregateVersionMetrics({ ctx: { db }, input: { programId, from: '2025-03-01T00:00:00Z', to: '2025-03-02T00:00:00Z' } }) // 24 rows or fewer
 */
export function aggregateVersionMetrics({ ctx, input }: { ctx: { db: DbTx }; input: AggregateVersionMetricsInput }): number {
  const { programId, from, to } = AggregateVersionMetricsInput.parse(input);
  const start = `${from.slice(0, 13)}:00:00.000Z`;
  const versions = sql`(select id from program_versions where program_id = ${programId})`;
  const points = ctx.db.all<{ versionId: string; h: string; pointsIssued: number }>(sql`
    select t.program_version_id as versionId, substr(t.occurred_at, 1, 13) as h, coalesce(-sum(p.amount), 0) as pointsIssued
    from ledger_transactions t
      join ledger_postings p on p.transaction_id = t.id
      join ledger_accounts a on a.id = p.account_id and a.kind = 'program-issued'
    where t.program_id = ${programId} and t.kind = 'earn' and t.program_version_id in ${versions}
      and t.occurred_at >= ${start} and t.occurred_at < ${to}
    group by 1, 2`);
  const counts = ctx.db.all<Omit<Bucket, 'pointsIssued' | 'hour'> & { h: string }>(sql`
    select json_extract(payload, '$.versionId') as versionId, substr(created_at, 1, 13) as h,
      sum(type in (${sql.raw(sqlList(OUTBOX_SOURCES.events))})) as events,
      sum(case when type in (${sql.raw(sqlList(OUTBOX_SOURCES.rewards))}) then coalesce(json_extract(payload, '$.points'), 0) else 0 end) as pointsRedeemed,
      sum(type in (${sql.raw(sqlList(OUTBOX_SOURCES.rewards))})) as rewards,
      sum(type in (${sql.raw(sqlList(OUTBOX_SOURCES.messages))})) as messagesSent,
      sum(type in (${sql.raw(sqlList(OUTBOX_SOURCES.errors))})) as errors,
      sum(type in (${sql.raw(sqlList(OUTBOX_SOURCES.fraudFlags))})) as fraudFlags
    from outbox
    where program_id = ${programId} and created_at >= ${start} and created_at < ${to}
      and json_extract(payload, '$.versionId') in ${versions}
    group by 1, 2`);
  const buckets = new Map<string, Bucket>();
  const bucket = (versionId: string, h: string) => {
    const key = `${versionId}|${h}`;
    let b = buckets.get(key);
    if (!b) {
      b = { versionId, hour: `${h}:00:00.000Z`, ...(Object.fromEntries(SERIES_FIELDS.map((f) => [f, 0])) as Record<SeriesField, number>) };
      buckets.set(key, b);
    }
    return b;
  };
  for (const p of points) bucket(p.versionId, p.h).pointsIssued = p.pointsIssued;
  for (const { versionId, h, ...c } of counts) Object.assign(bucket(versionId, h), c);
  const computedAt = new Date().toISOString();
  ctx.db.transaction((tx) => {
    for (const b of buckets.values()) {
      const row = { ...b, programId, computedAt };
      const { versionId: _v, hour: _h, programId: _p, ...set } = row;
      tx.insert(versionMetrics).values(row).onConflictDoUpdate({ target: [versionMetrics.versionId, versionMetrics.hour], set }).run();
    }
  });
  return buckets.size;
}
