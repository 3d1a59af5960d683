import type { GraphNode, NodeKind } from './schema';
import { STEP_KINDS } from './schema';

/** Palette groups of the studio, in display order. */
export const PALETTE_GROUPS = ['Earning', 'Tiers', 'Rewards', 'Journeys', 'Messages', 'Safety'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/**
 * One connection point of a node kind.
 * - `connects`: kinds on the other end (for an input: source kinds; for an output: target kinds);
 * - `max`: at most this many edges on the handle (unbounded when absent);
 * - `required`: compiling fails when nothing is connected; `missing` names what is missing, for messages.
 */
export interface HandleDef {
  id: string;
  label: string;
  connects: readonly NodeKind[];
  max?: number;
  required: boolean;
  missing?: string;
}

/** Catalog entry of one node kind; the studio generates its palette and connection checks from it. */
export interface NodeKindDef {
  kind: NodeKind;
  label: string;
  group: PaletteGroup;
  description: string;
  inputs: readonly HandleDef[];
  /** Fixed outputs. `split` nodes also have one output per variant, see `outputHandles`. */
  outputs: readonly HandleDef[];
}

const STEPS: readonly NodeKind[] = STEP_KINDS;
const stepIn: HandleDef = { id: 'in', label: 'Comes from', connects: ['journey', 'wait', 'wait-until', 'branch', 'split', 'send', 'award'], required: false };
const stepOut = (id: string, label: string, missing: string): HandleDef => ({ id, label, connects: STEPS, max: 1, required: true, missing });
const next = stepOut('next', 'Then', 'next step');

const def = (kind: NodeKind, label: string, group: PaletteGroup, description: string, inputs: HandleDef[] = [], outputs: HandleDef[] = []): NodeKindDef => ({
  kind,
  label,
  group,
  description,
  inputs,
  outputs,
});

/**
 * Every node kind with its label, palette group and allowed connections.
 * @example NODE_KINDS['earning-rule'].inputs[0] // { id: 'when', connects: ['trigger', 'condition'], max: 1, required: true, ... }
 */
export const NODE_KINDS: Readonly<Record<NodeKind, NodeKindDef>> = {
  trigger: def('trigger', 'When', 'Earning', 'What makes the connected rules run: a purchase, sign-up, birthday...', [], [
    { id: 'then', label: 'Then', connects: ['condition', 'earning-rule'], required: true, missing: 'rule or condition' },
  ]),
  condition: def('condition', 'If', 'Earning', 'Only when this holds', [{ id: 'when', label: 'When', connects: ['trigger'], max: 1, required: true, missing: 'trigger' }], [
    { id: 'then', label: 'Then', connects: ['earning-rule'], required: true, missing: 'rule' },
  ]),
  'earning-rule': def('earning-rule', 'Earning rule', 'Earning', 'Points given, with limits and dates', [
    { id: 'when', label: 'When', connects: ['trigger', 'condition'], max: 1, required: true, missing: 'trigger' },
  ], [{ id: 'group', label: 'In group', connects: ['promotion-group'], max: 1, required: true, missing: 'promotion group' }]),
  'promotion-group': def('promotion-group', 'Promotion group', 'Earning', 'Rules in a group combine by its stacking; groups run by priority', [
    { id: 'rules', label: 'Rules', connects: ['earning-rule'], required: false },
  ]),
  tier: def('tier', 'Tier', 'Tiers', 'A tier; connect tiers from lowest to highest', [{ id: 'lower', label: 'Tier below', connects: ['tier'], max: 1, required: false }], [
    { id: 'higher', label: 'Tier above', connects: ['tier'], max: 1, required: false },
  ]),
  reward: def('reward', 'Reward', 'Rewards', 'An item of the reward catalog'),
  segment: def('segment', 'Segment', 'Journeys', 'A group of members, used by conditions and journeys'),
  'fraud-rule': def('fraud-rule', 'Fraud rule', 'Safety', 'Watches for abuse and acts on it'),
  message: def('message', 'Message', 'Messages', 'A message template with a text per language', [], [
    { id: 'sends', label: 'Sent by', connects: ['send'], required: false },
  ]),
  journey: def('journey', 'Journey start', 'Journeys', 'What starts the journey, who enters, and how often', [], [
    { id: 'start', label: 'First step', connects: STEPS, max: 1, required: true, missing: 'first step' },
  ]),
  wait: def('wait', 'Wait', 'Journeys', 'Wait some days or hours', [stepIn], [next]),
  'wait-until': def('wait-until', 'Wait until', 'Journeys', 'Wait for an event or condition, or give up after some days', [stepIn], [
    stepOut('next', 'When it happens', 'step for when it happens'),
    stepOut('timeout', 'When time is up', 'step for when time is up'),
  ]),
  branch: def('branch', 'Yes / no', 'Journeys', 'Go one way or the other, by a question about the member', [stepIn], [
    stepOut('then', 'Yes', "'yes' step"),
    stepOut('else', 'No', "'no' step"),
  ]),
  split: def('split', 'A/B split', 'Journeys', 'Send members down variants at random, by weight', [stepIn]),
  send: def('send', 'Send message', 'Journeys', 'Send the connected message', [
    stepIn,
    { id: 'message', label: 'Message', connects: ['message'], max: 1, required: true, missing: 'message' },
  ], [next]),
  award: def('award', 'Give points', 'Journeys', 'Give bonus points', [stepIn], [next]),
  exit: def('exit', 'End', 'Journeys', 'The journey ends here', [stepIn]),
};

/** Handle id of the split variant at `index`. @example variantHandle(1) // 'variant-1' */
export function variantHandle(index: number): string {
  return `variant-${index}`;
}

/**
 * The output handles of one node, including one per split variant.
 * @example outputHandles(splitNode).map((h) => h.id) // ['variant-0', 'variant-1']
 */
export function outputHandles(node: GraphNode): readonly HandleDef[] {
  if (node.kind !== 'split') return NODE_KINDS[node.kind].outputs;
  return node.data.variants.map((v, i) => stepOut(variantHandle(i), v.name, `step for variant '${v.name}'`));
}

/** The input handles of one node. */
export function inputHandles(node: GraphNode): readonly HandleDef[] {
  return NODE_KINDS[node.kind].inputs;
}
