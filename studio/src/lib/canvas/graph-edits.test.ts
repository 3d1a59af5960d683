import { describe, expect, it } from 'vitest';
import { compileGraph, decompile, NODE_KINDS, type NodeKind } from '@loyalty/engine/graph';
import { beanClub } from '@loyalty/engine/spec';
import { connectionProblem } from './connections';
import { addNode, connect, copyNodes, freeSpot, newNode, paste, removeElements, setTierOrder, tierOrder } from './graph-edits';

const graph = () => decompile(beanClub());

describe('graph edits', () => {
  it('creates nodes of every kind with unique ids and data the schema accepts', () => {
    let g = graph();
    for (const kind of Object.keys(NODE_KINDS) as NodeKind[]) {
      const node = newNode(g, kind, { x: 10.4, y: 20 });
      expect(g.nodes.some((n) => n.id === node.id)).toBe(false);
      g = addNode(g, node);
    }
    const result = compileGraph(g);
    const invalidData = result.issues.filter((i) => i.code === 'invalid-graph' || i.code === 'invalid-value');
    expect(invalidData).toEqual([]);
  });

  it('connects only what the catalog allows', () => {
    const g = addNode(graph(), newNode(graph(), 'tier', { x: 0, y: 0 }));
    const top = tierOrder(g).filter((t) => t.id !== 'tier:tier-new').at(-1)!;
    expect(connectionProblem(g, { source: top.id, sourceHandle: 'higher', target: 'tier:tier-new', targetHandle: 'lower' })).toBeUndefined();
    const reward = g.nodes.find((n) => n.kind === 'reward')!;
    expect(connectionProblem(g, { source: top.id, sourceHandle: 'higher', target: reward.id, targetHandle: null })).toMatch(/Drag from an output/);
    const lowest = tierOrder(g)[0]!;
    expect(connectionProblem(g, { source: lowest.id, sourceHandle: 'higher', target: 'tier:tier-new', targetHandle: 'lower' })).toMatch(/only 1 connection/);
    const r = connect(g, { source: top.id, sourceHandle: 'higher', target: 'tier:tier-new', targetHandle: 'lower' });
    expect(r.ok && tierOrder(r.graph).at(-1)!.id).toBe('tier:tier-new');
  });

  it('removes nodes with their edges', () => {
    const g = graph();
    const tier = tierOrder(g)[1]!;
    const after = removeElements(g, [tier.id]);
    expect(after.nodes.some((n) => n.id === tier.id)).toBe(false);
    expect(after.edges.some((e) => e.source === tier.id || e.target === tier.id)).toBe(false);
  });

  it('pastes copies with fresh ids and their inner edges', () => {
    const g = graph();
    const rule = g.nodes.find((n) => n.kind === 'earning-rule')!;
    const trigger = g.nodes.find((n) => n.id === `trigger:${(rule.data as { id: string }).id}`)!;
    const { graph: after, ids } = paste(g, copyNodes(g, new Set([rule.id, trigger.id])), { x: 40, y: 40 });
    expect(ids).toHaveLength(2);
    expect(new Set(after.nodes.map((n) => n.id)).size).toBe(after.nodes.length);
    expect(after.edges.filter((e) => ids.includes(e.source) && ids.includes(e.target))).toHaveLength(1);
  });

  it('finds a free spot below occupied ones', () => {
    const g = addNode(addNode(graph(), newNode(graph(), 'tier', { x: 5000, y: 0 })), newNode(graph(), 'reward', { x: 5000, y: 150 }));
    expect(freeSpot(g, { x: 5000, y: 0 })).toEqual({ x: 5000, y: 300 });
    expect(freeSpot(g, { x: 9000, y: 0 })).toEqual({ x: 9000, y: 0 });
  });

  it('reorders the tier ladder', () => {
    const g = graph();
    const ids = tierOrder(g).map((t) => t.id);
    expect(tierOrder(setTierOrder(g, [...ids].reverse())).map((t) => t.id)).toEqual([...ids].reverse());
  });
});
