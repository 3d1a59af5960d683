import { z } from 'zod';
import { Id, Money, Name, PositiveInt } from './primitives';

/** What a fraud rule watches for. */
export const FraudCheck = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('velocity'),
      maxEvents: PositiveInt.describe('More than this many events...'),
      withinMinutes: PositiveInt.describe('...within this many minutes'),
    }),
    z.object({ kind: z.literal('amount'), maxPurchaseAmount: Money.positive().describe('A single purchase above this amount') }),
    z.object({
      kind: z.literal('return-ratio'),
      maxRatio: z.number().gt(0).max(1).describe('Share of purchases returned above this (0.5 = half)'),
      overDays: PositiveInt.describe('Over the last N days'),
    }),
    z.object({
      kind: z.literal('shared-identifier'),
      identifier: z.enum(['phone', 'email', 'card', 'device']).describe('Identifier shared'),
      maxMembers: PositiveInt.describe('By more than this many members'),
    }),
    z.object({ kind: z.literal('staff-self-award') }),
  ])
  .describe('What to watch for');
export type FraudCheck = z.infer<typeof FraudCheck>;

/**
 * A fraud rule: a check and what to do when it fires.
 * @example FraudRule.parse({ id: 'fraud-velocity', name: 'Too many purchases', check: { kind: 'velocity', maxEvents: 10, withinMinutes: 60 }, action: 'hold-points' })
 */
export const FraudRule = z.object({
  id: Id,
  name: Name,
  check: FraudCheck,
  action: z
    .enum(['flag', 'hold-points', 'block', 'notify-security'])
    .default('flag')
    .describe('Flag for review, hold the points, block the member, or notify security'),
  enabled: z.boolean().default(true).describe('Switched on'),
});
export type FraudRule = z.infer<typeof FraudRule>;
