import { outputHandles } from './catalog';
import type { GraphIndex } from './links';
import { indexGraph } from './links';
import { journeyParts, nodesOf, tierLadder } from './parts';
import type { GraphNode, ProgramGraph, StepNode } from './schema';
import { isStepNode } from './schema';

/** The box the layout reserves for one node; the studio's node components should fit in it. */
export const LAYOUT_CELL = { width: 300, height: 150 } as const;

/** Places nodes in grid cells; a taken cell pushes the node down to the next free row of its column. */
class Grid {
  readonly cells = new Map<GraphNode, { col: number; row: number }>();
  private taken = new Set<string>();
  rows = 0;

  place(node: GraphNode | undefined, col: number, row: number): number {
    if (!node || this.cells.has(node)) return -1;
    let r = row;
    while (this.taken.has(`${col}/${r}`)) r++;
    this.taken.add(`${col}/${r}`);
    this.cells.set(node, { col, row: r });
    this.rows = Math.max(this.rows, r + 1);
    return r;
  }

  has(node: GraphNode | undefined): boolean {
    return !!node && this.cells.has(node);
  }
}

/** Earning flows in rows: trigger, condition, rule; groups in a column next to their first rule. */
function layoutEarning(index: GraphIndex, grid: Grid, top: number): void {
  let row = top;
  const groupRow = new Map<string, number>();
  for (const rule of nodesOf(index, 'earning-rule')) {
    const when = index.in(rule.id, 'when')[0]?.source;
    const condition = when?.kind === 'condition' ? when : undefined;
    const trigger = condition ? index.in(condition.id, 'when')[0]?.source : when;
    grid.place(trigger, 0, row);
    grid.place(condition, 1, row);
    grid.place(rule, 2, row);
    const group = index.out(rule.id, 'group')[0]?.target;
    if (group && !groupRow.has(group.id)) groupRow.set(group.id, row);
    row++;
  }
  for (const n of nodesOf(index, 'trigger')) if (!grid.has(n)) grid.place(n, 0, row++);
  for (const n of nodesOf(index, 'condition')) if (!grid.has(n)) grid.place(n, 1, row++);
  let next = top;
  for (const group of nodesOf(index, 'promotion-group')) next = grid.place(group, 3, Math.max(next, groupRow.get(group.id) ?? next)) + 1;
}

function layoutGrid(nodes: readonly GraphNode[], grid: Grid, col: number, width: number, top: number): void {
  nodes.forEach((n, i) => grid.place(n, col + (i % width), top + Math.floor(i / width)));
}

/** Steps of one journey left to right by distance from the first step; unreached steps last. */
function layoutJourney(index: GraphIndex, grid: Grid, journey: GraphNode, entry: StepNode | undefined, steps: StepNode[], top: number): void {
  grid.place(journey, 1, top);
  const depth = new Map<string, number>();
  const queue: StepNode[] = entry ? [entry] : [];
  if (entry) depth.set(entry.id, 0);
  while (queue.length) {
    const step = queue.shift()!;
    for (const handle of outputHandles(step)) {
      const next = index.out(step.id, handle.id)[0]?.target;
      if (!next || !isStepNode(next) || depth.has(next.id)) continue;
      depth.set(next.id, depth.get(step.id)! + 1);
      queue.push(next);
    }
  }
  const last = Math.max(-1, ...depth.values()) + 1;
  const ordered = [...(entry ? [entry] : []), ...steps.filter((s) => s !== entry)].sort((a, b) => (depth.get(a.id) ?? last) - (depth.get(b.id) ?? last));
  const used = new Map<number, number>();
  for (const step of ordered) {
    const d = depth.get(step.id) ?? last;
    grid.place(step, 2 + d, top + (used.get(d) ?? 0));
    used.set(d, (used.get(d) ?? 0) + 1);
  }
}

/**
 * Lays a graph out, deterministically and without overlaps, on a grid of `LAYOUT_CELL`s, in bands:
 * earning flows left to right in rows (trigger, condition, rule, group), the tier ladder in a column
 * and rewards in a grid beside them; segments and fraud rules below; then messages in a column and
 * each journey as a left-to-right flow by distance from its first step. Only positions change.
 * @example const tidy = layoutGraph(graph); tidy.nodes[0]?.position // { x: 0, y: 0 }
 */
export function layoutGraph(graph: ProgramGraph): ProgramGraph {
  const { index } = indexGraph(graph);
  const grid = new Grid();
  layoutEarning(index, grid, 0);
  tierLadder(index).order.forEach((t, i) => grid.place(t, 5, i));
  layoutGrid(nodesOf(index, 'reward'), grid, 7, 3, 0);

  let top = grid.rows + 1;
  layoutGrid(nodesOf(index, 'segment'), grid, 0, 4, top);
  layoutGrid(nodesOf(index, 'fraud-rule'), grid, 5, 3, top);

  top = grid.rows + 1;
  nodesOf(index, 'message').forEach((m, i) => grid.place(m, 0, top + i));
  const parts = journeyParts(index);
  let cursor = top;
  for (const journey of nodesOf(index, 'journey')) {
    const before = grid.rows;
    grid.rows = cursor;
    layoutJourney(index, grid, journey, parts.entry.get(journey.id), parts.steps.get(journey.id) ?? [], cursor);
    cursor = grid.rows;
    grid.rows = Math.max(before, cursor);
  }
  parts.orphans.forEach((s, i) => grid.place(s, 1 + (i % 4), cursor + Math.floor(i / 4)));

  let rest = grid.rows + 1;
  for (const node of graph.nodes) if (!grid.has(node)) grid.place(node, 0, rest++);
  const position = (n: GraphNode) => {
    const cell = grid.cells.get(n)!;
    return { x: cell.col * LAYOUT_CELL.width, y: cell.row * LAYOUT_CELL.height };
  };
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: position(n) })) };
}
