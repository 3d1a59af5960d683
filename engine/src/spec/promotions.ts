import { z } from 'zod';
import { Id, Name } from './primitives';

/**
 * How the matching rules of one group combine:
 * - `stack`: every matching rule adds its points;
 * - `best-of`: only the matching rule that gives the most points counts;
 * - `exclusive`: only the first matching rule (in list order) counts, and groups after this one are skipped.
 */
export const Stacking = z
  .enum(['stack', 'exclusive', 'best-of'])
  .describe('Combine all matching rules, only the best one, or the first one and stop');
export type Stacking = z.infer<typeof Stacking>;

/**
 * A group of earning rules. Groups run in ascending priority: lower numbers first.
 * Multiplier rules apply to the points of groups that ran before them.
 * @example PromotionGroup.parse({ id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' })
 */
export const PromotionGroup = z.object({
  id: Id,
  name: Name,
  priority: z.number().int().default(100).describe('Order of evaluation: lower numbers run first'),
  stacking: Stacking.default('stack'),
});
export type PromotionGroup = z.infer<typeof PromotionGroup>;
