import type { GraphNode } from '@loyalty/engine/graph';
import { NODE_KINDS } from '@loyalty/engine/graph';
import type { Condition, Trigger } from '@loyalty/engine/spec';
import { fieldByPath } from '@loyalty/engine/spec';
import { OPERATOR_LABELS } from '../inspector/condition-model';

const TRIGGERS: Record<Trigger['kind'], string> = {
  purchase: 'Purchase',
  'sign-up': 'Sign-up',
  birthday: 'Birthday',
  referral: 'Referral',
  'profile-completed': 'Profile completed',
  custom: 'Custom event',
};

const show = (v: unknown) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/**
 * A condition in a few words, for node cards.
 * @example conditionText({ op: 'gte', field: 'event.total', value: 20 }) // 'Purchase total is at least 20'
 */
export function conditionText(c: Condition): string {
  if ('field' in c) {
    const label = fieldByPath(c.field)?.label ?? c.field;
    if (c.op === 'in') return `${label} is one of ${c.values.map(show).join(', ')}`;
    if (c.op === 'between') return `${label} is between ${c.min} and ${c.max}`;
    return `${label} ${OPERATOR_LABELS[c.op]} ${show(c.value)}`;
  }
  switch (c.op) {
    case 'and':
      return c.all.length === 1 ? conditionText(c.all[0]!) : `All of ${c.all.length} conditions`;
    case 'or':
      return `Any of ${c.any.length} conditions`;
    case 'not':
      return `Not: ${conditionText(c.condition)}`;
    case 'any-item':
      return `Any item: ${conditionText(c.where)}`;
    case 'aggregate':
      return `${c.metric} in last ${c.lastDays} days ${OPERATOR_LABELS[c.cmp]} ${c.value}`;
    case 'tenure':
      return `Member for ${OPERATOR_LABELS[c.cmp].replace('is ', '')} ${c.days} days`;
    case 'day-of-week':
      return `On ${c.days.join(', ')}`;
    case 'time-between':
      return `Between ${c.from} and ${c.to}`;
    case 'in-segment':
      return `In segment ${c.segmentId || '(none)'}`;
  }
}

/** The name a node is shown and searched by. @example nodeTitle(goldTier) // 'Gold' */
export function nodeTitle(node: GraphNode): string {
  switch (node.kind) {
    case 'trigger':
      return node.data.trigger.kind === 'custom' ? `Event '${node.data.trigger.eventName}'` : TRIGGERS[node.data.trigger.kind];
    case 'condition':
      return conditionText(node.data.condition);
    default:
      return ('name' in node.data && node.data.name) || ('id' in node.data ? node.data.id : NODE_KINDS[node.kind].label);
  }
}

/** One line under the title: the numbers that matter for the node kind. */
export function nodeSummary(node: GraphNode): string {
  switch (node.kind) {
    case 'earning-rule': {
      const e = node.data.effect;
      const text =
        e.kind === 'per-currency-unit' ? `${e.points} pt per ${e.unitAmount} spent` : e.kind === 'fixed' ? `${e.points} pts` : e.kind === 'multiplier' ? `× ${e.factor}` : `${e.points} pts per item`;
      return node.data.enabled ? text : `${text} · off`;
    }
    case 'promotion-group':
      return `Priority ${node.data.priority} · ${node.data.stacking}`;
    case 'tier':
      return `From ${node.data.threshold} · earn × ${node.data.benefits.earnMultiplier}`;
    case 'reward':
      return `${node.data.cost} pts · ${node.data.offer.kind.replace(/-/g, ' ')}`;
    case 'segment':
      return conditionText(node.data.condition);
    case 'fraud-rule':
      return `${node.data.check.kind.replace(/-/g, ' ')} → ${node.data.action}`;
    case 'message':
      return `${node.data.channel} · ${node.data.variants.map((v) => v.locale).join(', ')}`;
    case 'journey': {
      const t = node.data.trigger;
      return t.kind === 'event' ? `On ${t.event}` : t.kind === 'segment-entry' ? `Enters ${t.segmentId}` : `Scheduled: ${t.schedule.kind}`;
    }
    case 'wait':
      return [node.data.days && `${node.data.days} d`, node.data.hours && `${node.data.hours} h`].filter(Boolean).join(' ') || '0 h';
    case 'wait-until':
      return `${node.data.until.kind === 'event' ? node.data.until.event : conditionText(node.data.until.condition)} · up to ${node.data.timeoutDays} d`;
    case 'branch':
      return conditionText(node.data.condition);
    case 'split':
      return node.data.variants.map((v) => `${v.name} (${v.weight})`).join(' / ');
    case 'award':
      return `+${node.data.points} pts`;
    default:
      return NODE_KINDS[node.kind].description;
  }
}
