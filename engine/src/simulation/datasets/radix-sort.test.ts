import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmallInts } from './radix-sort';

describe('sortSmallInts', () => {
  it('sorts the first n entries like a numeric sort and leaves the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: (1 << 18) - 1 }), { maxLength: 3000 }), fc.nat(5), (values, extra) => {
        const a = Int32Array.from([...values, ...Array.from({ length: extra }, () => 7)]);
        sortSmallInts(a, values.length, new Int32Array(values.length));
        expect([...a.subarray(0, values.length)]).toEqual([...values].sort((x, y) => x - y));
        expect([...a.subarray(values.length)]).toEqual(Array.from({ length: extra }, () => 7));
      }),
      { numRuns: 200 },
    );
  });
});
