import fs from 'node:fs';
import type { DbTx } from '../db';
import type { ProgramSpec } from '../spec';
import { loadVersionRow, storedSpec } from '../versions/version-rows';
import type { ScenarioFailure, ScenarioGate, ScenarioGateResult } from './contract';

/** One scenario's outcome as the simulation's runner reports it. */
type ScenarioRun = { scenarioId?: string; id?: string; name?: string; passed: boolean; differences?: string[] };
/** The runner the simulation module is expected to export as `runScenarios`. */
export type RunScenarios = (spec: ProgramSpec) => ScenarioRun[] | { results: ScenarioRun[] } | Promise<ScenarioRun[] | { results: ScenarioRun[] }>;

const SIMULATION_INDEX = new URL('../simulation/index.ts', import.meta.url);

/** The simulation's `runScenarios`, when that module exists and exports it. */
async function findRunner(): Promise<RunScenarios | undefined> {
  if (!fs.existsSync(SIMULATION_INDEX)) return undefined;
  const mod = (await import(SIMULATION_INDEX.href)) as { runScenarios?: unknown };
  return typeof mod.runScenarios === 'function' ? (mod.runScenarios as RunScenarios) : undefined;
}

/**
 * Turns runner results into the gate's answer: passed only when every scenario passed.
 * @example gateResult([{ id: 's1', name: 'Coffee', passed: false, differences: ['balance 180 ≠ 120'] }]).passed // false
 */
export function gateResult(runs: ScenarioRun[]): ScenarioGateResult {
  const failures: ScenarioFailure[] = runs
    .filter((r) => !r.passed)
    .map((r) => ({ scenarioId: r.scenarioId ?? r.id ?? '?', name: r.name ?? r.scenarioId ?? r.id ?? 'scenario', differences: r.differences ?? [] }));
  const note = failures.length ? `${failures.length} of ${runs.length} scenario tests fail.` : `All ${runs.length} scenario tests pass.`;
  return { passed: failures.length === 0, ran: runs.length, failures, note };
}

/**
 * The scenario gate over the version's stored scenarios. Uses the simulation's `runScenarios`
 * when the simulation module exports one; without a runner it lets the version through and says
 * plainly that 0 scenarios ran, so reviewers know nothing was tested.
 * @example const gate = createScenarioGate(db); (await gate(versionId)).passed
 */
export function createScenarioGate(db: DbTx, runner: () => Promise<RunScenarios | undefined> = findRunner): ScenarioGate {
  return async (versionId) => {
    const spec = storedSpec(loadVersionRow(db, versionId));
    const run = await runner();
    if (!run) {
      const stored = spec.scenarios.length;
      return { passed: true, ran: 0, failures: [], note: `No scenario runner is available: 0 of ${stored} scenario tests ran.` };
    }
    const out = await run(spec);
    return gateResult(Array.isArray(out) ? out : out.results);
  };
}
