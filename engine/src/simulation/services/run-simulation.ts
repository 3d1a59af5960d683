import { z } from 'zod';
import type { DbTx } from '../../db';
import { DomainError } from '../../errors';
import { parseInput } from '../../versions/parse-input';
import { loadVersionRow, storedSpec } from '../../versions/version-rows';
import { deltasOf } from '../compare';
import type { SimulationDeltas } from '../compare';
import { replayMany } from '../replay';
import type { SimulationResult } from '../result';
import { DEFAULT_DATASET_ID, openDataset } from './dataset-catalog';
import type { SimulationRunMeta } from './run-store';
import { SimulationRunOptions, storeRun } from './run-store';

export const RunSimulationInput = z.object({
  versionId: z.string().min(1),
  datasetId: z.string().min(1).default(DEFAULT_DATASET_ID),
  options: SimulationRunOptions.prefault({}),
  author: z.string().min(1),
});
export type RunSimulationInput = z.input<typeof RunSimulationInput>;

export const CompareSimulationInput = RunSimulationInput.omit({ versionId: true }).extend({ versionIdA: z.string().min(1), versionIdB: z.string().min(1) });
export type CompareSimulationInput = z.input<typeof CompareSimulationInput>;

async function replayVersions(db: DbTx, versionIds: string[], datasetId: string, options: SimulationRunOptions) {
  const rows = versionIds.map((id) => loadVersionRow(db, id));
  if (rows.some((r) => r.programId !== rows[0]!.programId)) throw new DomainError('invalid_input', 'Both versions must belong to the same program.');
  const specs = rows.map(storedSpec);
  const program = specs[0]!.program;
  const dataset = await openDataset({ db }, datasetId, { currency: program.currency, startYear: options.startYear ?? new Date().getUTCFullYear(), seed: options.seed });
  const started = performance.now();
  const results = await replayMany(specs, dataset, { redemptions: options.redemptions, journeys: options.journeys });
  return { programId: rows[0]!.programId, dataset, results, durationMs: Math.round(performance.now() - started) };
}

/**
 * Replays a dataset against a version in memory, stores the run and its result, and returns both.
 * Live balances are not touched.
 * @example const { run, result } = await runSimulation({ ctx: { db }, input: { versionId, author } }); result.points.issued
 */
export async function runSimulation({ ctx, input }: { ctx: { db: DbTx }; input: RunSimulationInput }): Promise<{ run: SimulationRunMeta; result: SimulationResult }> {
  const o = parseInput(RunSimulationInput, input);
  const r = await replayVersions(ctx.db, [o.versionId], o.datasetId, o.options);
  const result = r.results[0]!;
  const run = storeRun(ctx.db, { programId: r.programId, kind: 'run', versionId: o.versionId, datasetId: o.datasetId, datasetName: r.dataset.name, options: o.options, durationMs: r.durationMs, author: o.author }, [result]);
  return { run, result };
}

/**
 * Replays one dataset against two versions of a program side by side, stores the run and both
 * results, and returns them with the deltas (B - A).
 * @example const { deltas } = await compareSimulation({ ctx: { db }, input: { versionIdA, versionIdB, author } }); deltas.points.issued
 */
export async function compareSimulation({ ctx, input }: { ctx: { db: DbTx }; input: CompareSimulationInput }): Promise<{ run: SimulationRunMeta; a: SimulationResult; b: SimulationResult; deltas: SimulationDeltas }> {
  const o = parseInput(CompareSimulationInput, input);
  const r = await replayVersions(ctx.db, [o.versionIdA, o.versionIdB], o.datasetId, o.options);
  const [a, b] = r.results as [SimulationResult, SimulationResult];
  const run = storeRun(ctx.db, { programId: r.programId, kind: 'compare', versionId: o.versionIdA, versionIdB: o.versionIdB, datasetId: o.datasetId, datasetName: r.dataset.name, options: o.options, durationMs: r.durationMs, author: o.author }, [a, b]);
  return { run, a, b, deltas: deltasOf(a, b) };
}
