import type { Journey, JourneyStep, ProgramSpec } from '../spec';
import { stepLinks } from '../spec';
import { variantHandle } from './catalog';
import { layoutGraph } from './layout';
import type { GraphEdge, GraphNode, ProgramGraph } from './schema';
import { GRAPH_VERSION } from './schema';

type NewNode = GraphNode extends infer N ? (N extends GraphNode ? Omit<N, 'position'> : never) : never;

/** Node of a step: the step without its kind and links (those become the node kind and edges). */
function stepNode(id: string, step: JourneyStep): NewNode {
  switch (step.kind) {
    case 'wait': {
      const { kind, next, ...data } = step;
      return { id, kind, data };
    }
    case 'wait-until': {
      const { kind, next, timeoutNext, ...data } = step;
      return { id, kind, data };
    }
    case 'branch': {
      const { kind, then, else: no, ...data } = step;
      return { id, kind, data };
    }
    case 'split': {
      const { kind, variants, ...data } = step;
      return { id, kind, data: { ...data, variants: variants.map(({ next, ...v }) => v) } };
    }
    case 'send': {
      const { kind, next, messageId, ...data } = step;
      return { id, kind, data };
    }
    case 'award': {
      const { kind, next, ...data } = step;
      return { id, kind, data };
    }
    case 'exit': {
      const { kind, ...data } = step;
      return { id, kind, data };
    }
  }
}

/** Handle of a step link, from the key `stepLinks` stores it under. */
function linkHandle(key: (string | number)[]): string {
  const [head, i] = key;
  if (head === 'variants' && typeof i === 'number') return variantHandle(i);
  return head === 'timeoutNext' ? 'timeout' : String(head);
}

/**
 * Turns a spec into a graph with a readable automatic layout (`layoutGraph`). For a valid spec,
 * `compileGraph(decompile(spec))` gives back a spec deep-equal to `spec`. References that do not
 * resolve (in an invalid spec) become missing connections, which `compileGraph` reports.
 * Node ids are `<kind>:<spec id>` (`trigger:<rule id>`, `step:<journey id>:<step id>`, ...).
 * @example const graph = decompile(beanClub()); graph.nodes.find((n) => n.kind === 'tier')?.id // 'tier:green'
 */
export function decompile(spec: ProgramSpec): ProgramGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const used = new Set<string>();
  const add = (n: NewNode): string => {
    let id = n.id;
    for (let k = 2; used.has(id); k++) id = `${n.id}~${k}`;
    used.add(id);
    nodes.push({ ...n, id, position: { x: 0, y: 0 } } as GraphNode);
    return id;
  };
  const link = (source: string | undefined, sourceHandle: string, target: string | undefined, targetHandle: string) => {
    if (source === undefined || target === undefined) return;
    let id = `${source}#${sourceHandle}->${target}#${targetHandle}`;
    while (edges.some((e) => e.id === id)) id += '+';
    edges.push({ id, source, target, sourceHandle, targetHandle });
  };
  const byId = new Map<string, string>();
  const remember = (prefix: string, id: string, nodeId: string) => byId.has(`${prefix}:${id}`) || byId.set(`${prefix}:${id}`, nodeId);

  let below: string | undefined;
  for (const tier of spec.tiers) {
    const id = add({ id: `tier:${tier.id}`, kind: 'tier', data: tier });
    link(below, 'higher', id, 'lower');
    below = id;
  }
  for (const group of spec.promotionGroups) remember('group', group.id, add({ id: `group:${group.id}`, kind: 'promotion-group', data: group }));
  for (const { groupId, trigger, condition, ...rule } of spec.earningRules) {
    const t = add({ id: `trigger:${rule.id}`, kind: 'trigger', data: { trigger } });
    const c = condition ? add({ id: `condition:${rule.id}`, kind: 'condition', data: { condition } }) : undefined;
    const r = add({ id: `rule:${rule.id}`, kind: 'earning-rule', data: rule });
    if (c) link(t, 'then', c, 'when');
    link(c ?? t, 'then', r, 'when');
    link(r, 'group', byId.get(`group:${groupId}`), 'rules');
  }
  for (const reward of spec.rewards) add({ id: `reward:${reward.id}`, kind: 'reward', data: reward });
  for (const segment of spec.segments) add({ id: `segment:${segment.id}`, kind: 'segment', data: segment });
  for (const rule of spec.fraudRules) add({ id: `fraud:${rule.id}`, kind: 'fraud-rule', data: rule });
  for (const message of spec.messages) remember('message', message.id, add({ id: `message:${message.id}`, kind: 'message', data: message }));
  for (const journey of spec.journeys) addJourney(journey);
  return layoutGraph({ version: GRAPH_VERSION, program: pickProgram(spec), nodes, edges });

  function addJourney({ entryStepId, steps, ...journey }: Journey): void {
    const j = add({ id: `journey:${journey.id}`, kind: 'journey', data: journey });
    const stepIds = new Map<string, string>();
    const stepNodeIds = steps.map((s) => {
      const id = add(stepNode(`step:${journey.id}:${s.id}`, s));
      if (!stepIds.has(s.id)) stepIds.set(s.id, id);
      return id;
    });
    link(j, 'start', stepIds.get(entryStepId), 'in');
    steps.forEach((step, i) => {
      const id = stepNodeIds[i]!;
      if (step.kind === 'send') link(byId.get(`message:${step.messageId}`), 'sends', id, 'message');
      for (const l of stepLinks(step)) link(id, linkHandle(l.key), stepIds.get(l.to), 'in');
    });
  }
}

/** The program-level settings of a spec, which the graph keeps outside its nodes. */
function pickProgram(spec: ProgramSpec): ProgramGraph['program'] {
  const { program, tierPolicy, pointsLifecycle, spending, communication, scenarios } = spec;
  return { program, tierPolicy, pointsLifecycle, spending, communication, scenarios };
}
