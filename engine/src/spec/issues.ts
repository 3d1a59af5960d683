import { z } from 'zod';

/** Top-level collections of a program, used to point an issue at the thing it concerns. */
export const SpecCollection = z.enum([
  'program',
  'tiers',
  'tierPolicy',
  'promotionGroups',
  'earningRules',
  'pointsLifecycle',
  'rewards',
  'spending',
  'segments',
  'fraudRules',
  'messages',
  'journeys',
  'communication',
  'scenarios',
]);
export type SpecCollection = z.infer<typeof SpecCollection>;

/** Machine-readable issue codes; the message carries the plain-language explanation. */
export const IssueCode = z.enum([
  'invalid-value',
  'unknown-field',
  'field-not-allowed-here',
  'operator-not-allowed',
  'type-mismatch',
  'invalid-range',
  'unknown-reference',
  'duplicate-id',
  'tier-thresholds-not-increasing',
  'first-tier-threshold',
  'missing-default-locale',
  'locale-not-in-program',
  'missing-subject',
  'unknown-template-variable',
  'unreachable-step',
  'loop-without-wait',
]);
export type IssueCode = z.infer<typeof IssueCode>;

/**
 * One problem found in a program, in words a marketer can act on.
 * `collection` + `itemId` (+ `stepId` for journeys) say which rule, journey, ... it concerns,
 * so the studio can pin it to a node; `path` is the exact location in the spec JSON.
 * @example
 *   { severity: 'error', code: 'unknown-field', collection: 'earningRules', itemId: 'rule-weekend',
 *     path: ['earningRules', 0, 'condition', 'field'],
 *     message: "Rule 'Weekend': 'event.totl' is not a field conditions can use (did you mean 'event.total'?)" }
 */
export const SpecIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: IssueCode,
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  collection: SpecCollection.optional(),
  itemId: z.string().optional(),
  stepId: z.string().optional(),
});
export type SpecIssue = z.infer<typeof SpecIssue>;

/** Where an issue is, without its message; spread into new issues. */
export type IssueLocation = Pick<SpecIssue, 'collection' | 'itemId' | 'stepId'> & {
  path: (string | number)[];
  /** Prefix of every message, e.g. "Rule 'Double points weekend'". */
  label: string;
};

/** Builds an issue at a location. @example issueAt(loc, 'duplicate-id', "id 'x' is used twice") */
export function issueAt(
  loc: IssueLocation,
  code: IssueCode,
  text: string,
  extraPath: (string | number)[] = [],
  severity: SpecIssue['severity'] = 'error',
): SpecIssue {
  const issue: SpecIssue = { severity, code, message: `${loc.label}: ${text}`, path: [...loc.path, ...extraPath] };
  if (loc.collection !== undefined) issue.collection = loc.collection;
  if (loc.itemId !== undefined) issue.itemId = loc.itemId;
  if (loc.stepId !== undefined) issue.stepId = loc.stepId;
  return issue;
}

/** True when no issue is an error. @example isValid(checkProgram(spec)) */
export function isValid(issues: readonly SpecIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
