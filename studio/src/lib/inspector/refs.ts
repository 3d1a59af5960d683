import type { ProgramGraph } from '@loyalty/engine/graph';

/** Things of the program a form can point to by id, offered as selects instead of free text. */
export type Refs = { tiers: { id: string; name: string }[]; segments: { id: string; name: string }[] };

/** Fields holding ids of other parts of the program. */
export const REF_KEYS: Record<string, keyof Refs> = { minTierId: 'tiers', tierId: 'tiers', segmentId: 'segments', audienceSegmentId: 'segments' };

export function refsOf(graph: ProgramGraph): Refs {
  const pick = (kind: 'tier' | 'segment') =>
    graph.nodes.filter((n) => n.kind === kind).map((n) => ({ id: (n.data as { id: string }).id, name: (n.data as { name: string }).name }));
  return { tiers: pick('tier'), segments: pick('segment') };
}
