import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition, ProgramSpecInput } from '../spec';
import { compileProgram } from './compile-program';
import { addToCounters } from './counters';
import { evaluate } from './evaluate-event';
import type { Counters, EvaluationFacts } from './facts';
import { program, purchase } from './test-helpers';

type RuleInput = NonNullable<ProgramSpecInput['earningRules']>[number];
type Effect = RuleInput['effect'];

const itemsWhere = fc.constantFrom<Condition | undefined>(undefined, { op: 'eq', field: 'item.category', value: 'pastry' }, { op: 'in', field: 'item.category', values: ['coffee', 'tea'] });
const condition = fc.constantFrom<Condition | undefined>(
  undefined,
  { op: 'eq', field: 'event.channel', value: 'store' },
  { op: 'day-of-week', days: ['sat', 'sun'] },
  { op: 'any-item', where: { op: 'eq', field: 'item.category', value: 'pastry' } },
  { op: 'gte', field: 'event.total', value: 10 },
  { op: 'time-between', from: '06:00', to: '12:00' },
);
const plainEffect: fc.Arbitrary<Effect> = fc.oneof(
  fc.record({ kind: fc.constant('fixed' as const), points: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('per-currency-unit' as const), points: fc.integer({ min: 1, max: 40 }).map((x) => x / 4), unitAmount: fc.constantFrom(1, 2.5, 10), itemsWhere }),
  fc.record({ kind: fc.constant('per-item' as const), points: fc.integer({ min: 1, max: 30 }).map((x) => x / 3), itemsWhere }),
);
const anyEffect: fc.Arbitrary<Effect> = fc.oneof(plainEffect, fc.record({ kind: fc.constant('multiplier' as const), factor: fc.integer({ min: 11, max: 40 }).map((x) => x / 10) }));
const opt = (a: fc.Arbitrary<number>) => fc.option(a, { nil: undefined });
const caps = fc.record({
  perMemberPerDay: opt(fc.integer({ min: 1, max: 60 })),
  perMemberPerWeek: opt(fc.integer({ min: 1, max: 120 })),
  perMemberPerMonth: opt(fc.integer({ min: 1, max: 200 })),
  perMemberTotal: opt(fc.integer({ min: 1, max: 300 })),
  timesPerMember: opt(fc.integer({ min: 1, max: 5 })),
  campaignBudgetPoints: opt(fc.integer({ min: 1, max: 250 })),
});
const groupIds = ['g0', 'g1', 'g2'];
const rules = (effect: fc.Arbitrary<Effect>, withCaps: boolean, groups = groupIds) =>
  fc.array(fc.record({ effect, condition, groupId: fc.constantFrom(...groups), caps: withCaps ? caps : fc.constant({}) }), { minLength: 1, maxLength: 6 }).map((rs) =>
    rs.map((r, i): RuleInput => ({ id: `r${i}`, name: `Rule ${i}`, trigger: { kind: 'purchase' }, ...r, condition: r.condition })),
  );
const stackings = fc.tuple(...groupIds.map(() => fc.constantFrom('stack' as const, 'best-of' as const, 'exclusive' as const)));
const groupsOf = (s: readonly string[]) => groupIds.map((id, i) => ({ id, name: id, priority: i * 10, stacking: s[i] as 'stack' }));

