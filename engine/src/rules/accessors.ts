import type { EvalContext } from './context';
import type { FactItem } from './facts';
import { isoDateOfDay } from './local-time';

/** Reads one catalog field of the event or member from the per-event context. */
export type Accessor = (ctx: EvalContext) => unknown;
/** Reads one `item.*` catalog field of a line. */
export type ItemAccessor = (item: FactItem) => unknown;

/**
 * One accessor per `event.*` and `member.*` catalog path, resolved at compile time so the hot
 * path never splits a path. A test keeps this in step with `FIELDS`.
 */
export const CONTEXT_ACCESSORS: Readonly<Record<string, Accessor>> = {
  'event.total': (c) => c.total,
  'event.itemCount': (c) => c.itemCount,
  'event.channel': (c) => c.facts.event.channel,
  'event.storeId': (c) => c.facts.event.storeId,
  'event.paymentMethod': (c) => c.facts.event.paymentMethod,
  'event.couponCode': (c) => c.facts.event.couponCode,
  'event.isFirstPurchase': (c) => c.facts.event.isFirstPurchase,
  'event.date': (c) => isoDateOfDay(c.day),
  'event.referralCount': (c) => c.facts.event.referralCount,
  'member.tier': (c) => c.facts.member.tier,
  'member.country': (c) => c.facts.member.country,
  'member.city': (c) => c.facts.member.city,
  'member.language': (c) => c.facts.member.language,
  'member.birthMonth': (c) => c.facts.member.birthMonth,
  'member.age': (c) => c.facts.member.age,
  'member.tenureDays': (c) => c.facts.member.tenureDays,
  'member.joinedOn': (c) => c.facts.member.joinedOn,
  'member.lastPurchaseOn': (c) => c.facts.member.lastPurchaseOn,
  'member.pointsBalance': (c) => c.facts.member.pointsBalance,
  'member.lifetimePoints': (c) => c.facts.member.lifetimePoints,
  'member.signupChannel': (c) => c.facts.member.signupChannel,
  'member.hasEmailConsent': (c) => c.facts.member.hasEmailConsent,
  'member.hasSmsConsent': (c) => c.facts.member.hasSmsConsent,
  'member.hasPushConsent': (c) => c.facts.member.hasPushConsent,
  'member.hasApp': (c) => c.facts.member.hasApp,
  'member.isStaff': (c) => c.facts.member.isStaff,
  'member.profileComplete': (c) => c.facts.member.profileComplete,
};

/** One accessor per `item.*` catalog path. */
export const ITEM_ACCESSORS: Readonly<Record<string, ItemAccessor>> = {
  'item.sku': (i) => i.sku,
  'item.category': (i) => i.category,
  'item.brand': (i) => i.brand,
  'item.quantity': (i) => i.quantity,
  'item.price': (i) => i.price,
  'item.isOnSale': (i) => i.isOnSale,
};
