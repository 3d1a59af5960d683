import { describe, expect, it } from 'vitest';
import { NODE_KINDS, PALETTE_GROUPS } from './catalog';
import { NodeKind, STEP_KINDS } from './schema';

describe('NODE_KINDS', () => {
  it('describes every node kind, in a palette group', () => {
    expect(Object.keys(NODE_KINDS).sort()).toEqual([...NodeKind.options].sort());
    for (const def of Object.values(NODE_KINDS)) expect(PALETTE_GROUPS).toContain(def.group);
  });

  it('allows a connection from both ends or from neither', () => {
    for (const from of Object.values(NODE_KINDS)) {
      for (const out of from.outputs) {
        for (const to of out.connects) {
          expect(NODE_KINDS[to].inputs.some((i) => i.connects.includes(from.kind)), `${from.kind}.${out.id} -> ${to}`).toBe(true);
        }
      }
      for (const input of from.inputs) {
        for (const source of input.connects) {
          const outs = source === 'split' ? [{ connects: STEP_KINDS }] : NODE_KINDS[source].outputs;
          expect(outs.some((o) => (o.connects as readonly string[]).includes(from.kind)), `${source} -> ${from.kind}.${input.id}`).toBe(true);
        }
      }
    }
  });

  it('gives every step an input and required single next steps', () => {
    for (const kind of STEP_KINDS) {
      expect(NODE_KINDS[kind].inputs.map((h) => h.id)).toContain('in');
      for (const out of NODE_KINDS[kind].outputs) expect(out).toMatchObject({ max: 1, required: true });
    }
  });
});
