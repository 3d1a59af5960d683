import type { HandleDef } from './catalog';
import { inputHandles, outputHandles } from './catalog';
import { nodeName, nodeWithKind } from './names';
import type { GraphEdge, GraphIssue, GraphNode, ProgramGraph } from './schema';

/** An edge whose ends and handles were found and fit together. */
export interface Link {
  edge: GraphEdge;
  source: GraphNode;
  target: GraphNode;
  sourceHandle: string;
  targetHandle: string;
}

/** Valid links of a graph, looked up by node and handle. Nodes with a duplicate id keep the first. */
export interface GraphIndex {
  nodes: ReadonlyMap<string, GraphNode>;
  links: readonly Link[];
  out(nodeId: string, handle?: string): Link[];
  in(nodeId: string, handle?: string): Link[];
}

/** The handle an edge uses; when it names none, the only handle that fits the node on the other end. */
function resolveHandle(handles: readonly HandleDef[], given: string | undefined, other: GraphNode): HandleDef | undefined {
  if (given !== undefined) return handles.find((h) => h.id === given);
  const fitting = handles.filter((h) => h.connects.includes(other.kind));
  return fitting.length === 1 ? fitting[0] : handles.length === 1 ? handles[0] : undefined;
}

function edgeProblem(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): GraphIssue | Link {
  const at = { edgeId: edge.id, severity: 'error' as const };
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source || !target) {
    const missing = [!source && `'${edge.source}'`, !target && `'${edge.target}'`].filter(Boolean).join(' and ');
    return { ...at, code: 'dangling-edge', message: `A connection points to ${missing}, which is not on the canvas any more; remove the connection` };
  }
  const outs = outputHandles(source);
  const ins = inputHandles(target);
  const incompatible = { ...at, code: 'incompatible-connection' as const, message: `${nodeWithKind(source, true)} cannot be connected to ${nodeWithKind(target)}` };
  if (outs.length === 0 || ins.length === 0) return incompatible;
  const out = resolveHandle(outs, edge.sourceHandle, target);
  const inp = resolveHandle(ins, edge.targetHandle, source);
  if (!out || !inp) {
    const [node, handle] = !out ? [source, edge.sourceHandle] : [target, edge.targetHandle];
    const what = handle === undefined ? 'it does not say which connection point it uses' : `${nodeName(node)} has no connection point '${handle}'`;
    return { ...at, nodeId: node.id, code: 'unknown-handle', message: `The connection from ${nodeName(source)} to ${nodeName(target)} cannot be used: ${what}` };
  }
  if (!out.connects.includes(target.kind) || !inp.connects.includes(source.kind)) return incompatible;
  return { edge, source, target, sourceHandle: out.id, targetHandle: inp.id };
}

/**
 * Resolves the edges of a graph: finds both ends and handles and checks they fit together.
 * Edges that do not are reported and left out of the index.
 * @example const { index, issues } = indexGraph(graph); index.out('rule:rule-base', 'group')[0]?.target
 */
export function indexGraph(graph: ProgramGraph): { index: GraphIndex; issues: GraphIssue[] } {
  const nodes = new Map<string, GraphNode>();
  const issues: GraphIssue[] = [];
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      issues.push({ nodeId: node.id, code: 'duplicate-node-id', severity: 'error', message: `Two nodes have the id '${node.id}'; node ids must be unique` });
    } else nodes.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  const links: Link[] = [];
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) {
      issues.push({ edgeId: edge.id, code: 'duplicate-edge-id', severity: 'error', message: `Two connections have the id '${edge.id}'; connection ids must be unique` });
      continue;
    }
    edgeIds.add(edge.id);
    const found = edgeProblem(edge, nodes);
    if ('code' in found) issues.push(found);
    else links.push(found);
  }
  const bySource = new Map<string, Link[]>();
  const byTarget = new Map<string, Link[]>();
  for (const link of links) {
    bySource.set(link.source.id, [...(bySource.get(link.source.id) ?? []), link]);
    byTarget.set(link.target.id, [...(byTarget.get(link.target.id) ?? []), link]);
  }
  const index: GraphIndex = {
    nodes,
    links,
    out: (id, handle) => (bySource.get(id) ?? []).filter((l) => handle === undefined || l.sourceHandle === handle),
    in: (id, handle) => (byTarget.get(id) ?? []).filter((l) => handle === undefined || l.targetHandle === handle),
  };
  return { index, issues };
}
