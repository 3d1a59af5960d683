import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, roundPoints } from './apportion';
import { capRoom } from './caps';

describe('apportion', () => {
  it('splits by largest remainder, ties to the earlier index', () => {
    expect(apportion(3, [1.5, 1.5])).toEqual([2, 1]);
    expect(apportion(33, [11.5, 5, 16.5])).toEqual([12, 5, 16]);
    expect(apportion(10, [7.826, 2.174])).toEqual([8, 2]);
    expect(apportion(0, [])).toEqual([]);
    expect(apportion(2, [0.999999999, 0.999999999])).toEqual([1, 1]);
  });

  it('always sums to the target; each share is floor or ceil of its quota when the target is the rounded sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.constantFrom('floor', 'round', 'ceil' as const), (quotas, mode) => {
        const target = roundPoints(quotas.reduce((a, b) => a + b, 0), mode);
        const shares = apportion(target, quotas);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(target);
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(Math.floor(quotas[i]! - 1e-6));
          expect(s).toBeLessThanOrEqual(Math.ceil(quotas[i]! + 1e-6));
        });
      }),
    );
  });

  it('gives a large basket the same units as one unit at a time to the largest remainder', () => {
    // The rule as first written: repeated max-search, earliest index on ties.
    const oneByOne = (target: number, quotas: number[]): number[] => {
      const q = quotas.map((x) => Math.max(0, Math.round(x * 1e6) / 1e6));
      const shares = q.map(Math.floor);
      const rests = q.map((x, i) => x - shares[i]!);
      for (let missing = target - shares.reduce((a, b) => a + b, 0); missing > 0; missing--) {
        let best = -1;
        for (let i = 0; i < q.length; i++) if (rests[i]! >= 0 && (best < 0 || rests[i]! > rests[best]!)) best = i;
        if (best < 0) break;
        shares[best]! += 1;
        rests[best] = -1;
      }
      return shares;
    };
    // Few distinct remainders, so ties are common.
    const quota = fc.oneof(fc.integer({ min: 0, max: 40 }).map((x) => x / 8), fc.double({ min: 0, max: 50, noNaN: true }));
    fc.assert(
      fc.property(fc.array(quota, { minLength: 9, maxLength: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), (quotas, u) => {
        const floors = quotas.reduce((a, x) => a + Math.floor(Math.round(x * 1e6) / 1e6), 0);
        const target = floors + Math.floor(u * quotas.length);
        expect(apportion(target, quotas)).toEqual(oneByOne(target, quotas));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds away float noise before floor and ceil', () => {
    expect(roundPoints((0.1 + 0.2) * 10, 'floor')).toBe(3);
    expect(roundPoints(3.0000000000004, 'ceil')).toBe(3);
    expect(roundPoints(2.5, 'round')).toBe(3);
  });
});

describe('capRoom', () => {
  it('takes the tightest limit, times first', () => {
    expect(capRoom({}, undefined).room).toBe(Number.POSITIVE_INFINITY);
    expect(capRoom({ perMemberPerDay: 20 }, { day: 15 })).toEqual({ room: 5, by: 'cap' });
    expect(capRoom({ perMemberPerDay: 20, campaignBudgetPoints: 100 }, { day: 0, campaign: 97 })).toEqual({ room: 3, by: 'budget' });
    expect(capRoom({ perMemberPerDay: 20, timesPerMember: 3 }, { times: 3 })).toEqual({ room: 0, by: 'cap' });
    expect(capRoom({ perMemberPerMonth: 20 }, { month: 25 })).toEqual({ room: 0, by: 'cap' });
  });
});
