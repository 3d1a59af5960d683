import type { CheckRun } from './check-context';
import { itemAt } from './check-context';
import { checkCondition } from './condition-check';
import { issueAt } from './issues';

/** Scenarios name existing tiers, earlier purchases, and member fields with fitting values. */
export function checkScenarios(run: CheckRun): void {
  run.spec.scenarios.forEach((scenario, i) => {
    const loc = itemAt('scenarios', i, scenario);
    const { member } = scenario.given;
    if (member.tierId !== undefined && !run.tierIds.includes(member.tierId)) {
      run.issues.push(issueAt(loc, 'unknown-reference', `tier '${member.tierId}' does not exist`, ['given', 'member', 'tierId']));
    }
    if (scenario.then.tierId !== undefined && !run.tierIds.includes(scenario.then.tierId)) {
      run.issues.push(issueAt(loc, 'unknown-reference', `tier '${scenario.then.tierId}' does not exist`, ['then', 'tierId']));
    }
    for (const [key, value] of Object.entries(member.attributes)) {
      // Reuse the condition checker: an attribute is like "member.<key> eq <value>".
      const at = { ...loc, path: [...loc.path, 'given', 'member', 'attributes', key], label: loc.label };
      const found = checkCondition({ op: 'eq', field: `member.${key}`, value }, 'segment', { at, tierIds: run.tierIds });
      run.issues.push(...found.map((f) => ({ ...f, path: at.path })));
    }
    const purchases = new Set<string>();
    scenario.when.forEach((event, j) => {
      if (event.kind === 'purchase' && event.ref) purchases.add(event.ref);
      if (event.kind === 'return' && !purchases.has(event.purchaseRef)) {
        run.issues.push(issueAt(loc, 'unknown-reference', `the return refers to purchase '${event.purchaseRef}', which does not happen before it`, ['when', j, 'purchaseRef']));
      }
    });
  });
}
