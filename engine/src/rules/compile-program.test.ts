import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { beanClub } from '../spec';
import { compileProgram, triggerKey } from './compile-program';
import { addToCounters } from './counters';
import { evaluate } from './evaluate-event';
import { program, purchase, rule } from './test-helpers';

describe('compileProgram', () => {
  it('indexes groups by trigger, in priority order, and lists the aggregates the shell must supply', () => {
    const c = compileProgram(beanClub());
    expect([...c.plans.keys()].sort()).toEqual(['purchase', 'sign-up']);
    expect(c.plans.get('purchase')?.map((g) => [g.id, g.stacking, g.rules.map((r) => r.id)])).toEqual([
      ['base', 'stack', ['rule-base-points', 'rule-pastry-bonus']],
      ['campaigns', 'best-of', ['rule-double-weekend', 'rule-morning-gold']],
    ]);
    expect(c.requiredAggregates).toEqual([{ metric: 'visits', lastDays: 60 }, { metric: 'visits', lastDays: 365 }]);
    expect([...c.segments.keys()].sort()).toEqual(['seg-email-ok', 'seg-lapsed']);
    expect(c.tierMultipliers.get('gold')).toBe(1.5);
    expect(c.windowsAt(Date.parse('2025-09-07T22:30:00Z'))).toEqual({ day: '2025-09-08', week: '2025-W37', month: '2025-09' });
  });

  it('lists apart the aggregates earning rules read, through the segments they test too', () => {
    const spec = beanClub();
    // Only the segment seg-lapsed reads history: events earn without it.
    expect(compileProgram(spec).earningAggregates).toEqual([]);
    const nested = {
      ...spec,
      segments: [...spec.segments, { id: 'seg-lapsed-regular', name: 'Lapsed regular', description: '', condition: { op: 'in-segment' as const, segmentId: 'seg-lapsed' } }],
      earningRules: spec.earningRules.map((r, i) => (i === 0 ? { ...r, condition: { op: 'not' as const, condition: { op: 'in-segment' as const, segmentId: 'seg-lapsed-regular' } } } : r)),
    };
    const c = compileProgram(nested);
    expect(c.earningAggregates).toEqual([{ metric: 'visits', lastDays: 60 }, { metric: 'visits', lastDays: 365 }]);
    expect(c.requiredAggregates).toEqual(c.earningAggregates);
  });

  it('builds trigger keys for custom events', () => {
    expect(triggerKey({ kind: 'custom', eventName: 'app-review' })).toBe('custom:app-review');
    expect(triggerKey({ kind: 'custom', name: 'app-review' })).toBe('custom:app-review');
    expect(triggerKey({ kind: 'birthday' })).toBe('birthday');
  });

  it('fails with a rule-named DomainError on what checkProgram would report', () => {
    expect(() => compileProgram(program([rule('r', { kind: 'fixed', points: 1 }, { groupId: 'ghost' })]))).toThrow(/promotion group 'ghost' does not exist/);
    const bad = () => compileProgram(program([rule('r', { kind: 'fixed', points: 1 }, { condition: { op: 'eq', field: 'event.totl', value: 1 } })]));
    expect(bad).toThrow(DomainError);
    expect(bad).toThrow(/Rule 'r': 'event.totl' is not a field/);
  });

  it('does not keep a reference to the spec: later edits to it change nothing', () => {
    const spec = beanClub();
    const c = compileProgram(spec);
    const facts = purchase('2025-09-08T10:00:00Z', [{ sku: 'A', category: 'pastry', quantity: 1, price: 10 }]);
    const before = evaluate(c, facts);
    spec.earningRules[0]!.effect = { kind: 'fixed', points: 999 };
    spec.tiers[0]!.benefits.earnMultiplier = 5;
    spec.earningRules[1]!.caps.perMemberPerDay = 1;
    expect(evaluate(c, facts)).toEqual(before);
  });
});

describe('addToCounters', () => {
  it('adds whole points per rule and counts the times', () => {
    const c = compileProgram(beanClub());
    const facts = purchase('2025-09-08T10:00:00Z', [{ sku: 'P', category: 'pastry', quantity: 3, price: 2 }]);
    let counters = addToCounters({}, evaluate(c, facts));
    expect(counters['rule-pastry-bonus']).toEqual({ day: 15, week: 15, month: 15, total: 15, times: 1, campaign: 15 });
    const second = evaluate(c, facts, counters);
    expect(second.lines.find((l) => l.ruleId === 'rule-pastry-bonus')).toMatchObject({ points: 5, limitedBy: 'cap' });
    counters = addToCounters(counters, second);
    expect(counters['rule-pastry-bonus']?.day).toBe(20);
    expect(evaluate(c, facts, counters).skipped).toContainEqual({ ruleId: 'rule-pastry-bonus', groupId: 'base', reason: 'cap' });
  });
});
