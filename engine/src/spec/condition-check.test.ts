import { describe, expect, it } from 'vitest';
import type { Condition } from './condition';
import { checkCondition } from './condition-check';

const at = { label: "Rule 'Double points weekend'", path: ['earningRules', 2, 'condition'], collection: 'earningRules' as const, itemId: 'rule-x' };
const messages = (c: Condition, ctx: Parameters<typeof checkCondition>[1] = 'earning', tierIds?: string[]) =>
  checkCondition(c, ctx, { at, ...(tierIds ? { tierIds } : {}) }).map((i) => i.message);

describe('checkCondition', () => {
  it('accepts a valid earning condition', () => {
    const c: Condition = {
      op: 'and',
      all: [
        { op: 'gte', field: 'event.total', value: 10 },
        { op: 'in', field: 'event.channel', values: ['store', 'app'] },
        { op: 'any-item', where: { op: 'and', all: [{ op: 'eq', field: 'item.category', value: 'coffee' }, { op: 'gt', field: 'item.price', value: 3 }] } },
        { op: 'between', field: 'event.date', min: '2025-12-01', max: '2025-12-24' },
        { op: 'eq', field: 'member.tier', value: 'gold' },
      ],
    };
    expect(checkCondition(c, 'earning', { at, tierIds: ['green', 'gold'] })).toEqual([]);
  });

  it('names the rule and the unknown field, with a suggestion', () => {
    const issues = checkCondition({ op: 'gt', field: 'event.totl', value: 10 }, 'earning', { at });
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'unknown-field',
        message: "Rule 'Double points weekend': 'event.totl' is not a field conditions can use (did you mean 'event.total'?)",
        path: ['earningRules', 2, 'condition', 'field'],
        collection: 'earningRules',
        itemId: 'rule-x',
      },
    ]);
  });

  it('rejects free-form member attributes', () => {
    expect(messages({ op: 'eq', field: 'member.attributes.vip', value: true })[0]).toMatch(/'member.attributes.vip' is not a field conditions can use/);
  });

  it('rejects type mismatches in plain language', () => {
    expect(messages({ op: 'any-item', where: { op: 'gt', field: 'item.price', value: 'abc' } })).toEqual([
      "Rule 'Double points weekend': 'item.price' is a money amount, but was compared with 'abc'",
    ]);
    expect(messages({ op: 'eq', field: 'event.channel', value: 'mall' })[0]).toContain("'event.channel' is one of 'store', 'online', 'app', 'phone', but was compared with 'mall'");
    expect(messages({ op: 'eq', field: 'member.hasEmailConsent', value: 'yes' })[0]).toContain('yes/no');
    expect(messages({ op: 'eq', field: 'event.date', value: '12/24/2025' })[0]).toContain('a date (YYYY-MM-DD)');
    expect(messages({ op: 'in', field: 'event.total', values: [1, 'two'] })).toHaveLength(1);
    expect(messages({ op: 'eq', field: 'member.birthMonth', value: 13 })[0]).toContain('can never match');
  });

  it('rejects ordering operators on text, enums and yes/no fields', () => {
    expect(messages({ op: 'gt', field: 'member.country', value: 'DE' })[0]).toContain('can only be checked for equal or not equal');
    expect(messages({ op: 'between', field: 'event.channel', min: 'a', max: 'b' })[0]).toContain('"between" does not apply');
  });

  it('rejects inverted ranges', () => {
    expect(messages({ op: 'between', field: 'event.total', min: 50, max: 10 })[0]).toContain('can never match');
  });

  it('requires item fields to sit inside any-item', () => {
    expect(messages({ op: 'eq', field: 'item.sku', value: 'x' })[0]).toContain('put it inside an "any item" condition');
    expect(messages({ op: 'any-item', where: { op: 'gt', field: 'event.total', value: 1 } })[0]).toContain('cannot be used in a line-item filter');
    expect(messages({ op: 'any-item', where: { op: 'any-item', where: { op: 'eq', field: 'item.sku', value: 'x' } } })[0]).toContain('"Any item"');
  });

  it('limits segments, rewards and journeys to member fields', () => {
    expect(messages({ op: 'gt', field: 'event.total', value: 1 }, 'segment')[0]).toContain('cannot be used in a segment');
    expect(messages({ op: 'day-of-week', days: ['mon'] }, 'segment')[0]).toContain('Day of week cannot be used in a segment');
    expect(messages({ op: 'time-between', from: '08:00', to: '09:00' }, 'journey')).toEqual([]);
    expect(messages({ op: 'tenure', cmp: 'gt', days: 3 }, 'item')[0]).toContain('Membership length');
    expect(messages({ op: 'eq', field: 'member.tier', value: 'gold' }, 'reward')).toEqual([]);
  });

  it('checks tier and segment references when ids are given', () => {
    expect(messages({ op: 'eq', field: 'member.tier', value: 'platinum' }, 'earning', ['green'])[0]).toContain('not a tier of this program');
    const seg = checkCondition({ op: 'in-segment', segmentId: 'seg-x' }, 'journey', { segmentIds: ['seg-y'] });
    expect(seg[0]).toMatchObject({ code: 'unknown-reference', message: "Condition: segment 'seg-x' does not exist", path: ['segmentId'] });
  });

  it('reports every problem with its exact path', () => {
    const issues = checkCondition(
      { op: 'or', any: [{ op: 'eq', field: 'event.nope', value: 1 }, { op: 'not', condition: { op: 'lt', field: 'event.total', value: 'x' } }] },
      'earning',
    );
    expect(issues.map((i) => i.path)).toEqual([
      ['any', 0, 'field'],
      ['any', 1, 'condition', 'value'],
    ]);
  });
});
