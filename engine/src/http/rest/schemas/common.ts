import { z } from 'zod';
import { EventTime, MemberRef, PaymentMethod, PurchaseChannel, PurchaseLine } from '../../../events';

/** Fields shared by bodies that describe a basket (quotes and purchases). All bodies are strict. */
export const basketFields = {
  storeId: z.string().min(1).max(100).optional().describe("Defaults to the key's store; another store is refused (403)"),
  member: MemberRef.optional().describe('Who is buying; leave out for non-members'),
  occurredAt: EventTime.optional().describe('When it happened (ISO 8601); now when left out'),
  channel: PurchaseChannel.optional().describe('store (default), online, app or phone'),
  paymentMethod: PaymentMethod.optional(),
  couponCode: z.string().trim().min(1).max(50).optional(),
  total: z.number().min(0).max(10_000_000).optional().describe('Amount paid; the sum of the lines when left out'),
  items: z.array(PurchaseLine).min(1).max(500).describe('Line items'),
};

export const TierRef = z.object({ id: z.string(), name: z.string() });

/** A member as a till sees it after identifying them. */
export const MemberSummary = z
  .object({
    id: z.string(),
    cardNumber: z.string().nullable(),
    firstName: z.string().nullable(),
    status: z.enum(['active', 'blocked', 'merged']),
    tier: TierRef.nullable(),
    balance: z.object({ available: z.number().int(), pending: z.number().int() }),
  })
  .meta({ id: 'MemberSummary' });
export type MemberSummary = z.infer<typeof MemberSummary>;

export const EarnedRule = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  points: z.number().int(),
  perLine: z.array(z.object({ lineRef: z.string(), points: z.number().int() })).describe('Points of the rule per purchase line'),
});

export const RewardOption = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    cost: z.number().int(),
    offer: z.record(z.string(), z.unknown()).describe('What the member gets (kind and amount, product or value)'),
    minTierId: z.string().nullable(),
    stockLeft: z.number().int().nullable().describe('Units left; null when unlimited'),
    redeemable: z.boolean(),
    reason: z.string().nullable().describe('Why not: min-tier, not-eligible, out-of-stock, min-balance, insufficient, basket-share'),
    message: z.string().nullable(),
  })
  .meta({ id: 'RewardOption' });

export const Redemption = z
  .object({
    id: z.string().describe('Redemption id; for reservations also the reservation id'),
    status: z.enum(['reserved', 'redeemed', 'cancelled', 'lapsed']),
    rewardId: z.string(),
    rewardName: z.string(),
    points: z.number().int(),
    memberId: z.string(),
    versionId: z.string(),
    code: z.string().nullable().describe('Voucher code, once redeemed'),
    holdExpiresAt: z.string().nullable().describe('When a reservation lapses'),
    validUntil: z.string().nullable(),
    available: z.number().int().describe("The member's available points afterwards"),
  })
  .meta({ id: 'Redemption' });

export const DatedPoints = z.object({ date: z.string(), points: z.number().int() });
