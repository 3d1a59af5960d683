import { z } from 'zod';
import { IsoDate, fieldByPath } from '../spec';

/**
 * What the rules see of one event: the event, its line items, the member and the member's history
 * aggregates. Built by the imperative shell (API, simulation) and validated there with these
 * schemas; the hot path never parses. Field names follow the field catalog (`spec/fields.ts`):
 * `event.total` is `facts.event.total`, `item.sku` is `facts.items[i].sku`, and so on.
 *
 * Derived catalog fields are not stored twice: `event.date` is the local date of `event.at` in the
 * program time zone; `event.total` defaults to the sum of the lines, `event.itemCount` to the sum of
 * their quantities.
 */

function catalogEnum(path: string): z.ZodEnum<Record<string, string>> {
  const t = fieldByPath(path)?.type;
  if (t?.kind !== 'enum') throw new Error(`field catalog: ${path} is not an enum`);
  return z.enum(t.values as [string, ...string[]]);
}

/** Kinds of event that can trigger earning rules (the spec's `Trigger` kinds). @example FactEventKind.parse('sign-up') */
export const FactEventKind = z.enum(['purchase', 'sign-up', 'birthday', 'referral', 'profile-completed', 'custom']);
export type FactEventKind = z.infer<typeof FactEventKind>;

/**
 * One line of a purchase. `ref` identifies the line so points can be attributed and reversed.
 * @example FactItem.parse({ ref: 'l1', sku: 'SKU-LATTE-M', category: 'coffee', quantity: 2, price: 4.5 })
 */
export const FactItem = z.object({
  ref: z.string().min(1).describe('Line reference, unique within the event'),
  sku: z.string().min(1),
  category: z.string().optional(),
  brand: z.string().optional(),
  quantity: z.number().positive(),
  price: z.number().min(0).describe('Unit price'),
  isOnSale: z.boolean().optional(),
});
export type FactItem = z.infer<typeof FactItem>;

/**
 * The event being evaluated. `at` is the instant (epoch ms); time is always an input.
 * @example FactEvent.parse({ kind: 'purchase', at: Date.parse('2025-09-06T10:00:00Z'), channel: 'store', total: 11.5 })
 */
export const FactEvent = z.object({
  kind: FactEventKind,
  name: z.string().optional().describe('Custom event name (kind "custom")'),
  at: z.number().int().describe('When it happened, epoch milliseconds'),
  total: z.number().min(0).optional().describe('Total paid; the sum of the lines when empty'),
  itemCount: z.number().min(0).optional().describe('Number of items; the sum of line quantities when empty'),
  channel: catalogEnum('event.channel').optional(),
  storeId: z.string().optional(),
  paymentMethod: catalogEnum('event.paymentMethod').optional(),
  couponCode: z.string().optional(),
  isFirstPurchase: z.boolean().optional(),
  referralCount: z.number().min(0).optional(),
});
export type FactEvent = z.infer<typeof FactEvent>;

/**
 * The member, as of just before the event. Unknown data is left out (conditions on it do not match).
 * @example FactMember.parse({ tier: 'gold', country: 'DE', tenureDays: 400, hasEmailConsent: true })
 */
export const FactMember = z.object({
  tier: z.string().optional().describe('Current tier id'),
  country: z.string().optional(),
  city: z.string().optional(),
  language: z.string().optional(),
  birthMonth: z.number().int().min(1).max(12).optional(),
  age: z.number().min(0).max(130).optional(),
  tenureDays: z.number().min(0).optional(),
  joinedOn: IsoDate.optional(),
  lastPurchaseOn: IsoDate.optional(),
  pointsBalance: z.number().min(0).optional(),
  lifetimePoints: z.number().min(0).optional(),
  signupChannel: catalogEnum('member.signupChannel').optional(),
  hasEmailConsent: z.boolean().optional(),
  hasSmsConsent: z.boolean().optional(),
  hasPushConsent: z.boolean().optional(),
  hasApp: z.boolean().optional(),
  isStaff: z.boolean().optional(),
  profileComplete: z.boolean().optional(),
});
export type FactMember = z.infer<typeof FactMember>;

const window = z.record(z.string().regex(/^\d+$/), z.number().min(0)).optional();

/**
 * Member history before this event, per metric and window length in days, e.g.
 * `{ visits: { '60': 0, '365': 14 } }`. `CompiledProgram.requiredAggregates` lists the windows a
 * program needs; a condition reading a missing one throws (a gap in the shell, not in the data).
 * The windows cover history before this event (the event itself is not included).
 * @example FactAggregates.parse({ spend: { '30': 120.5 }, visits: { '60': 0, '365': 14 } })
 */
export const FactAggregates = z.object({ spend: window, visits: window, 'points-earned': window });
export type FactAggregates = z.infer<typeof FactAggregates>;

/**
 * Everything one evaluation reads.
 * @example
 *   EvaluationFacts.parse({
 *     event: { kind: 'purchase', at: Date.parse('2025-09-06T10:00:00Z'), channel: 'store' },
 *     items: [{ ref: 'l1', sku: 'SKU-LATTE-M', category: 'coffee', quantity: 2, price: 4.5 }],
 *     member: { tier: 'green' },
 *   })
 */
export const EvaluationFacts = z.object({
  event: FactEvent,
  items: z.array(FactItem).default([]),
  member: FactMember.prefault({}),
  aggregates: FactAggregates.prefault({}),
});
export type EvaluationFacts = z.infer<typeof EvaluationFacts>;
export type EvaluationFactsInput = z.input<typeof EvaluationFacts>;

/**
 * What the ledger already awarded from one rule, the input caps and budgets are checked against.
 * `day`/`week`/`month` are for the member in the windows the event falls in (see `capWindowsOfDay`);
 * all are whole points as reported in `EarnedLine.points`. Missing means 0.
 */
export interface RuleCounters {
  day?: number;
  week?: number;
  month?: number;
  /** Points this member ever got from the rule. */
  total?: number;
  /** Events in which this member got points from the rule. */
  times?: number;
  /** Points the rule gave all members together (campaign budget). */
  campaign?: number;
}

/** Counters per rule id. @example { 'rule-pastry-bonus': { day: 15 } } */
export type Counters = Readonly<Record<string, RuleCounters | undefined>>;
