import type { Edge, Node } from '@xyflow/svelte';
import type { GraphEdge, GraphNode, HandleDef, NodeKind, PaletteGroup, ProgramGraph } from '@loyalty/engine/graph';
import { NODE_KINDS, inputHandles, outputHandles } from '@loyalty/engine/graph';

/**
 * The one place that translates between the saved graph (`ProgramGraph`, our own format) and
 * Svelte Flow's nodes and edges. Node `type` is the palette group, so each group has its own
 * component; node `data` carries the saved node's kind and data untouched.
 */

/** Svelte Flow node types, one per palette group. */
export type FlowNodeType = 'earning' | 'tiers' | 'rewards' | 'journeys' | 'messages' | 'safety';
export const NODE_TYPE_OF_GROUP: Record<PaletteGroup, FlowNodeType> = {
  Earning: 'earning',
  Tiers: 'tiers',
  Rewards: 'rewards',
  Journeys: 'journeys',
  Messages: 'messages',
  Safety: 'safety',
};

export type FlowNodeData = { kind: NodeKind; data: GraphNode['data'] };
export type FlowNode = Node<FlowNodeData, FlowNodeType>;
/** `data` remembers handles the saved edge left out, so they stay left out when mapped back. */
export type FlowEdgeData = { implicitSource?: boolean; implicitTarget?: boolean };
export type FlowEdge = Edge<FlowEdgeData>;

/** The Svelte Flow node type of a node kind. @example flowNodeType('tier') // 'tiers' */
export function flowNodeType(kind: NodeKind): FlowNodeType {
  return NODE_TYPE_OF_GROUP[NODE_KINDS[kind].group];
}

/** The saved node a flow node stands for. */
export function toGraphNode(n: Pick<FlowNode, 'id' | 'position' | 'data'>): GraphNode {
  return { id: n.id, kind: n.data.kind, position: { x: n.position.x, y: n.position.y }, data: n.data.data } as GraphNode;
}

/** Handles of a saved node, for its component: inputs on the left, outputs on the right. */
export function nodeHandles(node: GraphNode): { inputs: readonly HandleDef[]; outputs: readonly HandleDef[] } {
  return { inputs: inputHandles(node), outputs: outputHandles(node) };
}

function fittingHandle(handles: readonly HandleDef[], other: GraphNode | undefined): string | undefined {
  if (!other) return undefined;
  const fitting = handles.filter((h) => h.connects.includes(other.kind));
  return (fitting.length === 1 ? fitting[0] : handles.length === 1 ? handles[0] : undefined)?.id;
}

/** A saved node as a Svelte Flow node. */
export function toFlowNode(n: GraphNode): FlowNode {
  return { id: n.id, type: flowNodeType(n.kind), position: { ...n.position }, data: { kind: n.kind, data: n.data } };
}

/**
 * Saved graph -> Svelte Flow. Edges that leave a handle out get the one that fits, so they draw at
 * the right connection point.
 * @example const { nodes, edges } = toFlow(decompile(spec));
 */
export function toFlow(graph: ProgramGraph): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.map((e): FlowEdge => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const sourceHandle = e.sourceHandle ?? (source ? fittingHandle(outputHandles(source), target) : undefined);
    const targetHandle = e.targetHandle ?? (target ? fittingHandle(inputHandles(target), source) : undefined);
    const data: FlowEdgeData = {};
    if (e.sourceHandle === undefined) data.implicitSource = true;
    if (e.targetHandle === undefined) data.implicitTarget = true;
    return { id: e.id, source: e.source, target: e.target, sourceHandle: sourceHandle ?? null, targetHandle: targetHandle ?? null, data };
  });
  return { nodes: graph.nodes.map(toFlowNode), edges };
}

/** A Svelte Flow edge as a saved edge. */
export function toGraphEdge(e: FlowEdge): GraphEdge {
  const out: GraphEdge = { id: e.id, source: e.source, target: e.target };
  if (e.sourceHandle && !e.data?.implicitSource) out.sourceHandle = e.sourceHandle;
  if (e.targetHandle && !e.data?.implicitTarget) out.targetHandle = e.targetHandle;
  return out;
}

/**
 * Svelte Flow -> saved graph; program-level settings come from `program`.
 * @example fromFlow(toFlow(graph).nodes, toFlow(graph).edges, graph.program) // deep-equal to graph
 */
export function fromFlow(nodes: readonly FlowNode[], edges: readonly FlowEdge[], program: ProgramGraph['program']): ProgramGraph {
  return { version: 1, program, nodes: nodes.map(toGraphNode), edges: edges.map(toGraphEdge) };
}

/**
 * Keeps what Svelte Flow learnt about nodes it already shows (measured size, selection) when the
 * saved graph changes and is mapped again, so nodes do not flicker or lose their selection.
 */
export function keepFlowState(next: FlowNode[], previous: readonly FlowNode[], selected: ReadonlySet<string>): FlowNode[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const p = prev.get(n.id);
    const sel = selected.has(n.id);
    return p?.measured ? { ...n, measured: p.measured, selected: sel } : { ...n, selected: sel };
  });
}
