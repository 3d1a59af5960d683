import type { ProgramGraph } from '@loyalty/engine/graph';

/** Tier id -> name, from the graph being edited. */
export function tierNames(graph: ProgramGraph): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of graph.nodes) if (n.kind === 'tier') out[n.data.id] = n.data.name;
  return out;
}
