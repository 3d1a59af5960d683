import { z } from 'zod';
import { MemberRef } from '../../../events';

/** A points payment as tills and web shops ask for it (one step or reserve). */
export const PointsPaymentBody = z
  .object({
    memberId: z.string().min(1).max(200).optional().describe('The member paying; or identify them with member'),
    member: MemberRef.optional().describe('The member paying, by card, phone, email or id; or give memberId'),
    basketTotal: z.number().positive().max(10_000_000).describe('Total of the basket in the program currency; at most maxBasketShare of it can be paid with points'),
    amount: z.number().positive().max(10_000_000).optional().describe('Money to pay with points; takes ceil(amount / pointValue) points. Give amount or points'),
    points: z.number().int().positive().max(1_000_000_000).optional().describe('Points to pay with; worth points x pointValue, rounded to cents. Give amount or points'),
    storeId: z.string().min(1).max(100).optional().describe("Defaults to the key's store; another store is refused (403)"),
  })
  .strict()
  .meta({ id: 'PointsPaymentRequest' });

export const PointsPaymentParams = z.object({ id: z.string().min(1).max(200) });

export const PointsPayment = z
  .object({
    id: z.string().describe('Points payment id: commit or cancel it, and send it with the purchase as pointsPaymentId'),
    status: z.enum(['reserved', 'committed', 'cancelled', 'lapsed']),
    memberId: z.string(),
    versionId: z.string().describe('The program version whose spending rules applied'),
    amount: z.number().describe('Money paid with points'),
    currency: z.string(),
    points: z.number().int(),
    basketTotal: z.number(),
    holdExpiresAt: z.string().nullable().describe('When a reservation lapses and its points go back'),
    purchaseId: z.string().nullable().describe('The purchase the payment paid part of, once posted'),
    available: z.number().int().describe("The member's available points afterwards"),
  })
  .meta({ id: 'PointsPayment' });
