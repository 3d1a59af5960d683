import { z } from 'zod';

/**
 * How simulated members redeem. At each purchase, once its points are booked, a member whose
 * available balance reaches the spending rules' `minBalance` and the cost of a reward they may
 * take (enabled, `minTierId` reached, `eligibility` holds, in stock, and for money off the basket
 * not more than `maxBasketShare` of this purchase) redeems one reward with probability
 * `probability`: the cheapest such reward (`choice: 'cheapest'`) or the dearest one they can
 * afford (`'dearest'`). Points are spent first-expiring-first. Draws come from a seeded generator,
 * so runs repeat exactly.
 * @example RedemptionModel.parse({ probability: 0.3 })
 */
export const RedemptionModel = z.object({
  enabled: z.boolean().default(true),
  probability: z.number().min(0).max(1).default(0.3).describe('Chance that a member who can redeem does so at a purchase'),
  choice: z.enum(['cheapest', 'dearest']).default('cheapest'),
  seed: z.number().int().default(1),
});
export type RedemptionModel = z.infer<typeof RedemptionModel>;

/**
 * Options of a replay.
 * - `until`: end of the replay (epoch ms or ISO); pending releases, expiries and tier re-checks up
 *   to it are applied (default: the dataset's end, else its last event);
 * - `from`: members who joined before it count as existing members (default: the first event);
 * - `redemptions`: the {@link RedemptionModel};
 * - `journeys`: count journey messages (default true).
 * @example ReplayOptions.parse({ redemptions: { probability: 0.2 } })
 */
export const ReplayOptions = z.object({
  from: z.union([z.number(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]).optional(),
  until: z.union([z.number(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]).optional(),
  redemptions: RedemptionModel.prefault({}),
  journeys: z.boolean().default(true),
});
export type ReplayOptions = z.infer<typeof ReplayOptions>;
export type ReplayOptionsInput = z.input<typeof ReplayOptions>;
