import type { GraphEdge, GraphNode, NodeKind, NodeOf, ProgramGraph } from '@loyalty/engine/graph';
import { GraphNode as GraphNodeSchema, NODE_KINDS, isStepNode } from '@loyalty/engine/graph';
import type { z } from 'zod';
import { defaultValue, walkSchema } from '../inspector/schema-walker';
import type { ConnectionAttempt } from './connections';
import { connectionProblem, edgeId } from './connections';

/** Pure edits of the saved graph; every edit returns a new graph (snapshots for undo stay intact). */

/** The zod schema of a node kind's `data`. @example dataSchema('tier') // Tier */
export function dataSchema(kind: NodeKind): z.ZodType {
  const option = GraphNodeSchema.options.find((o) => o.shape.kind.value === kind);
  if (!option) throw new Error(`Unknown node kind '${kind}'`);
  return option.shape.data as unknown as z.ZodType;
}

const ID_PREFIX: Record<NodeKind, string> = {
  trigger: 'trigger', condition: 'condition', 'earning-rule': 'rule', 'promotion-group': 'group', tier: 'tier', reward: 'reward',
  segment: 'segment', 'fraud-rule': 'fraud', message: 'message', journey: 'journey', wait: 'step', 'wait-until': 'step',
  branch: 'step', split: 'step', send: 'step', award: 'step', exit: 'step',
};
const SLUG: Partial<Record<NodeKind, string>> = { 'earning-rule': 'rule', 'promotion-group': 'group', 'fraud-rule': 'fraud', message: 'msg' };

/** Starting data that reads well and mostly compiles, over the schema defaults. */
function overrides(kind: NodeKind, graph: ProgramGraph): Record<string, unknown> {
  const locale = graph.program.program.defaultLocale ?? 'en';
  switch (kind) {
    case 'condition': return { condition: { op: 'gte', field: 'event.total', value: 20 } };
    case 'message': return { channel: 'email', variants: [{ locale, subject: 'News from {{ program.name }}', body: 'Hi {{ member.firstName }}, ' }] };
    case 'segment': return { condition: { op: 'gte', field: 'member.lifetimePoints', value: 1000 } };
    case 'branch': return { condition: { op: 'eq', field: 'member.hasApp', value: true } };
    case 'wait': return { days: 1 };
    case 'wait-until': return { timeoutDays: 7 };
    case 'split': return { variants: [{ name: 'A', weight: 1 }, { name: 'B', weight: 1 }] };
    case 'award': return { points: 100, reason: 'Bonus' };
    case 'reward': return { cost: 100, offer: { kind: 'discount-amount', amount: 5 } };
    case 'fraud-rule': return { check: { kind: 'velocity', maxEvents: 10, withinMinutes: 60 } };
    default: return {};
  }
}

/** `base`, or `base-2`, `base-3`... whichever is free. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

const dataIds = (graph: ProgramGraph) => new Set(graph.nodes.map((n) => (n.data as { id?: string }).id).filter((x): x is string => !!x));

/**
 * A new node of a kind at a position, with unique ids and a readable name.
 * @example newNode(graph, 'tier', { x: 0, y: 0 }).data // { id: 'tier-new', name: 'New tier', threshold: 0, ... }
 */
export function newNode(graph: ProgramGraph, kind: NodeKind, position: { x: number; y: number }): GraphNode {
  const data = { ...(defaultValue(walkSchema(dataSchema(kind))) as Record<string, unknown>), ...overrides(kind, graph) };
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  let slug = '';
  if ('id' in data) {
    slug = uniqueId(`${SLUG[kind] ?? kind}-new`, dataIds(graph));
    data.id = slug;
    if (!STEP.has(kind)) data.name = `New ${NODE_KINDS[kind].label.toLowerCase()}`;
  }
  const id = uniqueId(`${ID_PREFIX[kind]}:${slug || 'new'}`, nodeIds);
  return { id, kind, position: { x: Math.round(position.x), y: Math.round(position.y) }, data } as GraphNode;
}
const STEP = new Set<NodeKind>(['wait', 'wait-until', 'branch', 'split', 'send', 'award', 'exit']);

/**
 * The first spot at or below `at` where a new node does not cover another one.
 * @example freeSpot(graph, { x: 0, y: 0 }) // { x: 0, y: 150 } when a node sits at 0,0
 */
export function freeSpot(graph: ProgramGraph, at: { x: number; y: number }): { x: number; y: number } {
  const p = { ...at };
  while (graph.nodes.some((n) => Math.abs(n.position.x - p.x) < 250 && Math.abs(n.position.y - p.y) < 130)) p.y += 150;
  return p;
}

export function addNode(graph: ProgramGraph, node: GraphNode): ProgramGraph {
  return { ...graph, nodes: [...graph.nodes, node] };
}

