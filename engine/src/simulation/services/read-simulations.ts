import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../../db';
import { simulationResults, simulationRuns } from '../../db/schema';
import { DomainError } from '../../errors';
import { parseInput } from '../../versions/parse-input';
import { loadProgramRow, loadVersionRow, storedSpec } from '../../versions/version-rows';
import type { SimulationDeltas } from '../compare';
import { deltasOf } from '../compare';
import type { SimulationResult } from '../result';
import type { ScenarioRun } from '../scenarios';
import { runScenarios } from '../scenarios';
import type { SimulationRunMeta } from './run-store';
import { toRunMeta } from './run-store';

export const GetSimulationInput = z.object({ runId: z.string().min(1) });
export const ListSimulationsInput = z.object({
  programId: z.string().min(1),
  versionId: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** Only runs created before this (ISO), to page back. */
  before: z.string().min(1).optional(),
});
export const VersionScenariosInput = z.object({ versionId: z.string().min(1) });

/**
 * A stored run with its results (and deltas for a comparison).
 * @example getSimulation({ ctx: { db }, input: { runId } }).a.points.issued
 */
export function getSimulation({ ctx, input }: { ctx: { db: DbTx }; input: z.input<typeof GetSimulationInput> }): { run: SimulationRunMeta; a: SimulationResult; b: SimulationResult | null; deltas: SimulationDeltas | null } {
  const { runId } = parseInput(GetSimulationInput, input);
  const row = ctx.db.select().from(simulationRuns).where(eq(simulationRuns.id, runId)).get();
  if (!row) throw new DomainError('not_found', `Simulation run '${runId}' does not exist.`);
  const results = ctx.db.select().from(simulationResults).where(eq(simulationResults.runId, runId)).all();
  const a = results.find((r) => r.side === 'a');
  const b = results.find((r) => r.side === 'b');
  if (!a) throw new DomainError('not_found', `Simulation run '${runId}' has no stored result.`);
  const resultA = JSON.parse(a.result) as SimulationResult;
  const resultB = b ? (JSON.parse(b.result) as SimulationResult) : null;
  return { run: toRunMeta(row), a: resultA, b: resultB, deltas: resultB ? deltasOf(resultA, resultB) : null };
}

/**
 * Stored runs of a program (optionally of one version), newest first, without full results.
 * @example listSimulations({ ctx: { db }, input: { programId } })[0]?.summary.issued
 */
export function listSimulations({ ctx, input }: { ctx: { db: DbTx }; input: z.input<typeof ListSimulationsInput> }): SimulationRunMeta[] {
  const o = parseInput(ListSimulationsInput, input);
  loadProgramRow(ctx.db, o.programId);
  const where = and(
    eq(simulationRuns.programId, o.programId),
    o.versionId ? eq(simulationRuns.versionId, o.versionId) : undefined,
    o.before ? lt(simulationRuns.createdAt, o.before) : undefined,
  );
  return ctx.db.select().from(simulationRuns).where(where).orderBy(desc(simulationRuns.createdAt)).limit(o.limit).all().map(toRunMeta);
}

/**
 * Runs the scenario tests stored with a version.
 * @example runVersionScenarios({ ctx: { db }, input: { versionId } }).passed
 */
export function runVersionScenarios({ ctx, input }: { ctx: { db: DbTx }; input: z.input<typeof VersionScenariosInput> }): ScenarioRun & { versionId: string } {
  const { versionId } = parseInput(VersionScenariosInput, input);
  return { versionId, ...runScenarios(storedSpec(loadVersionRow(ctx.db, versionId))) };
}
