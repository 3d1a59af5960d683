import { z } from 'zod';
import { FactEvent } from '../rules';
import { PhoneCountry } from '../members';

/**
 * Input pieces shared by the event services. Services accept what integrations send; the REST
 * layer wraps them in `.strict()` bodies so fields a caller may not set are refused.
 */

/** An ISO timestamp with offset, normalised to UTC; events default to now. */
export const EventTime = z.iso
  .datetime({ offset: true, error: 'use an ISO timestamp such as 2026-03-07T10:15:00Z' })
  .transform((s) => new Date(s).toISOString());
export type EventTime = z.infer<typeof EventTime>;

/** A caller's reference (receipt number, register, line ref, event ref). */
export const Ref = z.string().trim().min(1).max(100);

/**
 * One purchase line. `ref` identifies it for returns; unique within the purchase.
 * @example PurchaseLine.parse({ ref: '1', sku: 'MA-DRESS-38', category: 'womenswear', brand: 'meridian-atelier', quantity: 1, price: 90 })
 */
export const PurchaseLine = z
  .object({
    ref: Ref.describe('Line reference, unique within the purchase; returns name it'),
    sku: z.string().trim().min(1).max(100).describe('Product code'),
    category: z.string().trim().min(1).max(100).optional(),
    brand: z.string().trim().min(1).max(100).optional(),
    quantity: z.number().positive().max(100_000).describe('Units (may be fractional, e.g. kg)'),
    price: z.number().min(0).max(1_000_000).describe('Unit price in the program currency'),
    isOnSale: z.boolean().optional(),
  })
  .strict();
export type PurchaseLine = z.infer<typeof PurchaseLine>;

/**
 * Who the event is for: a member id, or a card number, phone or email to identify them by.
 * @example MemberRef.parse({ cardNumber: '9012 3456 7890 1234' })
 */
export const MemberRef = z
  .object({
    memberId: z.string().min(1).max(200).optional(),
    cardNumber: z.string().min(1).max(40).optional(),
    phone: z.string().min(1).max(40).optional(),
    email: z.string().min(1).max(254).optional(),
    defaultCountry: PhoneCountry.optional().describe('Country for phone numbers without +country code'),
  })
  .strict()
  .refine((r) => [r.memberId, r.cardNumber, r.phone, r.email].filter(Boolean).length <= 1, {
    error: 'identify the member by one of memberId, cardNumber, phone or email',
  });
export type MemberRef = z.infer<typeof MemberRef>;

/** Channel of a purchase (the field catalog's `event.channel`). */
export const PurchaseChannel = FactEvent.shape.channel.unwrap();
export type PurchaseChannel = z.infer<typeof PurchaseChannel>;

/** Payment method (the field catalog's `event.paymentMethod`). */
export const PaymentMethod = FactEvent.shape.paymentMethod.unwrap();
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Refuses event times more than five minutes ahead of the server clock. */
export function notInFuture(iso: string | undefined, now = Date.now()): boolean {
  return iso === undefined || Date.parse(iso) <= now + 5 * 60_000;
}
