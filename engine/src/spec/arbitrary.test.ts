import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programSpecArbitrary } from './arbitrary';
import { checkProgram } from './check-program';
import type { Journey } from './journeys';
import { stepLinks } from './journey-steps';
import { ProgramSpec } from './program-spec';

/** True when some step leads back to itself. */
function hasLoop(journey: Journey): boolean {
  const next = new Map(journey.steps.map((s) => [s.id, stepLinks(s).map((l) => l.to)]));
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    (next.get(from) ?? []).some((n) => n === to || (!seen.has(n) && (seen.add(n), reaches(n, to, seen))));
  return journey.steps.some((s) => reaches(s.id, s.id));
}

describe('programSpecArbitrary', () => {
  it('generates programs that parse unchanged and pass checkProgram without errors', () => {
    fc.assert(
      fc.property(programSpecArbitrary(), (spec) => {
        expect(ProgramSpec.parse(JSON.parse(JSON.stringify(spec)))).toStrictEqual(spec);
        expect(checkProgram(spec).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('generates varied programs: tiers, rules with conditions, journeys with loops and merges', () => {
    const specs = fc.sample(programSpecArbitrary(), { numRuns: 300, seed: 42 });
    const some = (f: (s: ProgramSpec) => boolean) => specs.some(f);
    expect(some((s) => s.tiers.length >= 3)).toBe(true);
    expect(some((s) => s.earningRules.some((r) => r.condition?.op === 'and'))).toBe(true);
    expect(some((s) => s.journeys.some((j) => j.steps.some((st) => st.kind === 'split')))).toBe(true);
    expect(some((s) => s.journeys.some((j) => j.steps.some((st) => st.kind === 'send')))).toBe(true);
    expect(some((s) => s.journeys.some(hasLoop))).toBe(true);
    expect(some((s) => s.tiers.some((t) => s.segments.some((g) => g.id === t.id)))).toBe(true);
    expect(some((s) => s.journeys.some((j) => new Set(j.steps.flatMap((st) => stepLinks(st).map((l) => l.to))).size < j.steps.flatMap(stepLinks).length))).toBe(true);
  });
});
