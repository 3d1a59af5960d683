import type { Condition, JourneyStep } from '../spec';
import type { GraphEdge } from './schema';

/**
 * Small graphs written by hand for tests: raw JSON as the studio would save it (defaults left out).
 * Not exported from the package.
 */
type RawNode = { id: string; kind: string; position: { x: number; y: number }; data: Record<string, unknown> };
export type RawGraph = { version: 1; program: { program: { name: string } }; nodes: RawNode[]; edges: GraphEdge[] };

const at = { x: 0, y: 0 };
const make = (id: string, kind: string, data: Record<string, unknown>): RawNode => ({ id, kind, position: at, data });

export const n = {
  trigger: (id: string, kind = 'purchase') => make(id, 'trigger', { trigger: { kind } }),
  condition: (id: string, condition: Condition) => make(id, 'condition', { condition }),
  rule: (id: string, name: string, extra: Record<string, unknown> = {}) => make(id, 'earning-rule', { id, name, effect: { kind: 'fixed', points: 10 }, ...extra }),
  group: (id: string, name = 'Base earning') => make(id, 'promotion-group', { id, name }),
  tier: (id: string, name: string, threshold: number) => make(id, 'tier', { id, name, threshold }),
  reward: (id: string, name: string, extra: Record<string, unknown> = {}) => make(id, 'reward', { id, name, offer: { kind: 'free-product', sku: 'SKU-1' }, cost: 100, ...extra }),
  message: (id: string, name: string, extra: Record<string, unknown> = {}) =>
    make(id, 'message', { id, name, channel: 'email', variants: [{ locale: 'en', subject: 'Hi', body: 'Hello {{ member.firstName }}' }], ...extra }),
  journey: (id: string, name: string) => make(id, 'journey', { id, name, trigger: { kind: 'event', event: 'member-signed-up' } }),
  step: (kind: JourneyStep['kind'], id: string, data: Record<string, unknown> = {}) => make(id, kind, { id, ...data }),
};

/** An edge; its id is `source>target` unless given. */
export const e = (source: string, sourceHandle: string | undefined, target: string, targetHandle: string | undefined, id = `${source}>${target}`): GraphEdge => ({
  id,
  source,
  target,
  ...(sourceHandle !== undefined ? { sourceHandle } : {}),
  ...(targetHandle !== undefined ? { targetHandle } : {}),
});

/**
 * A small valid program: "When purchase → if total ≥ 10 → Double points → in Base earning",
 * tiers Green → Silver → Gold, and a journey "Welcome": send 'Welcome email' → wait 1 day → end.
 */
export function smallGraph(): RawGraph {
  return {
    version: 1,
    program: { program: { name: 'Test Club' } },
    nodes: [
      n.trigger('t'),
      n.condition('c', { op: 'gte', field: 'event.total', value: 10 }),
      n.rule('r', 'Double points weekend'),
      n.group('g'),
      n.tier('green', 'Green', 0),
      n.tier('silver', 'Silver', 500),
      n.tier('gold', 'Gold', 1500),
      n.message('m', 'Welcome email'),
      n.journey('j', 'Welcome'),
      n.step('send', 'send-welcome'),
      n.step('wait', 'wait-a-day', { days: 1 }),
      n.step('exit', 'end'),
    ],
    edges: [
      e('t', 'then', 'c', 'when'),
      e('c', 'then', 'r', 'when'),
      e('r', 'group', 'g', 'rules'),
      e('green', 'higher', 'silver', 'lower'),
      e('silver', 'higher', 'gold', 'lower'),
      e('j', 'start', 'send-welcome', 'in'),
      e('m', 'sends', 'send-welcome', 'message'),
      e('send-welcome', 'next', 'wait-a-day', 'in'),
      e('wait-a-day', 'next', 'end', 'in'),
    ],
  };
}

/** Finds a node of a raw graph by id (throws when missing, to keep tests short). */
export function nodeIn(graph: RawGraph, id: string): RawNode {
  const node = graph.nodes.find((x) => x.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}
