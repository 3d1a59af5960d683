import { dayOfIsoDate } from '../rules/local-time';
import type { ProgramSpec, Scenario } from '../spec';
import { localInstant } from './calendar';
import { ReplayOptions } from './options';
import { ReplayEngine } from './replay-engine';
import { DEFAULT_SCENARIO_START, SCENARIO_MEMBER_ID, scenarioEvents, scenarioInstant } from './scenario-events';

/** What a scenario expects or what the member ended with. */
export interface ScenarioState {
  available?: number;
  pending?: number;
  tierId?: string;
}

/** One scenario's outcome; `differences` say in plain words what did not match. */
export interface ScenarioResult {
  scenarioId: string;
  name: string;
  passed: boolean;
  expected: ScenarioState;
  actual: ScenarioState;
  differences: string[];
  /** When the check was made. */
  checkedAt: string;
}

/** All scenarios of a version: `passed` only when every one passed. */
export interface ScenarioRun {
  passed: boolean;
  results: ScenarioResult[];
}

const NO_REDEMPTIONS = ReplayOptions.parse({ redemptions: { enabled: false }, journeys: false });

/**
 * Runs one scenario with the replay engine, in memory: the given member (tier, available
 * balance, tenure, attributes; no purchases before the scenario) joins at the start date, the
 * events happen at noon local time `afterDays` after it, and the balances and tier are read at
 * the end of day `then.atDays` (or right after the last event). Earning rules, caps, pending,
 * expiry, returns and tiers apply exactly as in a replay; redemptions and journeys do not run.
 * A scenario without a start date starts on Monday 2025-01-06.
 * @example runScenario(beanClub(), beanClub().scenarios[0]!).actual // { available: 33, pending: 0, tierId: 'green' }
 */
export function runScenario(spec: ProgramSpec, scenario: Scenario): ScenarioResult {
  const engine = new ReplayEngine(spec, NO_REDEMPTIONS);
  const clock = engine.compiled.clock;
  const startDay = dayOfIsoDate(scenario.given.startDate ?? DEFAULT_SCENARIO_START);
  const start = scenarioInstant(clock, startDay, 0);
  const given = scenario.given.member;
  const m = engine.addMember({ id: SCENARIO_MEMBER_ID, joinedAt: scenarioInstant(clock, startDay - given.tenureDays, 0), attributes: given.attributes });
  engine.begin(start, start + 1, { tierOf: () => given.tierId, newToPurchases: true });
  engine.openingBalance(m, given.balance);
  const events = scenarioEvents(scenario, clock, startDay, spec.program.currency);
  for (const e of events) engine.handle(e);
  const then = scenario.then;
  const last = events.length > 0 ? events[events.length - 1]!.at : start;
  const checkAt = then.atDays === undefined ? last : Math.max(last, localInstant(clock, startDay + Math.floor(then.atDays) + 1, 0) - 1);
  engine.finish(checkAt);
  const actual: ScenarioState = { available: engine.lots.available[m] ?? 0, pending: engine.lots.pending[m] ?? 0 };
  const tierId = engine.tiers.tierId(m);
  if (tierId !== undefined) actual.tierId = tierId;
  const expected: ScenarioState = {};
  if (then.balance?.available !== undefined) expected.available = then.balance.available;
  if (then.balance?.pending !== undefined) expected.pending = then.balance.pending;
  if (then.tierId !== undefined) expected.tierId = then.tierId;
  const differences = differencesOf(spec, expected, actual);
  return { scenarioId: scenario.id, name: scenario.name, passed: differences.length === 0, expected, actual, differences, checkedAt: new Date(checkAt).toISOString() };
}

/**
 * Runs every scenario stored with a version. The approval workflow blocks a version whose run
 * did not pass and shows the differences.
 * @example const run = runScenarios(beanClub()); run.passed; run.results[0]?.differences // []
 */
export function runScenarios(spec: ProgramSpec): ScenarioRun {
  const results = spec.scenarios.map((s) => runScenario(spec, s));
  return { passed: results.every((r) => r.passed), results };
}

function differencesOf(spec: ProgramSpec, expected: ScenarioState, actual: ScenarioState): string[] {
  const unit = spec.program.pointsName;
  const tierName = (id: string | undefined): string => (id === undefined ? 'no tier' : (spec.tiers.find((t) => t.id === id)?.name ?? id));
  const out: string[] = [];
  if (expected.available !== undefined && expected.available !== actual.available) {
    out.push(`available balance: expected ${expected.available} ${unit}, got ${actual.available}`);
  }
  if (expected.pending !== undefined && expected.pending !== actual.pending) {
    out.push(`pending balance: expected ${expected.pending} ${unit}, got ${actual.pending}`);
  }
  if (expected.tierId !== undefined && expected.tierId !== actual.tierId) {
    out.push(`tier: expected ${tierName(expected.tierId)}, got ${tierName(actual.tierId)}`);
  }
  return out;
}
