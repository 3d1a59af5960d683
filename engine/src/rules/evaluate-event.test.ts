import { describe, expect, it } from 'vitest';
import { beanClub } from '../spec';
import { compileProgram } from './compile-program';
import { evaluate } from './evaluate-event';
import type { EvaluationResult } from './evaluate-event';
import type { Counters, EvaluationFacts } from './facts';
import { eventAt, program, purchase, rule } from './test-helpers';

const SAT = '2025-09-06T10:00:00Z';
const latteAndCroissant = [
  { sku: 'SKU-LATTE-M', category: 'coffee', quantity: 2, price: 4.5 },
  { sku: 'SKU-CROISSANT', category: 'pastry', quantity: 1, price: 2.5 },
];
const basket = (extra: Parameters<typeof purchase>[2] = {}) => purchase(SAT, latteAndCroissant, extra);
const run = (spec: ReturnType<typeof program>, facts: EvaluationFacts = basket(), counters: Counters = {}) => evaluate(compileProgram(spec), facts, counters);
const pointsOf = (r: EvaluationResult) => Object.fromEntries(r.lines.map((l) => [l.ruleId, l.points]));
const skips = (r: EvaluationResult) => Object.fromEntries(r.skipped.map((s) => [s.ruleId, s.reason]));

describe('Bean Club', () => {
  it('scenario "Weekend latte and croissant" earns 33 Beans: (11.5 + 5) x 2, rounded once', () => {
    const scenario = beanClub().scenarios[0]!;
    const [p] = scenario.when;
    if (p?.kind !== 'purchase') throw new Error('fixture changed');
    const facts = purchase(`${scenario.given.startDate}T10:00:00Z`, p.items, { event: { channel: p.channel } });
    const r = evaluate(compileProgram(beanClub()), facts);
    expect(r.points).toBe(scenario.then.balance?.available);
    expect(r.points).toBe(33);
    expect(pointsOf(r)).toEqual({ 'rule-base-points': 12, 'rule-pastry-bonus': 5, 'rule-double-weekend': 16 });
    expect(skips(r)).toEqual({ 'rule-morning-gold': 'condition' });
  });

  it('gold member: tier multiplier before rounding (49.5 -> 49); early-bird fixed 15 x 1.5 loses best-of to double points', () => {
    const r = evaluate(compileProgram(beanClub()), purchase('2025-09-06T05:00:00Z', latteAndCroissant, { member: { tier: 'gold' } }));
    expect(r.exactPoints).toBe(49.5);
    expect(r.points).toBe(49);
    expect(skips(r)['rule-morning-gold']).toBe('stacking');
  });

  it('weekday: no double points; sign-up gives 50 once', () => {
    const compiled = compileProgram(beanClub());
    expect(evaluate(compiled, purchase('2025-09-08T10:00:00Z', latteAndCroissant)).points).toBe(16);
    const signUp = eventAt('sign-up', SAT);
    expect(evaluate(compiled, signUp).points).toBe(50);
    const again = evaluate(compiled, signUp, { 'rule-welcome': { times: 1 } });
    expect(again.points).toBe(0);
    expect(skips(again)).toEqual({ 'rule-welcome': 'cap' });
  });
});

