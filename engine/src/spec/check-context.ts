import type { Condition } from './condition';
import type { ConditionContext } from './condition-check';
import { checkCondition } from './condition-check';
import type { IssueLocation, SpecCollection, SpecIssue } from './issues';
import type { ProgramSpec } from './program-spec';

/** Shared state of one `checkProgram` run: the spec, known ids, and the issue list being filled. */
export interface CheckRun {
  spec: ProgramSpec;
  issues: SpecIssue[];
  tierIds: string[];
  segmentIds: string[];
  groupIds: string[];
  messageIds: string[];
}

/** Starts a run over a parsed spec. */
export function startRun(spec: ProgramSpec): CheckRun {
  return {
    spec,
    issues: [],
    tierIds: spec.tiers.map((t) => t.id),
    segmentIds: spec.segments.map((s) => s.id),
    groupIds: spec.promotionGroups.map((g) => g.id),
    messageIds: spec.messages.map((m) => m.id),
  };
}

const NOUNS: Record<SpecCollection, string> = {
  program: 'Program',
  tierPolicy: 'Tier policy',
  pointsLifecycle: 'Points lifecycle',
  spending: 'Spending rules',
  communication: 'Communication settings',
  tiers: 'Tier',
  promotionGroups: 'Promotion group',
  earningRules: 'Rule',
  rewards: 'Reward',
  segments: 'Segment',
  fraudRules: 'Fraud rule',
  messages: 'Message',
  journeys: 'Journey',
  scenarios: 'Scenario',
};

/** The location of item `index` of a collection, labelled like "Rule 'Double points weekend'". */
export function itemAt(collection: SpecCollection, index: number, item: { id: string; name: string }): IssueLocation {
  return { collection, itemId: item.id, path: [collection, index], label: `${NOUNS[collection]} '${item.name}'` };
}

/** Label for a collection item found only by position in raw input. */
export function nounOf(collection: SpecCollection): string {
  return NOUNS[collection];
}

/** Checks a condition at `loc` + `path` and adds its issues to the run. */
export function checkConditionAt(
  run: CheckRun,
  condition: Condition | undefined,
  context: ConditionContext,
  loc: IssueLocation,
  path: (string | number)[],
): void {
  if (!condition) return;
  run.issues.push(
    ...checkCondition(condition, context, {
      at: { ...loc, path: [...loc.path, ...path] },
      tierIds: run.tierIds,
      segmentIds: run.segmentIds,
    }),
  );
}
