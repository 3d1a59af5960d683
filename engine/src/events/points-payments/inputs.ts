import { z } from 'zod';
import { EventTime, MemberRef, Ref } from '../inputs';

/**
 * A points payment as tills (reserve) and web shops (one step) ask for it: who pays, on which
 * basket, and either a money `amount` or a number of `points`.
 * @example PayWithPointsInput.parse({ programId, storeId: 'amsterdam', member: { cardNumber }, basketTotal: 80, amount: 10 })
 */
export const PayWithPointsInput = z
  .object({
    programId: z.string().min(1),
    /** The key's store; only it can commit, cancel or use the payment on a purchase. */
    storeId: Ref,
    memberId: z.string().min(1).max(200).optional().describe('The member paying; or identify them with member'),
    member: MemberRef.optional().describe('The member paying by card, phone, email or id; or give memberId'),
    basketTotal: z.number().positive().max(10_000_000).describe('Total of the basket, in the program currency; the share rule applies to it'),
    amount: z.number().positive().max(10_000_000).optional().describe('Money to pay with points; points needed = ceil(amount / pointValue)'),
    points: z.number().int({ error: 'points are whole numbers' }).positive().max(1_000_000_000).optional().describe('Points to pay with; worth points x pointValue, rounded to cents'),
    occurredAt: EventTime.optional(),
  })
  .refine((p) => (p.amount === undefined) !== (p.points === undefined), { error: 'give exactly one of amount (money) or points', path: ['amount'] })
  .refine((p) => (p.memberId === undefined) !== (p.member === undefined), { error: 'identify the member with exactly one of memberId or member', path: ['memberId'] });
export type PayWithPointsInput = z.input<typeof PayWithPointsInput>;

/** Commit or cancel of a reserved points payment, by the store that reserved it. */
export const ResolvePointsPaymentInput = z.object({
  programId: z.string().min(1),
  storeId: Ref,
  pointsPaymentId: z.string().min(1).max(200),
  occurredAt: EventTime.optional(),
});
export type ResolvePointsPaymentInput = z.input<typeof ResolvePointsPaymentInput>;
