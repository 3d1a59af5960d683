import type { z } from 'zod';
import type { ProgramSpec, SpecIssue } from '../spec';
import type { Places } from './build';
import { placeKey } from './build';
import type { GraphIndex } from './links';
import { NodeName } from './names';
import type { GraphIssue } from './schema';

/** The node a spec path came from (the longest recorded prefix), and the rest of the path. */
export function placeOf(path: readonly (string | number)[], places: Places): { nodeId?: string; rest: (string | number)[] } {
  for (let n = path.length; n > 0; n--) {
    const nodeId = places.get(placeKey(path.slice(0, n)));
    if (nodeId !== undefined) return { nodeId, rest: path.slice(n) };
  }
  return { rest: [...path] };
}

/** Messages said the canvas way where the spec's wording talks about lists. */
function canvasMessage(issue: SpecIssue, spec: ProgramSpec): string {
  const i = issue.path[1];
  if (issue.collection !== 'tiers' || typeof i !== 'number') return issue.message;
  const tier = spec.tiers[i];
  const below = spec.tiers[i - 1];
  if (issue.code === 'tier-thresholds-not-increasing' && tier && below) {
    return `'${tier.name}' needs a threshold higher than '${below.name}' (${below.threshold}), the tier below it`;
  }
  if (issue.code === 'first-tier-threshold' && tier) {
    return `'${tier.name}' is the lowest tier, where every member starts, so its threshold must be 0 (it is ${tier.threshold})`;
  }
  return issue.message;
}

/**
 * Pins an issue found by `checkProgram` to the node it concerns. Program-level issues (settings,
 * scenarios) have no node.
 * @example fromSpecIssue(issue, places, spec) // { nodeId: 'condition:rule-double-weekend', code: 'unknown-field', ... }
 */
export function fromSpecIssue(issue: SpecIssue, places: Places, spec: ProgramSpec): GraphIssue {
  const { nodeId } = placeOf(issue.path, places);
  return { ...(nodeId !== undefined ? { nodeId } : {}), code: issue.code, severity: issue.severity, message: canvasMessage(issue, spec) };
}

/** Turns zod issues of the built spec into issues on the nodes whose data is wrong. */
export function fromSpecZodIssues(error: z.ZodError, places: Places, index: GraphIndex): GraphIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const { nodeId, rest } = placeOf(path, places);
    const node = nodeId !== undefined ? index.nodes.get(nodeId) : undefined;
    const label = node ? NodeName(node) : 'Program settings';
    const where = (node ? rest : path).join('.');
    return { ...(nodeId !== undefined ? { nodeId } : {}), code: 'invalid-value', severity: 'error', message: `${label}: ${where ? `${where}: ` : ''}${issue.message}` };
  });
}

/** Turns zod issues of the graph itself into issues on the node or edge they concern. */
export function fromGraphZodIssues(input: unknown, error: z.ZodError): GraphIssue[] {
  return error.issues.map((issue) => {
    const [head, i, ...rest] = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const raw = typeof i === 'number' ? (input as Record<string, { id?: unknown; data?: { name?: unknown } }[] | undefined>)?.[String(head)]?.[i] : undefined;
    const id = typeof raw?.id === 'string' ? raw.id : undefined;
    const out: GraphIssue = { code: 'invalid-graph', severity: 'error', message: '' };
    if (head === 'nodes' && id !== undefined) out.nodeId = id;
    if (head === 'edges' && id !== undefined) out.edgeId = id;
    const name = typeof raw?.data?.name === 'string' ? `'${raw.data.name}'` : id !== undefined ? `'${id}'` : undefined;
    const label = head === 'nodes' ? `Node ${name ?? ''}`.trim() : head === 'edges' ? 'Connection' : 'Program settings';
    const where = (typeof i === 'number' ? rest : issue.path.map(String)).join('.');
    out.message = `${label}: ${where ? `${where}: ` : ''}${issue.message}`;
    return out;
  });
}
