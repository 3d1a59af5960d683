import { z } from 'zod';
import { Condition } from './condition';
import { Description, Id, IsoDate, Name, PositiveInt, Points } from './primitives';

/** What makes a rule run. */
export const Trigger = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('purchase') }),
    z.object({ kind: z.literal('sign-up') }),
    z.object({ kind: z.literal('birthday') }),
    z.object({ kind: z.literal('referral') }),
    z.object({ kind: z.literal('profile-completed') }),
    z.object({
      kind: z.literal('custom'),
      eventName: z.string().regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/, { error: 'use a simple event name like app-review' }).describe('Name of the custom event'),
    }),
  ])
  .describe('When the rule runs');
export type Trigger = z.infer<typeof Trigger>;

const itemsWhere = Condition.optional().describe('Only line items matching this (item.* fields); all items when empty');

/**
 * How many points a rule gives.
 * - `per-currency-unit`: `points` per `unitAmount` spent (e.g. 1 point per 1 EUR), optionally on matching items only;
 * - `fixed`: a flat number of points;
 * - `multiplier`: the base points of the event (from groups that ran earlier) count `factor` times,
 *   i.e. the rule adds base x (factor - 1);
 * - `per-item`: `points` per matching item (quantity counts).
 */
export const Effect = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('per-currency-unit'),
      points: z.number().positive().describe('Points given'),
      unitAmount: z.number().positive().default(1).describe('...for every this much spent'),
      itemsWhere,
    }),
    z.object({ kind: z.literal('fixed'), points: Points.describe('Points given') }),
    z.object({ kind: z.literal('multiplier'), factor: z.number().gt(1, { error: 'a multiplier must be more than 1' }).max(20).describe('Points from earlier groups count this many times (2 = double points)') }),
    z.object({ kind: z.literal('per-item'), points: z.number().positive().describe('Points per matching item'), itemsWhere }),
  ])
  .describe('Points the rule gives');
export type Effect = z.infer<typeof Effect>;

/** Limits on how many points a rule can give. All optional. */
export const Caps = z
  .object({
    perMemberPerDay: PositiveInt.optional().describe('Most points one member can get from this rule per day'),
    perMemberPerWeek: PositiveInt.optional().describe('...per week'),
    perMemberPerMonth: PositiveInt.optional().describe('...per month'),
    perMemberTotal: PositiveInt.optional().describe('Most points one member can get from this rule ever'),
    timesPerMember: PositiveInt.optional().describe('How many times one member can get this rule at all'),
    campaignBudgetPoints: PositiveInt.optional().describe('Total points this rule may give across all members'),
  })
  .describe('Limits');
export type Caps = z.infer<typeof Caps>;

/** Dates the rule is active, both inclusive, in the program time zone. */
export const Validity = z
  .object({ from: IsoDate.optional().describe('Starts on'), to: IsoDate.optional().describe('Ends on (inclusive)') })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: 'the end date is before the start date', path: ['to'] })
  .describe('When the rule is active');
export type Validity = z.infer<typeof Validity>;

/**
 * A rule that gives points.
 * @example
 *   EarningRule.parse({
 *     id: 'rule-base', name: 'Base points', groupId: 'base', trigger: { kind: 'purchase' },
 *     effect: { kind: 'per-currency-unit', points: 1, unitAmount: 1 },
 *   })
 */
export const EarningRule = z.object({
  id: Id,
  name: Name,
  description: Description,
  groupId: Id.describe('Promotion group the rule belongs to'),
  trigger: Trigger,
  condition: Condition.optional().describe('Only when this holds; always when empty'),
  effect: Effect,
  caps: Caps.prefault({}),
  validity: Validity.optional(),
  enabled: z.boolean().default(true).describe('Switched on'),
});
export type EarningRule = z.infer<typeof EarningRule>;
