import type { Trigger } from '../spec';
import { NODE_KINDS } from './catalog';
import type { GraphNode } from './schema';
import { isStepNode } from './schema';

const TRIGGER_WORDS: Record<Trigger['kind'], string> = {
  purchase: 'Purchase',
  'sign-up': 'Sign-up',
  birthday: 'Birthday',
  referral: 'Referral',
  'profile-completed': 'Profile completed',
  custom: 'Custom event',
};

/** Plain words for an earning trigger. @example triggerWords({ kind: 'custom', eventName: 'app-review' }) // "Custom event 'app-review'" */
export function triggerWords(trigger: Trigger): string {
  return trigger.kind === 'custom' ? `Custom event '${trigger.eventName}'` : TRIGGER_WORDS[trigger.kind];
}

/**
 * How messages name a node: named things by their name in quotes, others by what they are.
 * @example nodeName(goldTierNode) // "'Gold'"
 * @example nodeName(stepNode) // "step 'send-welcome'"
 */
export function nodeName(node: GraphNode): string {
  if (node.kind === 'trigger') return `the '${triggerWords(node.data.trigger)}' trigger`;
  if (node.kind === 'condition') return 'a condition';
  if (isStepNode(node)) return `step '${node.data.name ?? node.data.id}'`;
  return `'${node.data.name}'`;
}

/** Like `nodeName`, with a capital first letter, to start a sentence. */
export function NodeName(node: GraphNode): string {
  const name = nodeName(node);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Node name with its kind, e.g. "'Gold' (Tier)". */
export function nodeWithKind(node: GraphNode, capital = false): string {
  return `${capital ? NodeName(node) : nodeName(node)} (${NODE_KINDS[node.kind].label})`;
}
