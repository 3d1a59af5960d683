import { z } from 'zod';
import { Id, Name, NonNegativeInt, PositiveInt } from './primitives';

/** What members of a tier get. */
export const TierBenefits = z.object({
  earnMultiplier: z
    .number()
    .min(1, { error: 'a tier multiplier below 1 would take points away' })
    .max(10)
    .default(1)
    .describe('Points earned are multiplied by this (e.g. 1.5 = 50% more)'),
  perks: z.array(z.string().min(1)).default([]).describe('Other benefits, in words members understand'),
});
export type TierBenefits = z.infer<typeof TierBenefits>;

/**
 * One tier. Tiers are listed from lowest to highest; the first has threshold 0.
 * @example Tier.parse({ id: 'gold', name: 'Gold', threshold: 2000, benefits: { earnMultiplier: 1.5 } })
 */
export const Tier = z.object({
  id: Id,
  name: Name,
  threshold: z.number().min(0).describe('Amount of the qualifying measure needed to reach this tier'),
  benefits: TierBenefits.prefault({}),
});
export type Tier = z.infer<typeof Tier>;

/** Tiers, lowest first. */
export const Tiers = z.array(Tier).default([]).describe('Tiers from lowest to highest');
export type Tiers = z.infer<typeof Tiers>;

/** The period over which the qualifying measure is added up. */
export const QualificationWindow = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('rolling'), months: PositiveInt.max(60).describe('Over the last N months') }),
    z.object({ kind: z.literal('calendar-year') }),
  ])
  .describe('Period that counts for qualification');
export type QualificationWindow = z.infer<typeof QualificationWindow>;

/** When a member can lose a tier, and how far they fall. */
export const TierRetention = z.object({
  evaluate: z
    .enum(['window-end', 'monthly', 'membership-anniversary'])
    .default('window-end')
    .describe('When tiers are re-checked for downgrade'),
  downgrade: z
    .enum(['one-tier', 'to-qualified', 'never'])
    .default('one-tier')
    .describe('On re-check: drop one tier, drop to the tier the member qualifies for, or never drop'),
  graceDays: NonNegativeInt.max(365).default(0).describe('Extra days before a downgrade takes effect'),
});
export type TierRetention = z.infer<typeof TierRetention>;

/**
 * How members qualify for tiers.
 * @example TierPolicy.parse({ metric: 'spend', window: { kind: 'calendar-year' } })
 */
export const TierPolicy = z
  .object({
    metric: z.enum(['points', 'spend', 'visits']).default('points').describe('What counts toward tiers: points earned, money spent or visits'),
    window: QualificationWindow.default({ kind: 'rolling', months: 12 }),
    upgrade: z
      .enum(['immediate', 'next-evaluation'])
      .default('immediate')
      .describe('Upgrade as soon as the threshold is reached, or at the next re-check'),
    retention: TierRetention.prefault({}),
  })
  .describe('How tiers are earned and kept');
export type TierPolicy = z.infer<typeof TierPolicy>;