const item = fc.record({
  sku: fc.constantFrom('A', 'B', 'C'),
  category: fc.constantFrom('coffee', 'pastry', 'tea'),
  quantity: fc.integer({ min: 1, max: 5 }),
  price: fc.integer({ min: 0, max: 2000 }).map((c) => c / 100),
});
const facts: fc.Arbitrary<EvaluationFacts> = fc
  .record({
    items: fc.array(item, { maxLength: 6 }),
    at: fc.integer({ min: Date.parse('2025-01-01'), max: Date.parse('2026-01-01') }),
    tier: fc.constantFrom('green', 'gold', undefined),
    channel: fc.constantFrom('store', 'online', 'app'),
    total: opt(fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100)),
  })
  .map((f) => purchase(new Date(f.at).toISOString(), f.items, { event: { channel: f.channel, total: f.total }, member: { tier: f.tier } }));

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('evaluation properties', () => {
  it('points are whole, never negative, and attribution sums match exactly; evaluation is deterministic', () => {
    fc.assert(
      fc.property(rules(anyEffect, true), stackings, facts, fc.dictionary(fc.constantFrom('r0', 'r1', 'r2'), fc.record({ day: fc.nat(80), times: fc.nat(3), campaign: fc.nat(300) })), (rs, st, f, counters) => {
        const compiled = compileProgram(program(rs, groupsOf(st)));
        const r = evaluate(compiled, f, counters);
        expect(Number.isInteger(r.points) && r.points >= 0).toBe(true);
        expect(r.exactPoints).toBeGreaterThanOrEqual(0);
        expect(sum(r.lines.map((l) => l.points))).toBe(r.points);
        for (const l of r.lines) {
          expect(Number.isInteger(l.points) && l.points >= 0).toBe(true);
          if (f.items.length === 0) expect(l.perItem).toBeUndefined();
          else expect(sum(l.perItem!.map((p) => p.points))).toBe(l.points);
          for (const p of l.perItem ?? []) expect(p.points).toBeGreaterThan(0);
        }
        expect(evaluate(compiled, structuredClone(f), counters)).toEqual(r);
        expect(evaluate(compileProgram(program(rs, groupsOf(st))), f, counters)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });

  it('stack equals the sum of the rules alone; best-of equals the max', () => {
    fc.assert(
      fc.property(rules(plainEffect, false, ['g0']), facts, (rs, f) => {
        const alone = rs.map((r) => evaluate(compileProgram(program([r], groupsOf(['stack']))), f).exactPoints);
        const stacked = evaluate(compileProgram(program(rs, groupsOf(['stack']))), f);
        expect(stacked.exactPoints).toBeCloseTo(sum(alone), 6);
        const best = evaluate(compileProgram(program(rs, groupsOf(['best-of']))), f);
        expect(best.exactPoints).toBeCloseTo(Math.max(...alone), 9);
        expect(best.lines.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('exclusive: at most one rule from the group, and nothing from later groups once it matched', () => {
    fc.assert(
      fc.property(rules(anyEffect, false), facts, (rs, f) => {
        const r = evaluate(compileProgram(program(rs, groupsOf(['stack', 'exclusive', 'stack']))), f);
        const fromG1 = r.lines.filter((l) => l.groupId === 'g1');
        expect(fromG1.length).toBeLessThanOrEqual(1);
        if (fromG1.length === 1) expect(r.lines.filter((l) => l.groupId === 'g2')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('caps and budgets are never exceeded over a sequence of events when counters are updated with the results', () => {
    fc.assert(
      fc.property(rules(anyEffect, true), stackings, fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const), fc.array(facts, { minLength: 1, maxLength: 15 }), (rs, st, rounding, events) => {
        const spec = program(rs, groupsOf(st), { pointsLifecycle: { rounding } });
        const compiled = compileProgram(spec);
        let counters: Counters = {};
        for (const f of events) counters = addToCounters(counters, evaluate(compiled, f, counters));
        for (const rule of spec.earningRules) {
          const c = counters[rule.id];
          if (!c) continue;
          const k = rule.caps;
          // one window: day, week and month counters all hold the whole sequence
          for (const [cap, used] of [[k.perMemberPerDay, c.day], [k.perMemberPerWeek, c.week], [k.perMemberPerMonth, c.month], [k.perMemberTotal, c.total], [k.campaignBudgetPoints, c.campaign], [k.timesPerMember, c.times]] as const) {
            if (cap !== undefined) expect(used ?? 0).toBeLessThanOrEqual(cap);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
