import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { programVersions } from '../db/schema/program-versions';
import { versionMetrics } from '../db/schema/monitoring';
import { DomainError } from '../errors';
import { aggregateVersionMetrics } from './aggregate-version-metrics';
import { SERIES_FIELDS, type SeriesField } from './sources';

const HOUR = 3_600_000;
const MAX_HOURS = 24 * 92;
const Iso = z.iso.datetime({ offset: true, error: 'use an ISO timestamp such as 2025-03-01T10:00:00Z' }).transform((s) => new Date(s).toISOString());

export const VersionSeriesInput = z
  .object({ programId: z.string().min(1), versionIds: z.array(z.string().min(1)).min(1).max(20), from: Iso, to: Iso })
  .strict()
  .refine((i) => i.from < i.to, { error: 'from must be before to', path: ['to'] });
export type VersionSeriesInput = z.input<typeof VersionSeriesInput>;

export type SeriesPoint = { hour: string } & Record<SeriesField, number>;

/**
 * Hourly time series per version (events, points issued and redeemed, rewards, messages sent,
 * errors, fraud flags), brought up to date from the ledger and outbox on read. Every hour of the
 * range is present; hours without activity are zeros.
 * @example versionSeries({ ctx: { db }, input: { programId, versionIds: [v1, v2], from, to } })[0].points[0] // { hour, events: 3, pointsIssued: 120, ... }
 */
export function versionSeries({ ctx, input }: { ctx: { db: DbTx }; input: VersionSeriesInput }) {
  const { programId, versionIds, from, to } = VersionSeriesInput.parse(input);
  const start = Date.parse(`${from.slice(0, 13)}:00:00.000Z`);
  const hours = Math.ceil((Date.parse(to) - start) / HOUR);
  if (hours > MAX_HOURS) throw new DomainError('invalid_input', `Ask for at most ${MAX_HOURS / 24} days at a time.`);
  const known = ctx.db
    .select({ id: programVersions.id, number: programVersions.number })
    .from(programVersions)
    .where(and(eq(programVersions.programId, programId), inArray(programVersions.id, versionIds)))
    .all();
  const missing = versionIds.filter((id) => !known.some((k) => k.id === id));
  if (missing.length) throw new DomainError('not_found', `Not versions of this program: ${missing.join(', ')}.`);
  aggregateVersionMetrics({ ctx, input: { programId, from, to } });
  const rows = ctx.db
    .select()
    .from(versionMetrics)
    .where(and(inArray(versionMetrics.versionId, versionIds), gte(versionMetrics.hour, new Date(start).toISOString()), lt(versionMetrics.hour, to)))
    .orderBy(asc(versionMetrics.hour))
    .all();
  const zero = Object.fromEntries(SERIES_FIELDS.map((f) => [f, 0])) as Record<SeriesField, number>;
  return versionIds.map((id) => {
    const number = known.find((k) => k.id === id)!.number;
    const byHour = new Map(rows.filter((r) => r.versionId === id).map((r) => [r.hour, r]));
    const points: SeriesPoint[] = Array.from({ length: hours }, (_, i) => {
      const hour = new Date(start + i * HOUR).toISOString();
      const row = byHour.get(hour);
      return { hour, ...zero, ...(row ? Object.fromEntries(SERIES_FIELDS.map((f) => [f, row[f]])) : {}) };
    });
    return { versionId: id, versionNumber: number, points };
  });
}
