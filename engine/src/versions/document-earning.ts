import type { EarningRule, ProgramSpec } from '../spec';
import { describeCondition } from './describe-condition';
import { describeCaps, describeEffect, describeStacking, describeTrigger, describeValidity } from './describe-earning';
import { describeExpiry, describeMetric, describeRetention, describeTierBenefits, describeWindow } from './describe-members';
import { formatMoney, formatNumber, formatPoints, joinWords, plural, type DescribeContext } from './describe-text';
import { facts, heading, list, note, paragraph, sentenceCase, table, type Block, type ListItem } from './document-model';

function threshold(spec: ProgramSpec, value: number, ctx: DescribeContext): string {
  if (spec.tierPolicy.metric === 'spend') return formatMoney(value, ctx.currency);
  if (spec.tierPolicy.metric === 'visits') return plural(value, 'visit');
  return formatPoints(value, ctx.pointsName);
}

/**
 * The program summary: name, description, points, currency, languages, approvals.
 * @example summarySection(beanClub(), ctx)[0] // { kind: 'heading', level: 2, text: 'Program summary' }
 */
export function summarySection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const p = spec.program;
  return [
    heading(2, 'Program summary'),
    ...(p.description ? [paragraph(p.description)] : []),
    facts([
      ['Points are called', p.pointsName],
      ['One point is worth', `${formatMoney(p.pointValue, p.currency)} (100 ${p.pointsName} = ${formatMoney(p.pointValue * 100, p.currency)})`],
      ['Currency', p.currency],
      ['Time zone', p.timezone],
      ['Languages', `${joinWords(p.locales)} (main language: ${p.defaultLocale})`],
      ['New versions are approved by', joinWords(p.approval.requiredApproverRoles) || 'nobody'],
    ]),
  ];
}

/** Tiers table with qualification and downgrade rules. */
export function tiersSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const policy = spec.tierPolicy;
  const blocks: Block[] = [heading(2, 'Tiers')];
  if (!spec.tiers.length) return [...blocks, note('This program has no tiers.')];
  blocks.push(
    paragraph(
      sentenceCase(
        `members qualify by ${describeMetric(policy.metric, ctx)} ${describeWindow(policy.window)}; upgrades happen ${policy.upgrade === 'immediate' ? 'as soon as a threshold is reached' : 'at the next re-check'}`,
      ),
    ),
    table(
      ['Tier', 'Threshold', 'Benefits'],
      spec.tiers.map((t) => [t.name, threshold(spec, t.threshold, ctx), describeTierBenefits(t.benefits, ctx)]),
    ),
    paragraph(`Keeping a tier: ${describeRetention(policy.retention)}.`),
  );
  return blocks;
}

function ruleItem(rule: EarningRule, ctx: DescribeContext): ListItem {
  const when = `${describeTrigger(rule.trigger)}${rule.condition ? `, if ${describeCondition(rule.condition, ctx)}` : ''}`;
  const parts = [`${sentenceCase(when).slice(0, -1)}: ${describeEffect(rule.effect, ctx)}.`];
  const caps = describeCaps(rule.caps, ctx);
  if (caps !== 'no limits') parts.push(sentenceCase(`limits: ${caps}`));
  if (rule.validity) parts.push(sentenceCase(`active ${describeValidity(rule.validity)}`));
  if (rule.description) parts.push(sentenceCase(rule.description));
  if (!rule.enabled) parts.push('Switched off.');
  return { lead: rule.name, text: parts.join(' ') };
}

/** Earning rules in sentences, grouped by promotion group in the order they run. */
export function earningSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const blocks: Block[] = [heading(2, 'Earning points')];
  if (!spec.earningRules.length) return [...blocks, note('There are no earning rules yet.')];
  blocks.push(
    paragraph(
      `Rules are organised in promotion groups. Groups run in order of priority, lowest number first; a multiplier rule applies to the points of the groups that ran before it.${spec.tiers.length ? ' Tier multipliers apply on top.' : ''}`,
    ),
  );
  const groups = [...spec.promotionGroups].sort((a, b) => a.priority - b.priority);
  for (const group of groups) {
    const rules = spec.earningRules.filter((r) => r.groupId === group.id);
    blocks.push(heading(3, `${group.name} (priority ${formatNumber(group.priority)})`), paragraph(sentenceCase(`in this group ${describeStacking(group.stacking)}`)));
    blocks.push(rules.length ? list(rules.map((r) => ruleItem(r, ctx))) : note('No rules in this group.'));
  }
  const known = new Set(spec.promotionGroups.map((g) => g.id));
  const orphans = spec.earningRules.filter((r) => !known.has(r.groupId));
  if (orphans.length) blocks.push(heading(3, 'Rules without a promotion group'), list(orphans.map((r) => ruleItem(r, ctx))));
  return blocks;
}

const ROUNDING = { floor: 'rounded down', round: 'rounded to the nearest whole point', ceil: 'rounded up' } as const;

/** Pending period, expiry and rounding. */
export function lifecycleSection(spec: ProgramSpec, ctx: DescribeContext): Block[] {
  const l = spec.pointsLifecycle;
  return [
    heading(2, 'Points lifecycle'),
    facts([
      ['Pending', l.pendingDays ? `${ctx.pointsName} can be spent ${plural(l.pendingDays, 'day')} after they are earned (return window)` : `${ctx.pointsName} can be spent right away`],
      ['Expiry', sentenceCase(describeExpiry(l.expiry, ctx))],
      ['Rounding', sentenceCase(`fractions of ${ctx.pointsName} from one event are ${ROUNDING[l.rounding]}, after all rules and the tier bonus`)],
    ]),
  ];
}
