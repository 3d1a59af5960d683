import type { GraphEdge, GraphNode, HandleDef, ProgramGraph } from '@loyalty/engine/graph';
import { NODE_KINDS, inputHandles, outputHandles } from '@loyalty/engine/graph';

export interface ConnectionAttempt {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

const count = (edges: readonly GraphEdge[], node: string, handle: HandleDef, side: 'source' | 'target') =>
  edges.filter((e) => (side === 'source' ? e.source === node && e.sourceHandle === handle.id : e.target === node && e.targetHandle === handle.id)).length;

const list = (kinds: readonly string[]) => kinds.map((k) => NODE_KINDS[k as GraphNode['kind']].label).join(', ');

/**
 * Why a connection cannot be made, from the node-kind catalog; undefined when it can.
 * @example connectionProblem(graph, { source: 'tier:gold', sourceHandle: 'higher', target: 'reward:x', targetHandle: null })
 *   // "'Tier above' connects to: Tier"
 */
export function connectionProblem(graph: ProgramGraph, c: ConnectionAttempt): string | undefined {
  if (c.source === c.target) return 'A node cannot be connected to itself';
  const source = graph.nodes.find((n) => n.id === c.source);
  const target = graph.nodes.find((n) => n.id === c.target);
  if (!source || !target) return 'Both ends must be nodes on the canvas';
  const out = outputHandles(source).find((h) => h.id === c.sourceHandle);
  const inp = inputHandles(target).find((h) => h.id === c.targetHandle);
  if (!out || !inp) return 'Drag from an output on the right of a node to an input on the left of another';
  if (!out.connects.includes(target.kind)) return `'${out.label}' of ${NODE_KINDS[source.kind].label} connects to: ${list(out.connects)}`;
  if (!inp.connects.includes(source.kind)) return `'${inp.label}' of ${NODE_KINDS[target.kind].label} accepts: ${list(inp.connects)}`;
  if (graph.edges.some((e) => e.source === c.source && e.target === c.target && e.sourceHandle === out.id && e.targetHandle === inp.id)) return 'These two are already connected';
  if (out.max !== undefined && count(graph.edges, source.id, out, 'source') >= out.max) return `'${out.label}' takes only ${out.max} connection; remove the existing one first`;
  if (inp.max !== undefined && count(graph.edges, target.id, inp, 'target') >= inp.max) return `'${inp.label}' takes only ${inp.max} connection; remove the existing one first`;
  return undefined;
}

/** Edge id in the same form `decompile` uses. */
export function edgeId(c: Required<ConnectionAttempt>, taken: readonly GraphEdge[]): string {
  let id = `${c.source}#${c.sourceHandle}->${c.target}#${c.targetHandle}`;
  while (taken.some((e) => e.id === id)) id += '+';
  return id;
}