describe('effects', () => {
  it('per-currency-unit on the event total, continuous, with a unit amount', () => {
    expect(run(program([rule('r', { kind: 'per-currency-unit', points: 1 })])).exactPoints).toBe(11.5);
    const r = run(program([rule('r', { kind: 'per-currency-unit', points: 2, unitAmount: 5 })]));
    expect(r.exactPoints).toBeCloseTo(4.6, 9);
    expect(r.points).toBe(4);
  });

  it('per-currency-unit uses the paid total when given and splits it by line amount', () => {
    const r = run(program([rule('r', { kind: 'per-currency-unit', points: 1 })]), basket({ event: { total: 10 } }));
    expect(r.points).toBe(10);
    expect(r.lines[0]?.perItem).toEqual([{ lineRef: 'l1', points: 8 }, { lineRef: 'l2', points: 2 }]);
  });

  it('per-currency-unit on matching lines only', () => {
    const r = run(program([rule('r', { kind: 'per-currency-unit', points: 1, itemsWhere: { op: 'eq', field: 'item.category', value: 'coffee' } })]));
    expect(r.points).toBe(9);
    expect(r.lines[0]).toMatchObject({ itemRefs: ['l1'], perItem: [{ lineRef: 'l1', points: 9 }] });
  });

  it('per-item counts quantities, on all or matching lines', () => {
    expect(run(program([rule('r', { kind: 'per-item', points: 2 })])).points).toBe(6);
    const pastry = run(program([rule('r', { kind: 'per-item', points: 5, itemsWhere: { op: 'eq', field: 'item.category', value: 'pastry' } })]));
    expect(pastry.lines[0]).toMatchObject({ points: 5, itemRefs: ['l2'], perItem: [{ lineRef: 'l2', points: 5 }] });
    const none = run(program([rule('r', { kind: 'per-item', points: 5, itemsWhere: { op: 'eq', field: 'item.category', value: 'tea' } })]));
    expect(skips(none)).toEqual({ r: 'no-points' });
  });

  it('fixed points, split over lines by amount; none on events without lines', () => {
    const r = run(program([rule('r', { kind: 'fixed', points: 10 })]));
    expect(r.lines[0]?.perItem).toEqual([{ lineRef: 'l1', points: 8 }, { lineRef: 'l2', points: 2 }]);
    const signUp = run(program([rule('r', { kind: 'fixed', points: 10 }, { trigger: { kind: 'sign-up' } })]), eventAt('sign-up', SAT));
    expect(signUp.points).toBe(10);
    expect(signUp.lines[0]?.perItem).toBeUndefined();
  });

  it('multiplier counts earlier groups factor times, and does nothing in the first group', () => {
    const groups = [{ id: 'base', name: 'Base', priority: 0 }, { id: 'promo', name: 'Promo', priority: 5 }];
    const r = run(program([rule('m', { kind: 'multiplier', factor: 3 }, { groupId: 'promo' }), rule('b', { kind: 'fixed', points: 10 })], groups));
    expect(pointsOf(r)).toEqual({ b: 10, m: 20 });
    expect(skips(run(program([rule('m', { kind: 'multiplier', factor: 2 })])))).toEqual({ m: 'no-points' });
  });

  it('two multipliers in one stack group share the same base (add, do not compound); a later group compounds', () => {
    const groups = [{ id: 'base', name: 'Base', priority: 0 }, { id: 'promo', name: 'Promo', priority: 5 }, { id: 'late', name: 'Late', priority: 9 }];
    const rules = [rule('b', { kind: 'fixed', points: 10 }), rule('m2', { kind: 'multiplier', factor: 2 }, { groupId: 'promo' }), rule('m3', { kind: 'multiplier', factor: 3 }, { groupId: 'promo' })];
    expect(run(program(rules, groups)).points).toBe(10 + 10 + 20);
    expect(run(program([...rules, rule('x2', { kind: 'multiplier', factor: 2 }, { groupId: 'late' })], groups)).points).toBe(80);
  });
});

describe('rounding, tiers, validity, triggers', () => {
  const half = [rule('r', { kind: 'per-currency-unit', points: 1 })];
  it.each([['floor', 11], ['round', 12], ['ceil', 12]] as const)('rounding %s', (rounding, expected) => {
    expect(run(program(half, undefined, { pointsLifecycle: { rounding } })).points).toBe(expected);
  });

  it('tier multiplier applies to rule points; unknown tiers count 1x', () => {
    expect(run(program(half), basket({ member: { tier: 'gold' } })).exactPoints).toBe(17.25);
    expect(run(program(half), basket({ member: { tier: 'nope' } })).exactPoints).toBe(11.5);
    expect(run(program(half), basket({ member: {} })).tierMultiplier).toBe(1);
  });

  it('validity dates are inclusive local dates; disabled rules do nothing', () => {
    const spec = program([rule('r', { kind: 'fixed', points: 5 }, { validity: { from: '2025-10-01', to: '2025-10-31' } }), rule('off', { kind: 'fixed', points: 5 }, { enabled: false })]);
    const at = (iso: string) => run(spec, purchase(iso, latteAndCroissant));
    expect(pointsOf(at('2025-09-30T21:59:00Z'))).toEqual({});
    expect(pointsOf(at('2025-09-30T22:00:00Z'))).toEqual({ r: 5 }); // 1 Oct 00:00 in Berlin
    expect(pointsOf(at('2025-10-31T22:59:00Z'))).toEqual({ r: 5 }); // 31 Oct 23:59 CET
    expect(skips(at('2025-10-31T23:00:00Z'))).toEqual({ r: 'validity', off: 'disabled' });
  });

  it('rules only run for their trigger; custom events match by name', () => {
    const spec = program([rule('p', { kind: 'fixed', points: 1 }), rule('c', { kind: 'fixed', points: 7 }, { trigger: { kind: 'custom', eventName: 'app-review' } })]);
    expect(pointsOf(run(spec, eventAt('custom', SAT, { event: { kind: 'custom', name: 'app-review', at: 0 } })))).toEqual({ c: 7 });
    expect(run(spec, eventAt('custom', SAT, { event: { kind: 'custom', name: 'other', at: 0 } }))).toMatchObject({ points: 0, lines: [], skipped: [] });
    expect(pointsOf(run(spec))).toEqual({ p: 1 });
  });
});

