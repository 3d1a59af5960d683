import { z } from 'zod';
import { NonNegativeInt, PositiveInt } from './primitives';

/**
 * When points expire.
 * - `none`: never;
 * - `rolling`: each batch of points expires `months` after it was earned;
 * - `end-of-period`: points expire at the end of the period, `afterPeriods` full periods after the one they were earned in
 *   (e.g. year + 1: points earned in 2025 expire on 31 Dec 2026);
 * - `inactivity`: all points expire after `months` without earning or spending.
 */
export const Expiry = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('rolling'), months: PositiveInt.max(120).describe('Months after earning') }),
    z.object({
      kind: z.literal('end-of-period'),
      period: z.enum(['month', 'quarter', 'year']).describe('Period'),
      afterPeriods: NonNegativeInt.max(10).default(1).describe('Full periods after the one the points were earned in'),
    }),
    z.object({ kind: z.literal('inactivity'), months: PositiveInt.max(120).describe('Months without activity') }),
  ])
  .describe('When points expire');
export type Expiry = z.infer<typeof Expiry>;

/**
 * How points are earned, held and expire.
 * @example PointsLifecycle.parse({ pendingDays: 14, expiry: { kind: 'rolling', months: 24 }, rounding: 'floor' })
 */
export const PointsLifecycle = z
  .object({
    pendingDays: NonNegativeInt.max(365).default(0).describe('Days points stay pending before they can be spent (return window)'),
    expiry: Expiry.default({ kind: 'none' }),
    rounding: z.enum(['floor', 'round', 'ceil']).default('floor').describe('Fractions in the points of one event (after all rules and tier bonus) are rounded down, to nearest, or up'),
  })
  .describe('Points lifecycle');
export type PointsLifecycle = z.infer<typeof PointsLifecycle>;
