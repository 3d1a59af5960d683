import { z } from 'zod';
import { CustomEventKind, EventTime, MemberRef, ReturnLine } from '../../../events';
import { Problem, REFUSAL_STATUSES } from '../problem';
import { basketFields, EarnedRule, RewardOption } from './common';

export const QuoteBody = z
  .object({
    ...basketFields,
    paidWithPoints: z.number().min(0).max(10_000_000).optional().describe('Money the member means to pay with points; the quote earns on the rest only, as the purchase will'),
  })
  .strict()
  .meta({ id: 'QuoteRequest' });

export const QuoteResponse = z.object({
  memberId: z.string().nullable(),
  identified: z.enum(['member', 'unknown', 'none']),
  versionId: z.string(),
  points: z.number().int(),
  tierMultiplier: z.number(),
  rules: z.array(EarnedRule),
  availableAt: z.string().nullable(),
  balance: z.object({ available: z.number().int(), pending: z.number().int() }).nullable(),
  rewards: z.array(RewardOption),
  pointsPayment: z
    .object({ maxAmount: z.number(), maxPoints: z.number().int() })
    .nullable()
    .describe('The most the member can pay with points on this basket (0 when the program or their balance does not allow it); null for non-members'),
});

export const PurchaseBody = z
  .object({
    ...basketFields,
    registerId: z.string().trim().min(1).max(100).optional().describe("Till or checkout; 'main' when left out"),
    receiptNumber: z.string().trim().min(1).max(100).describe('Unique per store and register; a repeat is refused (409)'),
    pointsPaymentId: z.string().min(1).max(200).optional().describe("A points payment of this member at this store that paid part of it: committed with the purchase when still reserved; the member earns on the share paid in money only"),
  })
  .strict()
  .meta({ id: 'PurchaseRequest' });

export const PurchaseResponse = z.object({
  purchaseId: z.string(),
  identified: z.enum(['member', 'unknown', 'none']),
  memberId: z.string().nullable(),
  versionId: z.string().describe('The program version that evaluated the purchase'),
  occurredAt: z.string(),
  total: z.number(),
  points: z.number().int(),
  pointsHeld: z.boolean().describe('A fraud rule held the points for review: they stay pending until support releases them'),
  availableAt: z.string().nullable().describe('When pending points become available'),
  earnTransactionId: z.string().nullable(),
  rules: z.array(EarnedRule),
  tierChange: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
  pointsPayment: z.object({ id: z.string(), amount: z.number(), points: z.number().int() }).nullable().describe('The points payment that paid part of the purchase'),
});

/** Most purchases one batch request takes. */
export const PURCHASE_BATCH_MAX = 500;

export const PurchaseBatchBody = z
  .object({
    purchases: z
      .array(PurchaseBody)
      .min(1, { error: 'Send at least one purchase; an empty batch posts nothing' })
      .max(PURCHASE_BATCH_MAX, { error: (issue) => `A batch takes at most ${PURCHASE_BATCH_MAX} purchases and this one has ${Array.isArray(issue.input) ? issue.input.length : 'more'}: split it into batches of up to ${PURCHASE_BATCH_MAX}` })
      .describe(`1 to ${PURCHASE_BATCH_MAX} purchases, each as in POST /purchases`),
  })
  .strict()
  .meta({ id: 'PurchaseBatchRequest' });
export type PurchaseBatchBody = z.infer<typeof PurchaseBatchBody>;

const batchIndex = z.number().int().min(0).describe('Position of the purchase in the request (from 0)');

/** One purchase of a batch: booked (201, as POST /purchases answers) or refused (its problem). */
export const PurchaseBatchResult = z.discriminatedUnion('status', [
  z.object({ index: batchIndex, status: z.literal(201), purchase: PurchaseResponse }),
  z.object({ index: batchIndex, status: z.literal(REFUSAL_STATUSES).describe('What POST /purchases would have answered'), problem: Problem }),
]);
export type PurchaseBatchResult = z.infer<typeof PurchaseBatchResult>;

export const PurchaseBatchResponse = z
  .object({
    posted: z.number().int().min(0).describe('Purchases booked'),
    refused: z.number().int().min(0).describe('Purchases refused, each with its problem; nothing of them was written'),
    results: z.array(PurchaseBatchResult).describe('One per purchase, in the order sent'),
  })
  .meta({ id: 'PurchaseBatchResponse' });
export type PurchaseBatchResponse = z.infer<typeof PurchaseBatchResponse>;

export const ReturnBody = z
  .object({
    storeId: z.string().min(1).max(100).optional(),
    returnRef: z.string().trim().min(1).max(100).describe('Return receipt or RMA number, unique per store'),
    purchaseId: z.string().min(1).max(200),
    lines: z.array(ReturnLine).min(1).max(500).optional().describe('Lines and units returned; everything not yet returned when left out'),
    occurredAt: EventTime.optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .strict()
  .meta({ id: 'ReturnRequest' });

export const ReturnResponse = z.object({
  returnId: z.string(),
  purchaseId: z.string(),
  memberId: z.string().nullable(),
  versionId: z.string().nullable(),
  amount: z.number(),
  points: z.number().int().describe('Points taken back'),
  recovered: z.number().int(),
  writtenOff: z.number().int().describe('Points the member had already spent (not taken below zero)'),
  pointsRefunded: z.number().int().describe('Points given back because part of the purchase was paid with points'),
  lines: z.array(z.object({ ref: z.string(), quantity: z.number(), points: z.number().int() })),
});

export const EventBody = z
  .object({
    member: MemberRef,
    kind: CustomEventKind,
    name: z.string().max(100).optional().describe('Custom event name (kind custom), as in the rules'),
    eventRef: z.string().trim().min(1).max(100).describe('Your unique reference of the event'),
    occurredAt: EventTime.optional(),
    referralCount: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .meta({ id: 'EventRequest' });

export const EventResponse = z.object({
  eventId: z.string(),
  memberId: z.string(),
  versionId: z.string(),
  kind: CustomEventKind,
  name: z.string().nullable(),
  points: z.number().int(),
  earnTransactionId: z.string().nullable(),
  rules: z.array(EarnedRule),
  tierChange: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
});

export const PurchaseIdParams = z.object({ id: z.string().min(1).max(200) });
export const ReceiptQuery = z.object({ width: z.coerce.number().int().min(24).max(80).optional() }).strict();
export const ReceiptResponse = z.object({ purchaseId: z.string(), lines: z.array(z.string()), text: z.string() });

export const RedeemBody = z
  .object({
    memberId: z.string().min(1).max(200),
    rewardId: z.string().min(1).max(100),
    basketTotal: z.number().min(0).max(10_000_000).optional().describe('Basket the reward is used on; applies the max basket share'),
    storeId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .meta({ id: 'RedeemRequest' });

export const ReservationParams = z.object({ id: z.string().min(1).max(200) });
export const EmptyBody = z.object({}).strict();
