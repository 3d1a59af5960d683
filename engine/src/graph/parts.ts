import type { GraphIndex } from './links';
import type { GraphNode, NodeOf, StepNode } from './schema';
import { isStepNode } from './schema';

type TierNode = NodeOf<'tier'>;
type JourneyNode = NodeOf<'journey'>;

/** Nodes of one kind, in graph order. @example nodesOf(index, 'reward') */
export function nodesOf<K extends GraphNode['kind']>(index: GraphIndex, kind: K): NodeOf<K>[] {
  return [...index.nodes.values()].filter((n): n is NodeOf<K> => n.kind === kind);
}

/**
 * The tier ladder: chains following `higher` edges from each lowest tier (roots, in graph order),
 * and the tiers caught in circles. A well-formed ladder has one root and no circles.
 * @example tierLadder(index).order.map((t) => t.data.id) // ['green', 'silver', 'gold']
 */
export function tierLadder(index: GraphIndex): { order: TierNode[]; roots: TierNode[]; cycles: TierNode[][] } {
  const tiers = nodesOf(index, 'tier');
  const higher = (t: TierNode) => index.out(t.id, 'higher')[0]?.target as TierNode | undefined;
  const roots = tiers.filter((t) => index.in(t.id, 'lower').length === 0);
  const order: TierNode[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    for (let t: TierNode | undefined = root; t && !seen.has(t.id); t = higher(t)) {
      seen.add(t.id);
      order.push(t);
    }
  }
  const cycles: TierNode[][] = [];
  for (const start of tiers) {
    if (seen.has(start.id)) continue;
    const cycle: TierNode[] = [];
    for (let t: TierNode | undefined = start; t && !seen.has(t.id); t = higher(t)) {
      seen.add(t.id);
      cycle.push(t);
    }
    cycles.push(cycle);
    order.push(...cycle);
  }
  return { order, roots, cycles };
}

/** Steps linked to `step` either way (edges between steps only). */
function neighbours(index: GraphIndex, step: StepNode): StepNode[] {
  const out = index.out(step.id).map((l) => l.target);
  const inc = index.in(step.id, 'in').map((l) => l.source);
  return [...out, ...inc].filter(isStepNode);
}

export interface JourneyParts {
  /** Steps of each journey node (by node id), in graph order. */
  steps: Map<string, StepNode[]>;
  /** Entry step node of each journey node that has one. */
  entry: Map<string, StepNode>;
  /** Steps connected to no journey start. */
  orphans: StepNode[];
  /** Journeys whose steps are connected to the steps of an earlier journey. */
  shared: { journey: JourneyNode; other: JourneyNode }[];
}

/**
 * Which steps belong to which journey: all steps connected (either way) to the journey's first step.
 * @example journeyParts(index).steps.get('journey:journey-welcome')?.map((s) => s.data.id)
 */
export function journeyParts(index: GraphIndex): JourneyParts {
  const owner = new Map<string, JourneyNode>();
  const parts: JourneyParts = { steps: new Map(), entry: new Map(), orphans: [], shared: [] };
  for (const journey of nodesOf(index, 'journey')) {
    const first = index.out(journey.id, 'start')[0]?.target;
    if (!first || !isStepNode(first)) continue;
    parts.entry.set(journey.id, first);
    const clash = owner.get(first.id);
    if (clash) {
      parts.shared.push({ journey, other: clash });
      continue;
    }
    const queue = [first];
    owner.set(first.id, journey);
    while (queue.length) {
      for (const n of neighbours(index, queue.shift()!)) {
        const had = owner.get(n.id);
        if (had && had !== journey && !parts.shared.some((s) => s.journey === journey)) parts.shared.push({ journey, other: had });
        if (had) continue;
        owner.set(n.id, journey);
        queue.push(n);
      }
    }
  }
  for (const node of index.nodes.values()) {
    if (!isStepNode(node)) continue;
    const journey = owner.get(node.id);
    if (!journey) parts.orphans.push(node);
    else parts.steps.set(journey.id, [...(parts.steps.get(journey.id) ?? []), node]);
  }
  return parts;
}
