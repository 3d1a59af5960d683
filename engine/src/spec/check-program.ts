import { checkEarningRules, checkProgramSettings, checkRewards, checkSegments, checkTiers, checkUniqueIds } from './check-collections';
import { startRun } from './check-context';
import { checkJourneys } from './check-journeys';
import { checkMessages } from './check-messages';
import { checkScenarios } from './check-scenarios';
import type { SpecIssue } from './issues';
import type { ProgramSpec } from './program-spec';

/**
 * Checks what the schema alone cannot: references between collections, unique ids, tier order,
 * languages, journey graphs, and every condition against the field catalog.
 * Takes a parsed spec; use `validateProgram` for raw JSON.
 * @example
 *   const issues = checkProgram(spec);
 *   // [{ severity: 'error', code: 'unknown-reference', collection: 'earningRules', itemId: 'rule-x',
 *   //    message: "Rule 'X': promotion group 'promo' does not exist", path: ['earningRules', 2, 'groupId'] }]
 */
export function checkProgram(spec: ProgramSpec): SpecIssue[] {
  const run = startRun(spec);
  checkUniqueIds(run);
  checkProgramSettings(run);
  checkTiers(run);
  checkEarningRules(run);
  checkRewards(run);
  checkSegments(run);
  checkMessages(run);
  checkJourneys(run);
  checkScenarios(run);
  return run.issues;
}
