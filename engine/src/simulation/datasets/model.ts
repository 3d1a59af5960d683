import { z } from 'zod';
import { FactEvent, FactMember } from '../../rules/facts';

/**
 * The common dataset model for simulation: members and a time-ordered stream of events that the
 * replay turns into rule facts (`rules/facts.ts`). Field names follow the facts: an item's `sku`,
 * `category`, `brand`, `quantity` and unit `price`; a purchase's `channel`, `storeId` and `total`.
 *
 * Times are epoch milliseconds in the parsed form; the schemas also accept an ISO 8601 string with
 * a zone (`2025-06-14T10:00:00Z`) and convert it.
 */

/** An instant: epoch milliseconds, or an ISO 8601 date-time with offset (converted to ms). */
export const SimTime = z.union([
  z.number().int(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);
export type SimTime = z.infer<typeof SimTime>;

/** What a dataset knows of a member, a subset of the rules' `FactMember`, plus free extras. */
export const SimMemberAttributes = FactMember.pick({
  country: true,
  city: true,
  language: true,
  birthMonth: true,
  signupChannel: true,
  hasEmailConsent: true,
  hasSmsConsent: true,
  hasPushConsent: true,
  hasApp: true,
  isStaff: true,
  profileComplete: true,
});
export type SimMemberAttributes = z.infer<typeof SimMemberAttributes>;

/**
 * A member of the history.
 * @example SimMember.parse({ id: 'm000001', joinedAt: '2025-01-03T09:12:00Z', attributes: { country: 'DE' } })
 */
export const SimMember = z.object({
  id: z.string().min(1),
  joinedAt: SimTime,
  attributes: SimMemberAttributes.prefault({}),
});
export type SimMember = z.infer<typeof SimMember>;

/** One line of a purchase; `ref` is unique within the purchase and is what returns point at. */
export const SimItem = z.object({
  ref: z.string().min(1),
  sku: z.string().min(1),
  category: z.string().optional(),
  brand: z.string().optional(),
  quantity: z.number().positive(),
  price: z.number().min(0).describe('Unit price'),
});
export type SimItem = z.infer<typeof SimItem>;

const base = {
  id: z.string().min(1),
  at: SimTime,
  memberIndex: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Position of the event's member in the dataset's members(), when the dataset knows it: a replay then finds the member without looking the id up (it checks the id)"),
};

/** A purchase; `memberId` is null for a non-member (guest) purchase. `total` is what was paid. */
export const SimPurchase = z.object({
  kind: z.literal('purchase'),
  ...base,
  memberId: z.string().min(1).nullable(),
  storeId: z.string().min(1),
  channel: FactEvent.shape.channel.unwrap(),
  total: z.number().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  items: z.array(SimItem).min(1),
});
export type SimPurchase = z.infer<typeof SimPurchase>;

/** Quantity of one purchase line given back. */
export const SimReturnItem = z.object({ ref: z.string().min(1), quantity: z.number().positive() });
export type SimReturnItem = z.infer<typeof SimReturnItem>;

/**
 * A return of (part of) an earlier purchase of the same dataset. Returns that cannot be linked to a
 * purchase are not events; importers count them in their report.
 */
export const SimReturn = z.object({
  kind: z.literal('return'),
  ...base,
  memberId: z.string().min(1).nullable(),
  purchaseId: z.string().min(1),
  total: z.number().min(0).describe('Amount refunded'),
  items: z.array(SimReturnItem).min(1),
});
export type SimReturn = z.infer<typeof SimReturn>;

/** A member joining the program (at their `joinedAt`). */
export const SimSignUp = z.object({
  kind: z.literal('sign-up'),
  ...base,
  memberId: z.string().min(1),
  channel: FactMember.shape.signupChannel,
});
export type SimSignUp = z.infer<typeof SimSignUp>;

/** Any other named event (app opened, review written...). */
export const SimCustom = z.object({
  kind: z.literal('custom'),
  ...base,
  memberId: z.string().min(1).nullable(),
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type SimCustom = z.infer<typeof SimCustom>;

/**
 * Any event of a dataset, discriminated by `kind`.
 * @example SimEvent.parse({ kind: 'sign-up', id: 's1', at: 1735689600000, memberId: 'm1' })
 */
export const SimEvent = z.discriminatedUnion('kind', [SimPurchase, SimReturn, SimSignUp, SimCustom]);
export type SimEvent = z.infer<typeof SimEvent>;
export type SimEventInput = z.input<typeof SimEvent>;
export type SimEventKind = SimEvent['kind'];

/** What a dataset can tell about itself without a full pass (all optional, all approximate for generators). */
export interface DatasetStats {
  members?: number;
  purchases?: number;
  returns?: number;
  signUps?: number;
  /** First and last event time, epoch ms. */
  start?: number;
  end?: number;
  currency?: string;
}

/**
 * A history to replay: members, and events in non-decreasing `at` order (ties: sign-ups, then
 * purchases, then returns). Both can be iterated more than once and give the same sequence each
 * time. Events are produced on the fly; a dataset never materialises them as one array.
 *
 * `eventsSync` is offered by in-memory and generated datasets: the replay's fast path, without a
 * promise per event.
 * @example
 *   for await (const e of dataset.events()) if (e.kind === 'purchase') spend += e.total;
 */
export interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  members(): Iterable<SimMember> | AsyncIterable<SimMember>;
  events(): AsyncIterable<SimEvent>;
  eventsSync?(): Iterable<SimEvent>;
  readonly stats?: DatasetStats;
}

/** A dataset that lives in memory or is generated: members and events can be iterated synchronously. */
export interface SyncDataset extends Dataset {
  members(): Iterable<SimMember>;
  eventsSync(): Iterable<SimEvent>;
}
