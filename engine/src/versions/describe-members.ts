import type { Expiry, FraudCheck, FraudRule, QualificationWindow, RewardOffer, TierBenefits, TierPolicy, TierRetention } from '../spec';
import { capitalize, describeContext, formatMoney, formatNumber, formatPoints, joinWords, plural, quote, type DescribeContext } from './describe-text';

/**
 * What members of a tier get.
 * @example describeTierBenefits({ earnMultiplier: 1.5, perks: ['Free refills'] }, ctx)
 *   // 'earns 1.5 times the Beans; Free refills'
 */
export function describeTierBenefits(benefits: TierBenefits, ctx: DescribeContext = describeContext()): string {
  const earn = benefits.earnMultiplier === 1 ? `earns the standard ${ctx.pointsName}` : `earns ${formatNumber(benefits.earnMultiplier)} times the ${ctx.pointsName}`;
  return [earn, ...benefits.perks].join('; ');
}

/** @example describeWindow({ kind: 'rolling', months: 12 }) // 'over the last 12 months' */
export function describeWindow(window: QualificationWindow): string {
  return window.kind === 'rolling' ? `over the last ${plural(window.months, 'month')}` : 'per calendar year';
}

/** @example describeMetric('spend') // 'money spent' */
export function describeMetric(metric: TierPolicy['metric'], ctx: DescribeContext = describeContext()): string {
  if (metric === 'spend') return `money spent (${ctx.currency})`;
  return metric === 'visits' ? 'visits' : `${ctx.pointsName} earned`;
}

/**
 * When and how members lose a tier.
 * @example describeRetention({ evaluate: 'window-end', downgrade: 'one-tier', graceDays: 30 })
 *   // 'checked at the end of each qualification window; members drop one tier, 30 days after the check'
 */
export function describeRetention(retention: TierRetention): string {
  if (retention.downgrade === 'never') return 'members never lose a tier';
  const when = {
    'window-end': 'at the end of each qualification window',
    monthly: 'every month',
    'membership-anniversary': "on each member's anniversary",
  }[retention.evaluate];
  const how = retention.downgrade === 'one-tier' ? 'members drop one tier' : 'members drop to the tier they qualify for';
  const grace = retention.graceDays ? `, ${plural(retention.graceDays, 'day')} after the check` : '';
  return `checked ${when}; ${how}${grace}`;
}

/**
 * What a reward gives the member.
 * @example describeOffer({ kind: 'discount-amount', amount: 5 }) // '5.00 EUR off the basket'
 */
export function describeOffer(offer: RewardOffer, ctx: DescribeContext = describeContext()): string {
  switch (offer.kind) {
    case 'discount-amount':
      return `${formatMoney(offer.amount, ctx.currency)} off the basket`;
    case 'discount-percent':
      return `${formatNumber(offer.percent)}% off the basket`;
    case 'free-product':
      return `the product ${offer.sku} for free`;
    case 'voucher':
      return `a voucher worth ${formatMoney(offer.value, ctx.currency)}${offer.codePrefix ? ` (codes start with ${offer.codePrefix})` : ''}`;
    case 'cashback':
      return `${formatMoney(offer.amount, ctx.currency)} cash back`;
    case 'partner':
      return `a reward from ${offer.partnerName}${offer.details ? `: ${offer.details}` : ''}`;
  }
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/**
 * The expiry policy as a sentence.
 * @example describeExpiry({ kind: 'inactivity', months: 12 }, ctx) // 'Beans expire after 12 months of inactivity'
 * @example describeExpiry({ kind: 'end-of-period', period: 'year', afterPeriods: 1 }, ctx)
 *   // 'Beans expire at the end of the year after the one they were earned in'
 */
export function describeExpiry(expiry: Expiry, ctx: DescribeContext = describeContext()): string {
  const name = ctx.pointsName;
  switch (expiry.kind) {
    case 'none':
      return `${name} never expire`;
    case 'rolling':
      return `${name} expire ${plural(expiry.months, 'month')} after they were earned`;
    case 'inactivity':
      return `${name} expire after ${plural(expiry.months, 'month')} of inactivity`;
    case 'end-of-period': {
      const n = expiry.afterPeriods;
      const which = n === 0 ? `they were earned in` : n === 1 ? `after the one they were earned in` : `${ordinal(n)} after the one they were earned in`;
      return `${name} expire at the end of the ${expiry.period} ${which}`;
    }
  }
}

/**
 * What a fraud rule watches for.
 * @example describeFraudCheck({ kind: 'velocity', maxEvents: 10, withinMinutes: 60 }) // 'more than 10 events within 60 minutes'
 */
export function describeFraudCheck(check: FraudCheck, ctx: DescribeContext = describeContext()): string {
  switch (check.kind) {
    case 'velocity':
      return `more than ${plural(check.maxEvents, 'event')} within ${plural(check.withinMinutes, 'minute')}`;
    case 'amount':
      return `a single purchase above ${formatMoney(check.maxPurchaseAmount, ctx.currency)}`;
    case 'return-ratio':
      return `more than ${formatNumber(check.maxRatio * 100)}% of purchases returned over the last ${plural(check.overDays, 'day')}`;
    case 'shared-identifier':
      return `the same ${check.identifier} used by more than ${plural(check.maxMembers, 'member')}`;
    case 'staff-self-award':
      return 'staff awarding points to themselves';
  }
}

/** @example describeFraudAction('hold-points') // 'hold the points' */
export function describeFraudAction(action: FraudRule['action']): string {
  return { flag: 'flag for review', 'hold-points': 'hold the points', block: 'block the member', 'notify-security': 'notify security' }[action];
}

/**
 * A fraud rule in one sentence.
 * @example describeFraudRule(beanClub().fraudRules[0]!) // 'More than 10 events within 60 minutes: hold the points'
 */
export function describeFraudRule(rule: FraudRule, ctx: DescribeContext = describeContext()): string {
  return `${capitalize(describeFraudCheck(rule.check, ctx))}: ${describeFraudAction(rule.action)}`;
}

/** Points with the program's name. Re-exported for the document. */
export function describePoints(n: number, ctx: DescribeContext): string {
  return formatPoints(n, ctx.pointsName);
}

/** A list of names in quotes. @example quotedList(['a', 'b']) // "'a' and 'b'" */
export function quotedList(names: readonly string[]): string {
  return joinWords(names.map(quote));
}
