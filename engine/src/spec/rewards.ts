import { z } from 'zod';
import { Condition } from './condition';
import { Description, Id, Money, Name, NonNegativeInt, PositiveInt } from './primitives';

/** What the member gets. Amounts are in the program currency. */
export const RewardOffer = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('discount-amount'), amount: Money.positive().describe('Money off the basket') }),
    z.object({ kind: z.literal('discount-percent'), percent: z.number().gt(0).max(100).describe('Percent off the basket') }),
    z.object({ kind: z.literal('free-product'), sku: z.string().min(1).describe('Product code (SKU) given for free') }),
    z.object({ kind: z.literal('voucher'), value: Money.positive().describe('Voucher value'), codePrefix: z.string().max(12).optional().describe('Voucher codes start with this') }),
    z.object({ kind: z.literal('cashback'), amount: Money.positive().describe('Money paid back to the member') }),
    z.object({ kind: z.literal('partner'), partnerName: z.string().min(1).describe('Partner providing the reward'), details: z.string().optional().describe('What the partner gives') }),
  ])
  .describe('What the member gets');
export type RewardOffer = z.infer<typeof RewardOffer>;

/**
 * One item of the reward catalog.
 * @example Reward.parse({ id: 'reward-free-coffee', name: 'Free coffee', offer: { kind: 'free-product', sku: 'SKU-COFFEE' }, cost: 150 })
 */
export const Reward = z.object({
  id: Id,
  name: Name.describe('Reward name members see'),
  description: Description,
  offer: RewardOffer,
  cost: PositiveInt.describe('Points it costs'),
  eligibility: Condition.optional().describe('Who can redeem it; everyone when empty'),
  minTierId: Id.optional().describe('Lowest tier that can redeem it'),
  stock: NonNegativeInt.optional().describe('How many are available; unlimited when empty'),
  validityDays: PositiveInt.max(3650).default(30).describe('Days the member has to use it after redeeming'),
  enabled: z.boolean().default(true).describe('Shown in the catalog'),
});
export type Reward = z.infer<typeof Reward>;

/**
 * Rules for paying with points.
 * @example SpendingRules.parse({ minBalance: 100, maxBasketShare: 0.5 })
 */
export const SpendingRules = z
  .object({
    minBalance: NonNegativeInt.default(0).describe('Points a member needs before they can redeem anything'),
    maxBasketShare: z.number().min(0).max(1).default(1).describe('Largest share of a basket payable with points (0.5 = half)'),
    allowPartialPayWithPoints: z.boolean().default(false).describe('Members can pay part of a purchase with points'),
    reservationMinutes: PositiveInt.max(1440).default(15).describe('Minutes a reserved redemption is held before it lapses'),
  })
  .describe('Spending rules');
export type SpendingRules = z.infer<typeof SpendingRules>;
