import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beanClub } from '../spec';
import { programSpecArbitrary } from '../spec/arbitrary';
import { decompile } from './decompile';
import { LAYOUT_CELL, layoutGraph } from './layout';
import type { ProgramGraph } from './schema';

const overlaps = (graph: ProgramGraph) => {
  const seen = new Set<string>();
  return graph.nodes.filter((n) => {
    const key = `${Math.floor(n.position.x / LAYOUT_CELL.width)}/${Math.floor(n.position.y / LAYOUT_CELL.height)}`;
    const clash = seen.has(key);
    seen.add(key);
    return clash;
  });
};

describe('decompile layout', () => {
  const graph = decompile(beanClub());
  const pos = (id: string) => graph.nodes.find((n) => n.id === id)!.position;

  it('puts every node on its own grid cell, the same way every time', () => {
    expect(overlaps(graph)).toEqual([]);
    expect(graph.nodes.every((n) => n.position.x % LAYOUT_CELL.width === 0 && n.position.y % LAYOUT_CELL.height === 0)).toBe(true);
    expect(decompile(beanClub())).toStrictEqual(graph);
    expect(layoutGraph(graph)).toStrictEqual(graph);
  });

  it('reads earning flows left to right, one row per rule', () => {
    const row = ['trigger:rule-double-weekend', 'condition:rule-double-weekend', 'rule:rule-double-weekend'].map(pos);
    expect(row.map((p) => p.y)).toEqual([row[0]!.y, row[0]!.y, row[0]!.y]);
    expect(row.map((p) => p.x)).toEqual([0, 300, 600]);
    expect(pos('group:campaigns').x).toBe(900);
    expect(pos('group:campaigns').y).toBe(pos('rule:rule-double-weekend').y);
    expect(pos('rule:rule-pastry-bonus').y).toBeGreaterThan(pos('rule:rule-base-points').y);
  });

  it('stacks the tier ladder in one column, lowest first, and rewards in a grid', () => {
    const tiers = ['tier:green', 'tier:silver', 'tier:gold'].map(pos);
    expect(new Set(tiers.map((p) => p.x)).size).toBe(1);
    expect(tiers.map((p) => p.y)).toEqual([0, 150, 300]);
    expect(['reward:reward-free-coffee', 'reward:reward-5-off', 'reward:reward-tasting'].map((id) => pos(id).y)).toEqual([0, 0, 0]);
  });

  it('lays each journey out left to right by distance from its first step', () => {
    const start = pos('journey:journey-welcome');
    expect(pos('step:journey-welcome:send-welcome')).toEqual({ x: start.x + 300, y: start.y });
    expect(pos('step:journey-welcome:wait-first-visit').x).toBe(start.x + 600);
    expect(pos('step:journey-welcome:nudge-bonus').x).toBe(start.x + 900);
    expect(pos('step:journey-welcome:done').x).toBe(start.x + 900);
    expect(pos('journey:journey-winback').y).toBeGreaterThan(pos('step:journey-welcome:done').y);
    expect(pos('message:msg-welcome').y).toBeGreaterThan(pos('segment:seg-lapsed').y);
  });

  it('never overlaps nodes of generated programs', () => {
    fc.assert(fc.property(programSpecArbitrary(), (spec) => overlaps(decompile(spec)).length === 0), { numRuns: 50 });
  });
});
