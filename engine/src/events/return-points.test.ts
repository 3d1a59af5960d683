import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reversalFor, type ReturnableLine } from './return-points';

const line = (lineRef: string, quantity: number, price: number, returnedBefore = 0): ReturnableLine => ({ lineRef, quantity, price, returnedBefore });

describe('reversalFor', () => {
  it('takes back the returned share of each rule on the line', () => {
    const awards = [
      { ruleId: 'base', lineRef: 'l1', points: 9 },
      { ruleId: 'bonus', lineRef: 'l1', points: 5 },
      { ruleId: 'base', lineRef: 'l2', points: 3 },
    ];
    expect(reversalFor(awards, [line('l1', 3, 3), line('l2', 1, 3)], new Map([['l1', 1]]))).toEqual([
      { ruleId: 'base', lineRef: 'l1', points: 3 },
      { ruleId: 'bonus', lineRef: 'l1', points: 1 },
    ]);
  });

  it('gives back the rest exactly when the last units come back', () => {
    const awards = [{ ruleId: 'bonus', lineRef: 'l1', points: 5 }];
    expect(reversalFor(awards, [line('l1', 3, 3, 2)], new Map([['l1', 1]]))).toEqual([{ ruleId: 'bonus', lineRef: 'l1', points: 5 - Math.floor((5 * 2) / 3) }]);
  });

  it('splits event-level points by money returned', () => {
    const awards = [{ ruleId: 'fixed', lineRef: null, points: 100 }];
    expect(reversalFor(awards, [line('l1', 1, 30), line('l2', 1, 70)], new Map([['l2', 1]]))).toEqual([{ ruleId: 'fixed', lineRef: null, points: 70 }]);
  });

  it('partial returns in any order add up to exactly what the line earned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), (points, parts) => {
        const quantity = parts.reduce((s, p) => s + p, 0);
        let before = 0;
        let total = 0;
        for (const k of parts) {
          const r = reversalFor([{ ruleId: 'r', lineRef: 'l', points }], [line('l', quantity, 2, before)], new Map([['l', k]]));
          total += r.reduce((s, a) => s + a.points, 0);
          before += k;
          expect(total).toBeLessThanOrEqual(points);
        }
        expect(total).toBe(points);
      }),
    );
  });
});
