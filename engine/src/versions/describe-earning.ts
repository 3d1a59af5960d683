import type { Caps, Effect, PromotionGroup, Stacking, Trigger, Validity } from '../spec';
import { describeCondition } from './describe-condition';
import { describeContext, formatNumber, formatPoints, joinWords, plural, quote, type DescribeContext } from './describe-text';

/**
 * When an earning rule runs.
 * @example describeTrigger({ kind: 'sign-up' }) // 'when a member signs up'
 */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'purchase':
      return 'on every purchase';
    case 'sign-up':
      return 'when a member signs up';
    case 'birthday':
      return "on the member's birthday";
    case 'referral':
      return 'when a member refers a friend';
    case 'profile-completed':
      return 'when a member completes their profile';
    case 'custom':
      return `on the custom event ${quote(trigger.eventName)}`;
  }
}

/**
 * How many points an earning rule gives.
 * @example describeEffect({ kind: 'per-currency-unit', points: 1, unitAmount: 1 }, describeContext(beanClub()))
 *   // '1 Bean for every 1.00 EUR spent'
 * @example describeEffect({ kind: 'multiplier', factor: 2 }) // 'Points from earlier groups count 2 times'
 */
export function describeEffect(effect: Effect, ctx: DescribeContext = describeContext()): string {
  switch (effect.kind) {
    case 'per-currency-unit': {
      const unit = `${effect.unitAmount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })} ${ctx.currency}`;
      const items = effect.itemsWhere ? ` on items where ${describeCondition(effect.itemsWhere, ctx)}` : '';
      return `${formatPoints(effect.points, ctx.pointsName)} for every ${unit} spent${items}`;
    }
    case 'fixed':
      return formatPoints(effect.points, ctx.pointsName);
    case 'multiplier':
      return `${ctx.pointsName} from earlier groups count ${formatNumber(effect.factor)} times`;
    case 'per-item': {
      const items = effect.itemsWhere ? `item where ${describeCondition(effect.itemsWhere, ctx)}` : 'item bought';
      return `${formatPoints(effect.points, ctx.pointsName)} per ${items}`;
    }
  }
}

/**
 * The limits of a rule as one phrase; "no limits" when there are none.
 * @example describeCaps({ perMemberPerDay: 20, timesPerMember: 1 }, ctx)
 *   // 'at most 20 Beans per member per day and only once per member'
 */
export function describeCaps(caps: Caps, ctx: DescribeContext = describeContext()): string {
  const pts = (n: number) => formatPoints(n, ctx.pointsName);
  const parts: string[] = [];
  if (caps.perMemberPerDay !== undefined) parts.push(`at most ${pts(caps.perMemberPerDay)} per member per day`);
  if (caps.perMemberPerWeek !== undefined) parts.push(`at most ${pts(caps.perMemberPerWeek)} per member per week`);
  if (caps.perMemberPerMonth !== undefined) parts.push(`at most ${pts(caps.perMemberPerMonth)} per member per month`);
  if (caps.perMemberTotal !== undefined) parts.push(`at most ${pts(caps.perMemberTotal)} per member in total`);
  if (caps.timesPerMember !== undefined) {
    parts.push(caps.timesPerMember === 1 ? 'only once per member' : `at most ${plural(caps.timesPerMember, 'time')} per member`);
  }
  if (caps.campaignBudgetPoints !== undefined) parts.push(`a budget of ${pts(caps.campaignBudgetPoints)} across all members`);
  return parts.length ? joinWords(parts) : 'no limits';
}

/**
 * The dates a rule is active.
 * @example describeValidity({ from: '2025-09-01', to: '2025-10-31' }) // 'from 2025-09-01 to 2025-10-31'
 */
export function describeValidity(validity: Validity | undefined): string {
  if (!validity || (!validity.from && !validity.to)) return 'always';
  if (validity.from && validity.to) return `from ${validity.from} to ${validity.to}`;
  return validity.from ? `from ${validity.from}` : `until ${validity.to}`;
}

/**
 * How the matching rules of a group combine, for members and reviewers.
 * @example describeStacking('best-of') // 'only the matching rule that gives the most points counts'
 */
export function describeStacking(stacking: Stacking): string {
  switch (stacking) {
    case 'stack':
      return 'every matching rule adds its points';
    case 'best-of':
      return 'only the matching rule that gives the most points counts';
    case 'exclusive':
      return 'only the first matching rule counts, and later groups are skipped';
  }
}

/**
 * A promotion group in one sentence.
 * @example describeGroup({ id: 'base', name: 'Base earning', priority: 0, stacking: 'stack' })
 *   // "'Base earning' runs at priority 0: every matching rule adds its points"
 */
export function describeGroup(group: PromotionGroup): string {
  return `${quote(group.name)} runs at priority ${formatNumber(group.priority)}: ${describeStacking(group.stacking)}`;
}
