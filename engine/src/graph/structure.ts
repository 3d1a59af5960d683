import type { HandleDef } from './catalog';
import { inputHandles, outputHandles } from './catalog';
import type { GraphIndex, Link } from './links';
import { indexGraph } from './links';
import { NodeName, nodeName } from './names';
import { journeyParts, tierLadder } from './parts';
import type { GraphIssue, GraphNode, ProgramGraph } from './schema';

const noun = (h: HandleDef) => h.missing ?? h.label.toLowerCase();

function checkHandle(node: GraphNode, handle: HandleDef, links: Link[], issues: GraphIssue[]): void {
  if (handle.required && links.length === 0) {
    issues.push({ nodeId: node.id, code: 'missing-connection', severity: 'error', message: `${NodeName(node)} has no ${noun(handle)} connected` });
  }
  if (handle.max !== undefined) {
    for (const extra of links.slice(handle.max)) {
      issues.push({
        nodeId: node.id,
        edgeId: extra.edge.id,
        code: 'too-many-connections',
        severity: 'error',
        message: `${NodeName(node)} can have only ${handle.max === 1 ? 'one' : handle.max} ${noun(handle)} connected; remove the others`,
      });
    }
  }
}

function checkConnections(index: GraphIndex, issues: GraphIssue[]): void {
  for (const node of index.nodes.values()) {
    for (const h of inputHandles(node)) checkHandle(node, h, index.in(node.id, h.id), issues);
    for (const h of outputHandles(node)) checkHandle(node, h, index.out(node.id, h.id), issues);
  }
}

function checkTiers(index: GraphIndex, issues: GraphIssue[]): void {
  const { roots, cycles } = tierLadder(index);
  for (const cycle of cycles) {
    const first = cycle[0]!;
    const names = [...cycle, first].map((t) => `'${t.data.name}'`).join(' → ');
    issues.push({ nodeId: first.id, code: 'tier-cycle', severity: 'error', message: `The tiers ${names} go round in a circle; connect tiers in one line from lowest to highest` });
  }
  const [main, ...others] = roots;
  for (const root of others) {
    issues.push({
      nodeId: root.id,
      code: 'tier-ladder-split',
      severity: 'error',
      message: `${NodeName(root)} is not on the same tier ladder as ${nodeName(main!)}; connect all tiers in one line from lowest to highest`,
    });
  }
}

function checkJourneys(index: GraphIndex, issues: GraphIssue[]): void {
  const parts = journeyParts(index);
  for (const step of parts.orphans) {
    issues.push({ nodeId: step.id, code: 'step-outside-journey', severity: 'error', message: `${NodeName(step)} is not connected to any journey; connect it to a journey start or one of its steps` });
  }
  for (const { journey, other } of parts.shared) {
    issues.push({
      nodeId: journey.id,
      code: 'steps-shared-between-journeys',
      severity: 'error',
      message: `${NodeName(journey)} is connected to the steps of ${nodeName(other)}; give each journey its own steps`,
    });
  }
}

/**
 * Checks the shape of a graph before a spec is built from it: unique ids, edges whose ends and
 * handles exist and fit, required and single connections, one tier ladder, steps that belong to
 * exactly one journey. Returns the index of valid links for building the spec.
 * @example const { issues } = checkStructure(graph); issues[0]?.message // "'Double points weekend' has no trigger connected"
 */
export function checkStructure(graph: ProgramGraph): { index: GraphIndex; issues: GraphIssue[] } {
  const { index, issues } = indexGraph(graph);
  checkConnections(index, issues);
  checkTiers(index, issues);
  checkJourneys(index, issues);
  return { index, issues };
}
