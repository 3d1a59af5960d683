import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasTable, createRandom, cumulative, pickAlias, pickCumulative, poisson } from './random';

describe('random', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
    expect(createRandom(1)()).not.toBe(createRandom(2)());
  });

  it('samples weights with alias tables and cumulative search alike', () => {
    const weights = [1, 0, 3, 6];
    const t = aliasTable(weights);
    const cum = cumulative(weights);
    const r = createRandom(9);
    const a = [0, 0, 0, 0];
    const c = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) {
      a[pickAlias(t, r())]! += 1;
      c[pickCumulative(cum, r())]! += 1;
    }
    for (const counts of [a, c]) {
      expect(counts[1]).toBe(0);
      expect(counts[0]! / 100_000).toBeCloseTo(0.1, 1);
      expect(counts[3]! / 100_000).toBeCloseTo(0.6, 1);
    }
    expect(pickCumulative(cum, 0.99, 1)).toBe(0);
  });

  it('draws Poisson counts with the right mean', () => {
    const r = createRandom(3);
    for (const mean of [0.5, 7, 2_000]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += poisson(r, mean);
      expect(sum / 20_000 / mean).toBeCloseTo(1, 1);
    }
  });
});
