import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  it('maps ids to values, -1 for unknown ids, and replaces on a second set', () => {
    const ix = new IdIndex();
    ix.set('p1', 0);
    ix.set('p2', 7);
    expect([ix.get('p1'), ix.get('p2'), ix.get('p3'), ix.get('')]).toEqual([0, 7, -1, -1]);
    ix.set('p1', 3);
    expect([ix.get('p1'), ix.size]).toEqual([3, 2]);
  });

  it('keeps every entry across growth (100,000 ids)', () => {
    const ix = new IdIndex();
    for (let i = 0; i < 100_000; i++) ix.set(`m${i}`, i * 2);
    expect(ix.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 997) expect(ix.get(`m${i}`)).toBe(i * 2);
    expect(ix.get('m100000')).toBe(-1);
  });

  it('agrees with a Map on any sequence of sets and gets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.nat(1000), fc.boolean()), { maxLength: 300 }), (ops) => {
        const ix = new IdIndex();
        const map = new Map<string, number>();
        for (const [id, value, write] of ops) {
          if (write) {
            ix.set(id, value);
            map.set(id, value);
          } else expect(ix.get(id)).toBe(map.get(id) ?? -1);
        }
        for (const [id, value] of map) expect(ix.get(id)).toBe(value);
        expect(ix.size).toBe(map.size);
      }),
      { numRuns: 200 },
    );
  });
});
