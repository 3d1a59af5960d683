import type { DbTx } from '../db';
import { runScenarios } from '../simulation/scenarios';
import type { ProgramSpec } from '../spec';
import { loadVersionRow, storedSpec } from '../versions/version-rows';
import type { ScenarioFailure, ScenarioGate, ScenarioGateResult } from './contract';

/** One scenario's outcome as a runner reports it. */
type ScenarioOutcome = { scenarioId: string; name: string; passed: boolean; differences: string[] };
/** Runs every scenario of a spec (the simulation's `runScenarios`, or a stand-in in tests). */
export type RunScenarios = (spec: ProgramSpec) => { results: ScenarioOutcome[] } | Promise<{ results: ScenarioOutcome[] }>;

/**
 * Turns scenario outcomes into the gate's answer: passed only when every scenario passed.
 * @example gateResult([{ scenarioId: 's1', name: 'Coffee', passed: false, differences: ['available balance: expected 180, got 120'] }]).passed // false
 */
export function gateResult(outcomes: ScenarioOutcome[]): ScenarioGateResult {
  const failures: ScenarioFailure[] = outcomes.filter((r) => !r.passed).map(({ scenarioId, name, differences }) => ({ scenarioId, name, differences }));
  const note =
    outcomes.length === 0
      ? 'No scenario tests are stored with this version: 0 scenario tests ran.'
      : failures.length
        ? `${failures.length} of ${outcomes.length} scenario tests fail.`
        : `All ${outcomes.length} scenario tests pass.`;
  return { passed: failures.length === 0, ran: outcomes.length, failures, note };
}

/**
 * The scenario gate: runs the scenario tests stored with the version (in memory, with the
 * simulation's replay engine) and says what differed. A version without scenarios passes, and the
 * note says that 0 ran, so reviewers know nothing was tested.
 * @example const gate = createScenarioGate(db); (await gate(versionId)).failures
 */
export function createScenarioGate(db: DbTx, run: RunScenarios = runScenarios): ScenarioGate {
  return async (versionId) => {
    const spec = storedSpec(loadVersionRow(db, versionId));
    return gateResult((await run(spec)).results);
  };
}
