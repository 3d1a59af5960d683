import { z } from 'zod';
import { Description, Id, IsoDate, Money, Name, NonNegativeInt, PositiveInt } from './primitives';

/** A line of a purchase. @example LineItem.parse({ sku: 'SKU-LATTE', category: 'coffee', quantity: 2, price: 3.9 }) */
export const LineItem = z.object({
  sku: z.string().min(1).describe('Product code (SKU)'),
  category: z.string().optional().describe('Product category'),
  brand: z.string().optional().describe('Brand'),
  quantity: PositiveInt.default(1).describe('Quantity'),
  price: Money.describe('Unit price'),
});
export type LineItem = z.infer<typeof LineItem>;

const afterDays = z.number().min(0).default(0).describe('Days after the scenario starts');

/** Something that happens to the member in a scenario. */
export const ScenarioEvent = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('purchase'),
      afterDays,
      ref: Id.optional().describe('Name for this purchase, so a return can point to it'),
      items: z.array(LineItem).default([]).describe('Items bought'),
      total: Money.optional().describe('Total paid; the sum of the items when empty'),
      channel: z.enum(['store', 'online', 'app', 'phone']).default('store').describe('Where'),
      storeId: z.string().optional().describe('Store'),
    }),
    z.object({
      kind: z.literal('return'),
      afterDays,
      purchaseRef: Id.describe('Purchase being returned'),
      items: z
        .array(z.object({ sku: z.string().min(1), quantity: PositiveInt.default(1) }))
        .optional()
        .describe('Items returned; the whole purchase when empty'),
    }),
    z.object({ kind: z.literal('sign-up'), afterDays }),
    z.object({
      kind: z.literal('custom'),
      afterDays,
      eventName: z.string().min(1).describe('Custom event name'),
      properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}).describe('Event data'),
    }),
  ])
  .describe('Event');
export type ScenarioEvent = z.infer<typeof ScenarioEvent>;

/**
 * A marketer-written test: given a member, when these events happen, then the member ends with
 * this balance and tier. Attribute keys are member fields without the `member.` prefix (e.g. `country`).
 * @example
 *   Scenario.parse({ id: 'sc-first-coffee', name: 'First coffee', given: { member: { tierId: 'green' } },
 *     when: [{ kind: 'purchase', items: [{ sku: 'SKU-LATTE', price: 4 }] }], then: { balance: { pending: 4 } } })
 */
export const Scenario = z.object({
  id: Id,
  name: Name,
  description: Description,
  given: z
    .object({
      startDate: IsoDate.optional().describe('Date the scenario starts (matters for birthdays, weekends, expiry)'),
      member: z
        .object({
          tierId: Id.optional().describe('Tier at the start; the lowest tier when empty'),
          balance: NonNegativeInt.default(0).describe('Available points at the start'),
          tenureDays: NonNegativeInt.default(0).describe('Days the member has been in the program'),
          attributes: z
            .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
            .default({})
            .describe('Member data, e.g. { "country": "DE", "birthMonth": 6 }'),
        })
        .prefault({}),
    })
    .prefault({})
    .describe('Given this member'),
  when: z.array(ScenarioEvent).default([]).describe('When these things happen'),
  then: z
    .object({
      atDays: z.number().min(0).optional().describe('Check this many days after the start; right after the last event when empty'),
      balance: z
        .object({
          available: NonNegativeInt.optional().describe('Points available'),
          pending: NonNegativeInt.optional().describe('Points pending'),
        })
        .optional(),
      tierId: Id.optional().describe('Tier'),
    })
    .refine((t) => t.tierId !== undefined || t.balance?.available !== undefined || t.balance?.pending !== undefined, {
      error: 'say what you expect: a balance or a tier',
    })
    .describe('Then the member has'),
});
export type Scenario = z.infer<typeof Scenario>;
