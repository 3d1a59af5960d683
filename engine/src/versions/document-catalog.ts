import type { ProgramSpec, Reward } from '../spec';
import { describeCondition } from './describe-condition';
import { describeFraudAction, describeFraudCheck, describeOffer } from './describe-members';
import { capitalize, formatNumber, formatPoints, plural, type DescribeContext } from './describe-text';
import { facts, heading, list, note, sentenceCase, table, type Block } from './document-model';

function whoCanRedeem(reward: Reward, ctx: DescribeContext): string {
  const parts: string[] = [];
  if (reward.minTierId) parts.push(`${ctx.tierName(reward.minTierId)} and above`);
  if (reward.eligibility) parts.push(`members where ${describeCondition(reward.eligibility, ctx)}`);
  return parts.length ? capitalize(parts.join('; ')) : 'Everyone';
}

/** Spending rules and the rewards catalog. */
export function rewardsSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const s = spec.spending;
  const blocks: Block[] = [
    heading(2, 'Spending points and rewards'),
    facts([
      ['Minimum balance to redeem', formatPoints(s.minBalance, ctx.pointsName)],
      ['Largest share of a basket payable with points', `${formatNumber(s.maxBasketShare * 100)}%`],
      ['Paying part of a purchase with points', s.allowPartialPayWithPoints ? 'allowed' : 'not allowed'],
      ['A reserved redemption is held for', plural(s.reservationMinutes, 'minute')],
    ]),
    heading(3, 'Rewards catalog'),
  ];
  if (!spec.rewards.length) return [...blocks, note('The catalog is empty.')];
  blocks.push(
    table(
      ['Reward', 'The member gets', 'Cost', 'Who can redeem', 'Stock', 'Use within'],
      spec.rewards.map((r) => [
        `${r.name}${r.enabled ? '' : ' (hidden)'}`,
        capitalize(describeOffer(r.offer, ctx)) + (r.description ? `. ${r.description}` : ''),
        formatPoints(r.cost, ctx.pointsName),
        whoCanRedeem(r, ctx),
        r.stock === undefined ? 'Unlimited' : formatNumber(r.stock),
        plural(r.validityDays, 'day'),
      ]),
    ),
  );
  return blocks;
}

/** Segments with their conditions. */
export function segmentsSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const blocks: Block[] = [heading(2, 'Segments')];
  if (!spec.segments.length) return [...blocks, note('There are no segments.')];
  return [
    ...blocks,
    list(
      spec.segments.map((s) => ({
        lead: s.name,
        text: [sentenceCase(`members where ${describeCondition(s.condition, ctx)}`), s.description ? sentenceCase(s.description) : ''].filter(Boolean).join(' '),
      })),
    ),
  ];
}

/** Fraud rules as a table. */
export function fraudSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const blocks: Block[] = [heading(2, 'Fraud rules')];
  if (!spec.fraudRules.length) return [...blocks, note('There are no fraud rules.')];
  return [
    ...blocks,
    table(
      ['Rule', 'Watches for', 'Action', 'Status'],
      spec.fraudRules.map((r) => [r.name, capitalize(describeFraudCheck(r.check, ctx)), capitalize(describeFraudAction(r.action)), r.enabled ? 'On' : 'Off']),
    ),
  ];
}