/** Removes nodes (with their edges) and edges. */
export function removeElements(graph: ProgramGraph, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): ProgramGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !nodes.has(n.id)),
    edges: graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target)),
  };
}

/** Adds an edge when the catalog allows it. @example connect(graph, c).ok ? ... : toast(result.problem) */
export function connect(graph: ProgramGraph, c: ConnectionAttempt): { ok: true; graph: ProgramGraph } | { ok: false; problem: string } {
  const problem = connectionProblem(graph, c);
  if (problem) return { ok: false, problem };
  const full = { source: c.source, target: c.target, sourceHandle: c.sourceHandle!, targetHandle: c.targetHandle! };
  const edge: GraphEdge = { id: edgeId(full, graph.edges), ...full };
  return { ok: true, graph: { ...graph, edges: [...graph.edges, edge] } };
}

export function moveNodes(graph: ProgramGraph, positions: ReadonlyMap<string, { x: number; y: number }>): ProgramGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (positions.has(n.id) ? { ...n, position: { ...positions.get(n.id)! } } : n)) };
}

export function setNodeData(graph: ProgramGraph, id: string, data: unknown): ProgramGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === id ? ({ ...n, data } as GraphNode) : n)) };
}

/** What Ctrl+C keeps: the nodes and the edges between them. */
export type Clipboard = { nodes: GraphNode[]; edges: GraphEdge[] };

export function copyNodes(graph: ProgramGraph, ids: ReadonlySet<string>): Clipboard {
  return structuredClone({ nodes: graph.nodes.filter((n) => ids.has(n.id)), edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) });
}

/**
 * Pastes copied nodes with fresh node and data ids, shifted by `offset`; returns the new node ids.
 * @example const { graph: g, ids } = paste(graph, clip, { x: 40, y: 40 });
 */
export function paste(graph: ProgramGraph, clip: Clipboard, offset: { x: number; y: number }): { graph: ProgramGraph; ids: string[] } {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const taken = dataIds(graph);
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const data = structuredClone(n.data) as { id?: string; name?: string };
    if (data.id) {
      data.id = uniqueId(data.id.replace(/-copy(-\d+)?$/, '') + '-copy', taken);
      taken.add(data.id);
      if (data.name && !isStepNode(n)) data.name = `${data.name} (copy)`;
    }
    const id = uniqueId(`${n.id.split(':')[0]}:${data.id ?? 'copy'}`, nodeIds);
    nodeIds.add(id);
    rename.set(n.id, id);
    return { ...n, id, data, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } } as GraphNode;
  });
  const edges = clip.edges.map((e) => {
    const moved = { ...e, source: rename.get(e.source)!, target: rename.get(e.target)! };
    return { ...moved, id: edgeId({ source: moved.source, target: moved.target, sourceHandle: e.sourceHandle ?? '', targetHandle: e.targetHandle ?? '' }, graph.edges) };
  });
  return { graph: { ...graph, nodes: [...graph.nodes, ...nodes], edges: [...graph.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

/** Tier nodes from lowest to highest, following the ladder; unconnected tiers last. */
export function tierOrder(graph: ProgramGraph): NodeOf<'tier'>[] {
  const tiers = graph.nodes.filter((n): n is NodeOf<'tier'> => n.kind === 'tier');
  const up = new Map<string, string>();
  const hasLower = new Set<string>();
  for (const e of graph.edges) {
    const s = tiers.find((t) => t.id === e.source);
    const t = tiers.find((x) => x.id === e.target);
    if (s && t) {
      up.set(s.id, t.id);
      hasLower.add(t.id);
    }
  }
  const out: NodeOf<'tier'>[] = [];
  const seen = new Set<string>();
  for (const start of tiers.filter((t) => !hasLower.has(t.id))) {
    for (let id: string | undefined = start.id; id && !seen.has(id); id = up.get(id)) {
      seen.add(id);
      out.push(tiers.find((t) => t.id === id)!);
    }
  }
  return [...out, ...tiers.filter((t) => !seen.has(t.id))];
}

/** Rewires the tier ladder to the given order (lowest first). */
export function setTierOrder(graph: ProgramGraph, ids: readonly string[]): ProgramGraph {
  const tierIds = new Set(graph.nodes.filter((n) => n.kind === 'tier').map((n) => n.id));
  const edges = graph.edges.filter((e) => !(tierIds.has(e.source) && tierIds.has(e.target)));
  for (let i = 1; i < ids.length; i++) {
    const c = { source: ids[i - 1]!, sourceHandle: 'higher', target: ids[i]!, targetHandle: 'lower' };
    edges.push({ id: edgeId(c, edges), ...c });
  }
  return { ...graph, edges };
}
