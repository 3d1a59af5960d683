import type { EarningRule, Journey, JourneyStep, ProgramSpecInput } from '../spec';
import { variantHandle } from './catalog';
import type { GraphIndex } from './links';
import { journeyParts, nodesOf, tierLadder } from './parts';
import type { GraphNode, NodeOf, ProgramGraph, StepNode } from './schema';
import { isStepNode } from './schema';

/** Which node each spec location came from, keyed by path prefix, e.g. 'earningRules/2/condition'. */
export type Places = Map<string, string>;

/** Key of a spec path in `Places`. @example placeKey(['journeys', 0, 'steps', 3]) // 'journeys/0/steps/3' */
export const placeKey = (path: readonly (string | number)[]): string => path.join('/');

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`graph structure was not checked before building: ${what}`);
  return value;
}

function only<K extends GraphNode['kind']>(node: GraphNode | undefined, kind: K, what: string): NodeOf<K> {
  const n = must(node, what);
  if (n.kind !== kind) throw new Error(`graph structure was not checked before building: ${what} is a ${n.kind}`);
  return n as NodeOf<K>;
}

function buildStep(index: GraphIndex, node: StepNode): JourneyStep {
  const to = (handle: string): string => {
    const target = must(index.out(node.id, handle)[0]?.target, `${node.id} ${handle}`);
    if (!isStepNode(target)) throw new Error(`graph structure was not checked before building: ${node.id} ${handle}`);
    return target.data.id;
  };
  switch (node.kind) {
    case 'wait':
      return { ...node.data, kind: 'wait', next: to('next') };
    case 'wait-until':
      return { ...node.data, kind: 'wait-until', next: to('next'), timeoutNext: to('timeout') };
    case 'branch':
      return { ...node.data, kind: 'branch', then: to('then'), else: to('else') };
    case 'split':
      return { ...node.data, kind: 'split', variants: node.data.variants.map((v, i) => ({ ...v, next: to(variantHandle(i)) })) };
    case 'send': {
      const message = only(index.in(node.id, 'message')[0]?.source, 'message', `message of ${node.id}`);
      return { ...node.data, kind: 'send', messageId: message.data.id, next: to('next') };
    }
    case 'award':
      return { ...node.data, kind: 'award', next: to('next') };
    case 'exit':
      return { ...node.data, kind: 'exit' };
  }
}

function buildRule(index: GraphIndex, node: NodeOf<'earning-rule'>, at: string, places: Places): EarningRule {
  const group = only(index.out(node.id, 'group')[0]?.target, 'promotion-group', `group of ${node.id}`);
  const when = must(index.in(node.id, 'when')[0]?.source, `trigger of ${node.id}`);
  const condition = when.kind === 'condition' ? when : undefined;
  const trigger = condition ? only(index.in(condition.id, 'when')[0]?.source, 'trigger', `trigger of ${condition.id}`) : only(when, 'trigger', `trigger of ${node.id}`);
  places.set(`${at}/trigger`, trigger.id);
  places.set(`${at}/groupId`, group.id);
  if (condition) places.set(`${at}/condition`, condition.id);
  return { ...node.data, groupId: group.data.id, trigger: trigger.data.trigger, ...(condition ? { condition: condition.data.condition } : {}) };
}

/**
 * Builds the spec input from a graph whose structure passed `checkStructure`, and records which node
 * each item (and each rule's trigger and condition, each journey step) came from.
 * @example const { draft, places } = buildSpec(graph, index); places.get('tiers/0') // 'tier:green'
 */
export function buildSpec(graph: ProgramGraph, index: GraphIndex): { draft: ProgramSpecInput; places: Places } {
  const places: Places = new Map();
  const collect = <K extends GraphNode['kind'], T>(collection: string, nodes: NodeOf<K>[], make: (n: NodeOf<K>, at: string) => T): T[] =>
    nodes.map((n, i) => {
      const at = placeKey([collection, i]);
      places.set(at, n.id);
      return make(n, at);
    });
  const parts = journeyParts(index);

  const journeys = collect('journeys', nodesOf(index, 'journey'), (j, at): Journey => {
    const steps = parts.steps.get(j.id) ?? [];
    steps.forEach((s, k) => places.set(`${at}/steps/${k}`, s.id));
    const entry = must(parts.entry.get(j.id), `first step of ${j.id}`);
    return { ...j.data, entryStepId: entry.data.id, steps: steps.map((s) => buildStep(index, s)) };
  });
  const draft: ProgramSpecInput = {
    ...graph.program,
    tiers: collect('tiers', tierLadder(index).order, (n) => n.data),
    promotionGroups: collect('promotionGroups', nodesOf(index, 'promotion-group'), (n) => n.data),
    earningRules: collect('earningRules', nodesOf(index, 'earning-rule'), (n, at) => buildRule(index, n, at, places)),
    rewards: collect('rewards', nodesOf(index, 'reward'), (n) => n.data),
    segments: collect('segments', nodesOf(index, 'segment'), (n) => n.data),
    fraudRules: collect('fraudRules', nodesOf(index, 'fraud-rule'), (n) => n.data),
    messages: collect('messages', nodesOf(index, 'message'), (n) => n.data),
    journeys,
  };
  return { draft, places };
}
