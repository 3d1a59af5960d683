import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programSpecArbitrary } from '../spec/arbitrary';
import { syntheticDataset } from './datasets';
import { ReplayOptions } from './options';
import { ReplayEngine } from './replay-engine';
import { buildResult } from './result';

/** Replays a small synthetic history and returns the result and the engine (to inspect balances). */
function run(spec: Parameters<typeof buildResult>[0]['spec'], seed: number, probability: number, returnRate: number) {
  const ds = syntheticDataset({ seed, members: 40, events: 300, days: 500, returnRate });
  const engine = new ReplayEngine(spec, ReplayOptions.parse({ redemptions: { probability, seed } }));
  for (const m of ds.members()) engine.addMember(m);
  for (const e of ds.eventsSync()) engine.handle(e);
  const end = ds.stats?.end ?? engine.now;
  engine.finish(end);
  return { engine, result: buildResult(engine, ds, end) };
}

describe('replay properties over random programs and histories', () => {
  it('conserves points, never goes negative, and tiers and members add up', () => {
    fc.assert(
      fc.property(
        programSpecArbitrary(),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (spec, seed, probability, returnRate) => {
          const { engine, result } = run(spec, seed, probability, returnRate);
          const p = result.points;
          expect(p.opening + p.issued).toBe(p.redeemed + p.expired + p.reversed + p.outstanding);
          expect(p.outstanding).toBe(p.available + p.pending);
          for (let m = 0; m < engine.members.count; m++) {
            expect(engine.lots.available[m]).toBeGreaterThanOrEqual(0);
            expect(engine.lots.pending[m]).toBeGreaterThanOrEqual(0);
          }
          const monthly = result.months.reduce((s, m) => s + m.issued - m.redeemed - m.expired - m.reversed, 0);
          expect(monthly).toBe(p.outstanding);
          expect(result.months.at(-1)?.outstanding).toBe(p.outstanding);
          if (spec.tiers.length > 0) expect(Object.values(result.tiers.final).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(result.counts.joinedMembers);
          expect(result.rewards.reduce((s, r) => s + r.points, 0)).toBe(p.redeemed);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('repeats exactly: the same program, history and model give the same result', () => {
    fc.assert(
      fc.property(programSpecArbitrary(), fc.integer({ min: 1, max: 1000 }), (spec, seed) => {
        expect(run(spec, seed, 0.5, 0.1).result).toEqual(run(spec, seed, 0.5, 0.1).result);
      }),
      { numRuns: 15 },
    );
  });
});
