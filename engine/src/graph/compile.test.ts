import { describe, expect, it } from 'vitest';
import { compileGraph } from './compile';
import type { RawGraph } from './test-graphs';
import { e, n, nodeIn, smallGraph } from './test-graphs';

const issuesOf = (graph: unknown) => {
  const r = compileGraph(graph);
  return r.issues;
};
const change = (mutate: (g: RawGraph) => void): RawGraph => {
  const g = smallGraph();
  mutate(g);
  return g;
};

describe('compileGraph on a valid graph', () => {
  it('builds the spec the graph reads as', () => {
    const r = compileGraph(smallGraph());
    expect(r.issues).toEqual([]);
    if (!r.ok) return;
    expect(r.spec.earningRules).toEqual([
      expect.objectContaining({ id: 'r', name: 'Double points weekend', groupId: 'g', trigger: { kind: 'purchase' }, condition: { op: 'gte', field: 'event.total', value: 10 } }),
    ]);
    expect(r.spec.tiers.map((t) => t.id)).toEqual(['green', 'silver', 'gold']);
    expect(r.spec.journeys[0]).toMatchObject({
      id: 'j',
      entryStepId: 'send-welcome',
      steps: [
        { id: 'send-welcome', kind: 'send', messageId: 'm', next: 'wait-a-day' },
        { id: 'wait-a-day', kind: 'wait', days: 1, hours: 0, next: 'end' },
        { id: 'end', kind: 'exit' },
      ],
    });
  });

  it('takes the tier order from the ladder, not from the node order', () => {
    const r = compileGraph(change((g) => g.nodes.reverse()));
    expect(r.ok && r.spec.tiers.map((t) => t.id)).toEqual(['green', 'silver', 'gold']);
  });

  it('accepts edges without handles where the node has one handle on that side', () => {
    const r = compileGraph(change((g) => (g.edges = g.edges.map(({ sourceHandle, targetHandle, ...edge }) => (edge.source === 'm' ? { ...edge, sourceHandle } : edge)))));
    expect(r.issues).toEqual([]);
  });

  it('lets a rule follow its trigger directly, without a condition', () => {
    const r = compileGraph(change((g) => {
      g.nodes = g.nodes.filter((x) => x.id !== 'c');
      g.edges = [...g.edges.filter((x) => x.source !== 'c' && x.target !== 'c'), e('t', 'then', 'r', 'when')];
    }));
    expect(r.ok && r.spec.earningRules[0]).not.toHaveProperty('condition');
  });
});

