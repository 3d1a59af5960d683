import type { CheckRun } from './check-context';
import { checkConditionAt, itemAt } from './check-context';
import { walkCondition } from './condition';
import type { SpecCollection } from './issues';
import { issueAt } from './issues';

const COLLECTIONS = [
  'tiers',
  'promotionGroups',
  'earningRules',
  'rewards',
  'segments',
  'fraudRules',
  'messages',
  'journeys',
  'scenarios',
] as const satisfies readonly SpecCollection[];

/** Every id must be unique within its collection. */
export function checkUniqueIds(run: CheckRun): void {
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    run.spec[collection].forEach((item, i) => {
      if (seen.has(item.id)) {
        run.issues.push(issueAt(itemAt(collection, i, item), 'duplicate-id', `the id '${item.id}' is already used by another entry; ids must be unique`, ['id']));
      }
      seen.add(item.id);
    });
  }
}

/** Languages: the default language must be one of the program languages. */
export function checkProgramSettings(run: CheckRun): void {
  const p = run.spec.program;
  if (!p.locales.includes(p.defaultLocale)) {
    run.issues.push(
      issueAt({ collection: 'program', path: ['program'], label: 'Program' }, 'missing-default-locale', `the main language '${p.defaultLocale}' is not in the list of languages (${p.locales.join(', ')})`, ['locales']),
    );
  }
}

/** Tiers start at 0 and thresholds strictly increase. */
export function checkTiers(run: CheckRun): void {
  run.spec.tiers.forEach((tier, i) => {
    const loc = itemAt('tiers', i, tier);
    if (i === 0 && tier.threshold !== 0) {
      run.issues.push(issueAt(loc, 'first-tier-threshold', `the first tier is where every member starts, so its threshold must be 0 (it is ${tier.threshold})`, ['threshold']));
    }
    const prev = run.spec.tiers[i - 1];
    if (prev && tier.threshold <= prev.threshold) {
      run.issues.push(
        issueAt(loc, 'tier-thresholds-not-increasing', `its threshold ${tier.threshold} must be higher than that of '${prev.name}' (${prev.threshold}); list tiers from lowest to highest`, ['threshold']),
      );
    }
  });
}

/** Rules point to existing groups, and their conditions use known fields. */
export function checkEarningRules(run: CheckRun): void {
  run.spec.earningRules.forEach((rule, i) => {
    const loc = itemAt('earningRules', i, rule);
    if (!run.groupIds.includes(rule.groupId)) {
      run.issues.push(issueAt(loc, 'unknown-reference', `promotion group '${rule.groupId}' does not exist`, ['groupId']));
    }
    checkConditionAt(run, rule.condition, 'earning', loc, ['condition']);
    if (rule.effect.kind === 'per-currency-unit' || rule.effect.kind === 'per-item') {
      checkConditionAt(run, rule.effect.itemsWhere, 'item', loc, ['effect', 'itemsWhere']);
    }
  });
}

/** Rewards point to existing tiers; eligibility uses member fields. */
export function checkRewards(run: CheckRun): void {
  run.spec.rewards.forEach((reward, i) => {
    const loc = itemAt('rewards', i, reward);
    if (reward.minTierId !== undefined && !run.tierIds.includes(reward.minTierId)) {
      run.issues.push(issueAt(loc, 'unknown-reference', `tier '${reward.minTierId}' does not exist`, ['minTierId']));
    }
    checkConditionAt(run, reward.eligibility, 'reward', loc, ['eligibility']);
  });
}

/** Segment conditions use member fields, and segments do not define each other in a circle. */
export function checkSegments(run: CheckRun): void {
  const uses = new Map<string, string[]>();
  run.spec.segments.forEach((segment, i) => {
    checkConditionAt(run, segment.condition, 'segment', itemAt('segments', i, segment), ['condition']);
    const refs: string[] = [];
    walkCondition(segment.condition, (c) => {
      if (c.op === 'in-segment') refs.push(c.segmentId);
    });
    uses.set(segment.id, refs);
  });
  run.spec.segments.forEach((segment, i) => {
    const seen = new Set<string>();
    const stack = [...(uses.get(segment.id) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === segment.id) {
        run.issues.push(issueAt(itemAt('segments', i, segment), 'unknown-reference', 'it is defined through itself (segments refer to each other in a circle)', ['condition']));
        return;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(uses.get(id) ?? []));
    }
  });
}
