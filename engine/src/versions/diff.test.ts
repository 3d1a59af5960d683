import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beanClub, type ProgramSpec } from '../spec';
import { programSpecArbitrary } from '../spec/arbitrary';
import { applyChanges } from './apply-changes';
import { diffPrograms } from './diff';
import { jsonEqual } from './json-values';
import { editedSpec } from './spec-edits';

function edited(change: (spec: ProgramSpec) => void): ProgramSpec {
  const spec = beanClub();
  change(spec);
  return spec;
}

const messages = (after: ProgramSpec, before = beanClub()) => diffPrograms(before, after).map((c) => c.message);

describe('diffPrograms: examples', () => {
  it('reports a tier benefit change by tier name', () => {
    const changes = diffPrograms(beanClub(), edited((s) => (s.tiers[2]!.benefits.earnMultiplier = 2)));
    expect(changes).toEqual([
      { path: ['tiers', 2, 'benefits', 'earnMultiplier'], kind: 'changed', area: 'tiers', itemId: 'gold', before: 1.5, after: 2, message: 'Gold: earn multiplier 1.5 -> 2' },
    ]);
  });

  it('recognises a rename and a reorder by id', () => {
    expect(messages(edited((s) => (s.tiers[1]!.name = 'Plus')))).toEqual(["Tier 'Silver' renamed to 'Plus'"]);
    const moved = edited((s) => s.tiers.push(s.tiers.shift()!));
    expect(diffPrograms(beanClub(), moved)).toEqual([
      { path: ['tiers', 2], kind: 'moved', area: 'tiers', itemId: 'green', before: 0, after: 2, message: "Tier 'Green' moved from position 1 to 3" },
    ]);
  });

  it('reports added and removed rules by name', () => {
    const after = edited((s) => {
      s.earningRules.push({ ...structuredClone(s.earningRules[4]!), id: 'rule-birthday', name: 'Birthday bonus', trigger: { kind: 'birthday' } });
      s.fraudRules.splice(1, 1);
    });
    expect(messages(after)).toEqual(["Earning rule 'Birthday bonus' added", "Fraud rule 'Unusually large purchase' removed"]);
    const [added, removed] = diffPrograms(beanClub(), after);
    expect(removed).toMatchObject({ kind: 'removed', area: 'fraud', path: ['fraudRules', 1], itemId: 'fraud-big-basket' });
    expect(added).toMatchObject({ kind: 'added', area: 'earning', path: ['earningRules', 5], itemId: 'rule-birthday' });
  });

  it('describes condition, effect and expiry changes in sentences', () => {
    const after = edited((s) => {
      s.earningRules[2]!.condition = { op: 'day-of-week', days: ['sat', 'sun'] };
      s.earningRules[0]!.effect = { kind: 'per-currency-unit', points: 2, unitAmount: 1 };
      s.pointsLifecycle.expiry = { kind: 'inactivity', months: 24 };
      s.earningRules[3]!.enabled = false;
    });
    expect(messages(after)).toEqual([
      "'Beans on every purchase': effect changed from “1 Bean for every 1.00 EUR spent” to “2 Beans for every 1.00 EUR spent”",
      "'Double points weekend': condition changed from “the day is Saturday or Sunday, the purchase total is at least 10.00 EUR and the purchase channel is 'store'” to “the day is Saturday or Sunday”",
      "'Gold early birds': switched off",
      'Beans expire after 24 months of inactivity (was: beans expire at the end of the year after the one they were earned in)',
    ]);
    const inactivity = edited((s) => (s.pointsLifecycle.expiry = { kind: 'inactivity', months: 12 }));
    const longer = edited((s) => (s.pointsLifecycle.expiry = { kind: 'inactivity', months: 24 }));
    expect(messages(longer, inactivity)).toEqual(['Beans expire after 24 months of inactivity instead of 12']);
  });

  it('names journey steps, message texts, perks and settings', () => {
    const after = edited((s) => {
      s.journeys[0]!.steps[2] = { id: 'nudge-bonus', name: 'Nudge with bonus', kind: 'award', points: 50, reason: 'Welcome nudge', next: 'done' };
      s.messages[1]!.variants[1]!.body = 'Komm vorbei!';
      s.tiers[2]!.benefits.perks.push('Free oat milk');
      s.program.locales.push('it');
      s.spending.maxBasketShare = 0.6;
      delete s.rewards[2]!.stock;
    });
    expect(messages(after)).toEqual([
      "Program: language 'it' added",
      "Gold: perk 'Free oat milk' added",
      "'Coffee tasting for two': stock removed (was 40)",
      'Spending: largest share of a basket payable with points 0.5 -> 0.6',
      "'We miss you (push)', text in 'de': body 'Komm diese Woche vorbei, {{ member.firstName }}!' -> 'Komm vorbei!'",
      "'Welcome series', step 'Nudge with bonus' changed from “Award 25 Beans (Welcome nudge), then go to 'done'” to “Award 50 Beans (Welcome nudge), then go to 'done'”",
    ]);
  });
});

describe('diffPrograms: properties', () => {
  it('finds nothing between a version and itself', () => {
    fc.assert(
      fc.property(editedSpec(), (spec) => {
        expect(diffPrograms(spec, structuredClone(spec))).toEqual([]);
      }),
    );
  });

  it('lists changes that rebuild the other version exactly', () => {
    fc.assert(
      fc.property(editedSpec(), editedSpec(), (a, b) => {
        const changes = diffPrograms(a, b);
        const rebuilt = applyChanges(a, changes);
        expect(jsonEqual(rebuilt, b)).toBe(true);
        expect(changes.length === 0).toBe(jsonEqual(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds between any two valid programs, with a message for each change', () => {
    fc.assert(
      fc.property(programSpecArbitrary(), programSpecArbitrary(), (a, b) => {
        const changes = diffPrograms(a, b);
        expect(jsonEqual(applyChanges(a, changes), b)).toBe(true);
        expect(diffPrograms(a, structuredClone(a))).toEqual([]);
        for (const change of changes) expect(change.message).not.toMatch(/\[object|undefined\b/);
      }),
      { numRuns: 100 },
    );
  });

  it('does not modify its inputs', () => {
    fc.assert(
      fc.property(editedSpec(), (b) => {
        const a = beanClub();
        const copy = structuredClone(b);
        applyChanges(a, diffPrograms(a, b));
        expect(a).toEqual(beanClub());
        expect(b).toEqual(copy);
      }),
    );
  });

  it('explains every change in a sentence without raw JSON', () => {
    fc.assert(
      fc.property(editedSpec(), editedSpec(), (a, b) => {
        for (const change of diffPrograms(a, b)) {
          expect(change.message.trim().length).toBeGreaterThan(3);
          expect(change.message).not.toMatch(/\{"|":|\[object|undefined|NaN/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
