import { describe, expect, it } from 'vitest';
import { compileGraph, decompile, NODE_KINDS, type ProgramGraph } from '@loyalty/engine/graph';
import { createTemplateCatalog } from '@loyalty/engine/programs';
import { beanClub } from '@loyalty/engine/spec';
import { flowNodeType, fromFlow, keepFlowState, toFlow } from './flow-mapper';

const templates = createTemplateCatalog().list();

describe('flow mapper', () => {
  it('has templates to test with', () => {
    expect(templates.length).toBeGreaterThanOrEqual(5);
  });

  for (const t of [...templates.map((x) => ({ id: x.id, spec: x.spec })), { id: 'bean-club', spec: beanClub() }]) {
    it(`round-trips ${t.id}: saved graph -> Svelte Flow -> saved graph, and compiles back to the spec`, () => {
      const graph = decompile(t.spec);
      const { nodes, edges } = toFlow(graph);
      expect(nodes).toHaveLength(graph.nodes.length);
      for (const n of nodes) expect(n.type).toBe(flowNodeType(n.data.kind));
      for (const e of edges) {
        expect(e.sourceHandle).toBeTruthy();
        expect(e.targetHandle).toBeTruthy();
      }
      const back = fromFlow(nodes, edges, graph.program);
      expect(back).toEqual(graph);
      const compiled = compileGraph(back);
      expect(compiled.ok && compiled.spec).toEqual(t.spec);
    });
  }

  it('fills in handles a saved edge leaves out, and leaves them out again on the way back', () => {
    const graph = decompile(beanClub());
    const edge = graph.edges.find((e) => e.sourceHandle === 'sends')!;
    const trimmed: ProgramGraph = { ...graph, edges: graph.edges.map((e) => (e === edge ? { id: e.id, source: e.source, target: e.target } : e)) };
    const flow = toFlow(trimmed);
    const mapped = flow.edges.find((e) => e.id === edge.id)!;
    expect([mapped.sourceHandle, mapped.targetHandle]).toEqual(['sends', 'message']);
    expect(fromFlow(flow.nodes, flow.edges, trimmed.program)).toEqual(trimmed);
  });

  it('gives every node kind a component type from its palette group', () => {
    for (const def of Object.values(NODE_KINDS)) expect(flowNodeType(def.kind)).toBe(def.group.toLowerCase());
  });

  it('keeps measured sizes and selection when the graph is mapped again', () => {
    const { nodes } = toFlow(decompile(beanClub()));
    const measured = nodes.map((n) => ({ ...n, measured: { width: 240, height: 90 } }));
    const again = keepFlowState(toFlow(decompile(beanClub())).nodes, measured, new Set([nodes[0]!.id]));
    expect(again[0]).toMatchObject({ measured: { width: 240, height: 90 }, selected: true });
    expect(again[1]!.selected).toBe(false);
  });
});
