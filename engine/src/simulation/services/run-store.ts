import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbTx } from '../../db';
import { simulationResults, simulationRuns } from '../../db/schema';
import type { SimulationRunKind } from '../../db/schema';
import { RedemptionModel } from '../options';
import type { SimulationResult } from '../result';

/** Options a studio user can set for a stored simulation. */
export const SimulationRunOptions = z.object({
  redemptions: RedemptionModel.prefault({}),
  journeys: z.boolean().default(true),
  /** Synthetic presets: the year they cover (default: the current year, so dated campaigns show up). */
  startYear: z.number().int().min(2000).max(2100).optional(),
  /** Synthetic presets: the generator seed. */
  seed: z.number().int().default(1),
});
export type SimulationRunOptions = z.infer<typeof SimulationRunOptions>;

/** A stored run without its full results. */
export interface SimulationRunMeta {
  id: string;
  programId: string;
  kind: SimulationRunKind;
  versionId: string;
  versionIdB: string | null;
  datasetId: string;
  datasetName: string;
  options: SimulationRunOptions;
  summary: RunSummary;
  durationMs: number;
  createdBy: string;
  createdAt: string;
}

/** Headline figures of a run for lists (of version A; `b` for comparisons). */
export type RunSummary = { issued: number; redeemed: number; expired: number; liability: number; breakage: number; b?: Omit<RunSummary, 'b'> };

function summaryOf(r: SimulationResult): Omit<RunSummary, 'b'> {
  return { issued: r.points.issued, redeemed: r.points.redeemed, expired: r.points.expired, liability: r.money.liability, breakage: r.breakage };
}

/**
 * Stores a run and its results (one per version) in one transaction.
 * @example const meta = storeRun(db, { programId, kind: 'run', versionId, datasetId, datasetName, options, durationMs, author }, [result]);
 */
export function storeRun(
  db: DbTx,
  run: { programId: string; kind: SimulationRunKind; versionId: string; versionIdB?: string; datasetId: string; datasetName: string; options: SimulationRunOptions; durationMs: number; author: string },
  results: [SimulationResult] | [SimulationResult, SimulationResult],
): SimulationRunMeta {
  const [a, b] = results;
  const summary: RunSummary = b ? { ...summaryOf(a), b: summaryOf(b) } : summaryOf(a);
  const meta: SimulationRunMeta = {
    id: randomUUID(),
    programId: run.programId,
    kind: run.kind,
    versionId: run.versionId,
    versionIdB: run.versionIdB ?? null,
    datasetId: run.datasetId,
    datasetName: run.datasetName,
    options: run.options,
    summary,
    durationMs: run.durationMs,
    createdBy: run.author,
    createdAt: new Date().toISOString(),
  };
  db.transaction((tx) => {
    tx.insert(simulationRuns)
      .values({ ...meta, options: JSON.stringify(meta.options), summary: JSON.stringify(summary) })
      .run();
    tx.insert(simulationResults).values({ runId: meta.id, side: 'a', versionId: run.versionId, result: JSON.stringify(a) }).run();
    if (b && run.versionIdB) tx.insert(simulationResults).values({ runId: meta.id, side: 'b', versionId: run.versionIdB, result: JSON.stringify(b) }).run();
  });
  return meta;
}

/** A run row as metadata. */
export function toRunMeta(row: typeof simulationRuns.$inferSelect): SimulationRunMeta {
  return { ...row, options: SimulationRunOptions.parse(JSON.parse(row.options)), summary: JSON.parse(row.summary) as RunSummary };
}
