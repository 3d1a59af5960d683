/**
 * Simulation: replay a history (synthetic, imported CSV or the shipped Online Retail) against a
 * program version in memory, or two versions side by side, and run a version's scenario tests.
 * Nothing here touches live balances: lots, counters, tiers and redemptions live in flat arrays.
 * @example
 *   import { replaySync, compareVersions, runScenarios, syntheticDataset } from './simulation';
 *   const result = replaySync(spec, syntheticDataset({ seed: 1, members: 5_000, events: 50_000 }));
 *   result.points.issued; result.money.liability; result.months[0]?.tiers;
 *   const { deltas } = await compareVersions(current, proposed, dataset);
 *   runScenarios(spec).passed;
 */
export { replay, replayMany, replaySync } from './replay';
export { compareVersions, deltasOf, type Comparison, type SimulationDeltas } from './compare';
export { ReplayOptions, RedemptionModel, type ReplayOptionsInput } from './options';
export type { SimulationResult, MonthFigures, RuleContribution, JourneyFigures } from './result';
export { runScenario, runScenarios, type ScenarioResult, type ScenarioRun, type ScenarioState } from './scenarios';
export { DEFAULT_SCENARIO_START, scenarioEvents } from './scenario-events';
export { ReplayEngine } from './replay-engine';
export * from './datasets';