describe('compileGraph structure issues, pinned to the node or edge', () => {
  it('invalid-graph: node data that does not fit the schema', () => {
    const issues = issuesOf(change((g) => (nodeIn(g, 'gold').data.threshold = -5)));
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid-graph', nodeId: 'gold', severity: 'error' })]);
    expect(issues[0]?.message).toMatch(/^Node 'Gold': data\.threshold: /);
    expect(issuesOf({ version: 2, nodes: [] })[0]).toMatchObject({ code: 'invalid-graph' });
  });

  it('duplicate-node-id and duplicate-edge-id', () => {
    expect(issuesOf(change((g) => g.nodes.push(n.tier('gold', 'Platinum', 3000))))).toContainEqual(
      expect.objectContaining({ code: 'duplicate-node-id', nodeId: 'gold', message: "Two nodes have the id 'gold'; node ids must be unique" }),
    );
    expect(issuesOf(change((g) => g.edges.push({ ...g.edges[0]!, target: 'r', targetHandle: 'when' })))).toContainEqual(
      expect.objectContaining({ code: 'duplicate-edge-id', edgeId: 't>c' }),
    );
  });

  it('dangling-edge: a connection to a node that was deleted', () => {
    const issues = issuesOf(change((g) => (g.nodes = g.nodes.filter((x) => x.id !== 'g'))));
    expect(issues).toContainEqual({ edgeId: 'r>g', code: 'dangling-edge', severity: 'error', message: "A connection points to 'g', which is not on the canvas any more; remove the connection" });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'missing-connection', nodeId: 'r', message: "'Double points weekend' has no promotion group connected" }));
  });

  it('unknown-handle: a handle the node does not have, or none where it has several', () => {
    expect(issuesOf(change((g) => (g.edges[2]!.sourceHandle = 'grp')))).toContainEqual(
      expect.objectContaining({ code: 'unknown-handle', edgeId: 'r>g', nodeId: 'r', message: "The connection from 'Double points weekend' to 'Base earning' cannot be used: 'Double points weekend' has no connection point 'grp'" }),
    );
    const branch = change((g) => {
      g.nodes.push(n.step('branch', 'b', { condition: { op: 'eq', field: 'member.hasApp', value: true } }));
      g.edges[7] = e('send-welcome', 'next', 'b', 'in');
      g.edges.push(e('b', undefined, 'wait-a-day', 'in'), e('b', 'else', 'end', 'in'));
    });
    expect(issuesOf(branch)).toContainEqual(expect.objectContaining({ code: 'unknown-handle', edgeId: 'b>wait-a-day', message: expect.stringContaining('it does not say which connection point it uses') }));
    branch.edges.find((x) => x.id === 'b>wait-a-day')!.sourceHandle = 'then';
    expect(issuesOf(branch)).toEqual([]);
  });

  it('incompatible-connection: kinds that do not connect', () => {
    expect(issuesOf(change((g) => g.edges.push(e('t', 'then', 'g', 'rules'))))).toContainEqual({
      edgeId: 't>g', code: 'incompatible-connection', severity: 'error', message: "The 'Purchase' trigger (When) cannot be connected to 'Base earning' (Promotion group)",
    });
    expect(issuesOf(change((g) => g.edges.push(e('gold', 'higher', 'm', undefined))))).toContainEqual(expect.objectContaining({ code: 'incompatible-connection', edgeId: 'gold>m' }));
  });

  it('too-many-connections: a rule with two triggers, a journey with two first steps', () => {
    const twoTriggers = issuesOf(change((g) => {
      g.nodes.push(n.trigger('t2', 'sign-up'));
      g.edges.push(e('t2', 'then', 'r', 'when'));
    }));
    expect(twoTriggers).toEqual([
      { nodeId: 'r', edgeId: 't2>r', code: 'too-many-connections', severity: 'error', message: "'Double points weekend' can have only one trigger connected; remove the others" },
    ]);
    const twoEntries = issuesOf(change((g) => g.edges.push(e('j', 'start', 'end', 'in', 'j>end'))));
    expect(twoEntries).toEqual([expect.objectContaining({ nodeId: 'j', edgeId: 'j>end', code: 'too-many-connections', message: "'Welcome' can have only one first step connected; remove the others" })]);
  });

  it('missing-connection: a rule without trigger, a journey without first step, a send without message', () => {
    expect(issuesOf(change((g) => (g.edges = g.edges.filter((x) => x.id !== 'c>r'))))).toEqual([
      expect.objectContaining({ nodeId: 'c', code: 'missing-connection', message: 'A condition has no rule connected' }),
      expect.objectContaining({ nodeId: 'r', code: 'missing-connection', message: "'Double points weekend' has no trigger connected" }),
    ]);
    expect(issuesOf(change((g) => (g.edges = g.edges.filter((x) => x.source !== 'j'))))).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeId: 'j', code: 'missing-connection', message: "'Welcome' has no first step connected" })]),
    );
    expect(issuesOf(change((g) => (g.edges = g.edges.filter((x) => x.source !== 'm'))))).toEqual([
      expect.objectContaining({ nodeId: 'send-welcome', code: 'missing-connection', message: "Step 'send-welcome' has no message connected" }),
    ]);
  });

  it('tier-cycle: tiers connected in a circle', () => {
    const issues = issuesOf(change((g) => g.edges.splice(3, 2, e('green', 'higher', 'silver', 'lower'), e('silver', 'higher', 'green', 'lower'))));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'tier-cycle', nodeId: 'green', message: "The tiers 'Green' → 'Silver' → 'Green' go round in a circle; connect tiers in one line from lowest to highest" }));
  });

  it('tier-ladder-split: a tier not on the ladder', () => {
    const g = change((x) => x.nodes.push(n.tier('platinum', 'Platinum', 3000)));
    expect(issuesOf(g)).toEqual([
      expect.objectContaining({ code: 'tier-ladder-split', nodeId: 'platinum', message: "'Platinum' is not on the same tier ladder as 'Green'; connect all tiers in one line from lowest to highest" }),
    ]);
    g.edges.push(e('gold', 'higher', 'platinum', 'lower'));
    expect(issuesOf(g)).toEqual([]);
  });

  it('step-outside-journey: a step connected to no journey', () => {
    expect(issuesOf(change((g) => g.nodes.push(n.step('exit', 'stray', { name: 'Stray end' }))))).toEqual([
      expect.objectContaining({ code: 'step-outside-journey', nodeId: 'stray', message: "Step 'Stray end' is not connected to any journey; connect it to a journey start or one of its steps" }),
    ]);
  });

  it('steps-shared-between-journeys: two journeys starting on the same steps', () => {
    const issues = issuesOf(change((g) => {
      g.nodes.push(n.journey('j2', 'Second welcome'));
      g.edges.push(e('j2', 'start', 'wait-a-day', 'in'));
    }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'steps-shared-between-journeys', nodeId: 'j2', message: "'Second welcome' is connected to the steps of 'Welcome'; give each journey its own steps" }),
    ]);
  });
});