describe('stacking', () => {
  const groups = (stacking: 'stack' | 'best-of' | 'exclusive') => [{ id: 'base', name: 'Base', priority: 0, stacking }, { id: 'late', name: 'Late', priority: 10 }];
  const three = [rule('a', { kind: 'fixed', points: 5 }), rule('b', { kind: 'fixed', points: 8 }), rule('c', { kind: 'fixed', points: 8 }), rule('z', { kind: 'fixed', points: 1 }, { groupId: 'late' })];

  it('stack adds every matching rule', () => expect(run(program(three, groups('stack'))).points).toBe(22));

  it('best-of keeps the highest (first on a tie)', () => {
    const r = run(program(three, groups('best-of')));
    expect(pointsOf(r)).toEqual({ b: 8, z: 1 });
    expect(skips(r)).toEqual({ a: 'stacking', c: 'stacking' });
  });

  it('best-of compares points after caps', () => {
    const capped = [rule('a', { kind: 'fixed', points: 5 }), rule('b', { kind: 'fixed', points: 8 }, { caps: { perMemberPerDay: 10 } })];
    expect(pointsOf(run(program(capped, groups('best-of')), basket(), { b: { day: 7 } }))).toEqual({ a: 5 });
  });

  it('exclusive takes the first match and skips later groups', () => {
    const r = run(program(three, groups('exclusive')));
    expect(pointsOf(r)).toEqual({ a: 5 });
    expect(skips(r)).toEqual({ b: 'stacking', c: 'stacking', z: 'exclusive' });
  });

  it('exclusive without a match lets later groups run; an exhausted rule does not block', () => {
    const never = { op: 'eq' as const, field: 'event.channel', value: 'app' };
    const r = run(program([rule('a', { kind: 'fixed', points: 5 }, { condition: never }), rule('z', { kind: 'fixed', points: 1 }, { groupId: 'late' })], groups('exclusive')));
    expect(pointsOf(r)).toEqual({ z: 1 });
    const spec = program([rule('a', { kind: 'fixed', points: 5 }, { caps: { timesPerMember: 1 } }), ...three.slice(1)], groups('exclusive'));
    expect(pointsOf(run(spec, basket(), { a: { times: 1 } }))).toEqual({ b: 8 });
  });

  it('groups run by priority, not list order', () => {
    const spec = program([rule('m', { kind: 'multiplier', factor: 2 }, { groupId: 'late' }), rule('a', { kind: 'fixed', points: 5 })], [{ id: 'late', name: 'Late', priority: 10 }, { id: 'base', name: 'Base', priority: -1 }]);
    expect(pointsOf(run(spec))).toEqual({ a: 5, m: 5 });
  });
});

describe('caps and budgets', () => {
  const capped = (caps: object) => program([rule('r', { kind: 'per-item', points: 5 }, { caps })]);
  it('clamp to the room left (partial award) and say which limit bound', () => {
    const r = run(capped({ perMemberPerDay: 20, perMemberPerMonth: 100 }), basket(), { r: { day: 12, month: 12 } });
    expect(r.lines[0]).toMatchObject({ points: 8, exactPoints: 8, limitedBy: 'cap' });
    expect(r.lines[0]?.perItem?.reduce((s, x) => s + x.points, 0)).toBe(8);
    expect(run(capped({ perMemberPerWeek: 20 }), basket(), { r: { week: 20 } }).skipped[0]?.reason).toBe('cap');
    expect(run(capped({ perMemberTotal: 16 }), basket(), { r: { total: 10 } }).points).toBe(6);
    expect(run(capped({ campaignBudgetPoints: 1000, perMemberPerDay: 100 }), basket(), { r: { campaign: 996 } }).lines[0]).toMatchObject({ points: 4, limitedBy: 'budget' });
    expect(run(capped({ campaignBudgetPoints: 1000 }), basket(), { r: { campaign: 1000 } }).skipped[0]?.reason).toBe('budget');
    expect(run(capped({ timesPerMember: 2 }), basket(), { r: { times: 1 } }).points).toBe(15);
  });

  it('caps count what the member gets (tier multiplier included) and never round above the cap', () => {
    const base = rule('r', { kind: 'per-currency-unit', points: 1 }, { caps: { perMemberPerDay: 10 } });
    expect(run(program([base]), basket({ member: { tier: 'gold' } })).points).toBe(10); // not min(11.5, 10) x 1.5
    const tiny = [rule('s', { kind: 'per-item', points: 0.1 }), rule('t', { kind: 'per-item', points: 0.1 })];
    const r = run(program([base, ...tiny], undefined, { pointsLifecycle: { rounding: 'ceil' } }));
    expect(r.exactPoints).toBeCloseTo(10.6, 9);
    expect(r.points).toBe(11);
    expect(pointsOf(r)).toEqual({ r: 10, s: 1, t: 0 });
  });
});
