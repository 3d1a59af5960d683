import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import type { Condition, Segment } from '../spec';
import { beanClub } from '../spec';
import { compileCondition, compileItemPredicate, minutesOf } from './compile-condition';
import { eventAt, purchase } from './test-helpers';

const SAT_NOON_BERLIN = '2025-09-06T10:00:00Z';
const basket = purchase(
  SAT_NOON_BERLIN,
  [
    { sku: 'SKU-LATTE-M', category: 'coffee', brand: 'house', quantity: 2, price: 4.5 },
    { sku: 'SKU-CROISSANT', category: 'pastry', quantity: 1, price: 2.5, isOnSale: true },
  ],
  { member: { tier: 'gold', country: 'DE', birthMonth: 6, tenureDays: 400, joinedOn: '2024-08-01' }, aggregates: { spend: { '30': 120 }, visits: { '60': 0 } } },
);
const test = (c: Condition, facts = basket, timezone = 'Europe/Berlin') => compileCondition(c, { timezone })(facts);

describe('compare operators', () => {
  it.each<[Condition, boolean]>([
    [{ op: 'eq', field: 'event.channel', value: 'store' }, true],
    [{ op: 'neq', field: 'event.channel', value: 'store' }, false],
    [{ op: 'gt', field: 'event.total', value: 11.5 }, false],
    [{ op: 'gte', field: 'event.total', value: 11.5 }, true],
    [{ op: 'lt', field: 'event.itemCount', value: 4 }, true],
    [{ op: 'lte', field: 'event.itemCount', value: 2 }, false],
    [{ op: 'eq', field: 'member.tier', value: 'gold' }, true],
    [{ op: 'gte', field: 'member.joinedOn', value: '2024-08-01' }, true],
    [{ op: 'lt', field: 'member.joinedOn', value: '2024-08-01' }, false],
    [{ op: 'eq', field: 'event.date', value: '2025-09-06' }, true],
    [{ op: 'gt', field: 'event.date', value: '2025-09-05' }, true],
    [{ op: 'lte', field: 'event.date', value: '2025-09-05' }, false],
  ])('%j -> %s', (c, expected) => expect(test(c)).toBe(expected));

  it('treats missing values as unknown: only neq matches', () => {
    expect(test({ op: 'eq', field: 'member.city', value: 'Berlin' })).toBe(false);
    expect(test({ op: 'neq', field: 'member.city', value: 'Berlin' })).toBe(true);
    expect(test({ op: 'gt', field: 'member.age', value: 0 })).toBe(false);
    expect(test({ op: 'lte', field: 'member.age', value: 200 })).toBe(false);
    expect(test({ op: 'in', field: 'member.city', values: ['Berlin'] })).toBe(false);
    expect(test({ op: 'between', field: 'member.age', min: 0, max: 200 })).toBe(false);
  });

  it('never matches across types (a number field against text)', () => {
    expect(test({ op: 'gt', field: 'event.total', value: '1' })).toBe(false);
    expect(test({ op: 'eq', field: 'event.total', value: '11.5' })).toBe(false);
  });
});

describe('structural operators', () => {
  it('and / or / not', () => {
    const t: Condition = { op: 'eq', field: 'event.channel', value: 'store' };
    const f: Condition = { op: 'eq', field: 'event.channel', value: 'app' };
    expect(test({ op: 'and', all: [t, t, t] })).toBe(true);
    expect(test({ op: 'and', all: [t, f] })).toBe(false);
    expect(test({ op: 'or', any: [f, f, t] })).toBe(true);
    expect(test({ op: 'or', any: [f] })).toBe(false);
    expect(test({ op: 'not', condition: f })).toBe(true);
  });

  it('in and between (numbers, dates)', () => {
    expect(test({ op: 'in', field: 'member.country', values: ['AT', 'DE'] })).toBe(true);
    expect(test({ op: 'in', field: 'member.country', values: ['FR'] })).toBe(false);
    expect(test({ op: 'between', field: 'member.birthMonth', min: 6, max: 8 })).toBe(true);
    expect(test({ op: 'between', field: 'member.birthMonth', min: 7, max: 8 })).toBe(false);
    expect(test({ op: 'between', field: 'event.date', min: '2025-09-01', max: '2025-09-06' })).toBe(true);
    expect(test({ op: 'in', field: 'event.date', values: ['2025-09-06', '2025-12-24'] })).toBe(true);
  });

  it('any-item with item fields and minQuantity counting quantities', () => {
    const coffee: Condition = { op: 'eq', field: 'item.category', value: 'coffee' };
    expect(test({ op: 'any-item', where: coffee })).toBe(true);
    expect(test({ op: 'any-item', where: coffee, minQuantity: 2 })).toBe(true);
    expect(test({ op: 'any-item', where: coffee, minQuantity: 3 })).toBe(false);
    expect(test({ op: 'any-item', where: { op: 'eq', field: 'item.isOnSale', value: true } })).toBe(true);
    expect(test({ op: 'any-item', where: { op: 'and', all: [coffee, { op: 'gt', field: 'item.price', value: 5 }] } })).toBe(false);
    expect(test({ op: 'any-item', where: { op: 'in', field: 'item.sku', values: ['SKU-CROISSANT'] } })).toBe(true);
    expect(test({ op: 'any-item', where: coffee }, { ...basket, items: [] })).toBe(false);
  });

  it('item predicates support not / or / between', () => {
    const p = compileItemPredicate({ op: 'or', any: [{ op: 'not', condition: { op: 'eq', field: 'item.brand', value: 'house' } }, { op: 'between', field: 'item.quantity', min: 3, max: 9 }] });
    expect(p({ ref: 'a', sku: 'A', brand: 'house', quantity: 2, price: 1 })).toBe(false);
    expect(p({ ref: 'a', sku: 'A', brand: 'house', quantity: 3, price: 1 })).toBe(true);
    expect(p({ ref: 'a', sku: 'A', quantity: 1, price: 1 })).toBe(true);
  });
});

describe('history, tenure and time', () => {
  it('aggregates read precomputed windows and fail loudly when one is missing', () => {
    expect(test({ op: 'aggregate', metric: 'spend', lastDays: 30, cmp: 'gt', value: 100 })).toBe(true);
    expect(test({ op: 'aggregate', metric: 'visits', lastDays: 60, cmp: 'eq', value: 0 })).toBe(true);
    expect(() => test({ op: 'aggregate', metric: 'points-earned', lastDays: 30, cmp: 'gt', value: 0 })).toThrow(/points-earned over the last 30 days/);
  });

  it('tenure compares days since joining', () => {
    expect(test({ op: 'tenure', cmp: 'gte', days: 365 })).toBe(true);
    expect(test({ op: 'tenure', cmp: 'lt', days: 365 })).toBe(false);
    expect(test({ op: 'tenure', cmp: 'gte', days: 0 }, eventAt('sign-up', SAT_NOON_BERLIN))).toBe(false);
  });

  it('day-of-week uses the program time zone: Friday 23:30 UTC is Saturday in Berlin', () => {
    const late = eventAt('purchase', '2025-09-05T23:30:00Z');
    const weekend: Condition = { op: 'day-of-week', days: ['sat', 'sun'] };
    expect(test(weekend, late, 'Europe/Berlin')).toBe(true);
    expect(test(weekend, late, 'UTC')).toBe(false);
    expect(test({ op: 'day-of-week', days: ['fri'] }, late, 'UTC')).toBe(true);
    expect(test({ op: 'day-of-week', days: ['mon'] }, eventAt('purchase', '2025-09-08T00:00:00Z'), 'UTC')).toBe(true);
  });

  it('time-between: from inclusive, to exclusive, across midnight, in the program zone', () => {
    const atUtc = (hhmm: string) => eventAt('purchase', `2025-09-06T${hhmm}:00Z`);
    const morning: Condition = { op: 'time-between', from: '06:00', to: '09:00' };
    expect(test(morning, atUtc('04:00'))).toBe(true); // 06:00 Berlin
    expect(test(morning, atUtc('06:59'))).toBe(true); // 08:59
    expect(test(morning, atUtc('07:00'))).toBe(false); // 09:00
    expect(test(morning, atUtc('07:00'), 'UTC')).toBe(true);
    const night: Condition = { op: 'time-between', from: '21:00', to: '02:00' };
    expect(test(night, atUtc('19:00'))).toBe(true); // 21:00
    expect(test(night, atUtc('23:30'))).toBe(true); // 01:30 next day
    expect(test(night, atUtc('00:00'))).toBe(false); // 02:00
    expect(test(night, atUtc('12:00'))).toBe(false);
    expect(test({ op: 'time-between', from: '08:00', to: '08:00' }, atUtc('06:00'))).toBe(false);
    expect(minutesOf('23:59')).toBe(1439);
  });

  it('in-segment evaluates the compiled segment condition', () => {
    const segments = beanClub().segments;
    const lapsed = compileCondition({ op: 'in-segment', segmentId: 'seg-lapsed' }, { segments });
    expect(lapsed({ ...basket, aggregates: { visits: { '60': 0, '365': 12 } } })).toBe(true);
    expect(lapsed({ ...basket, aggregates: { visits: { '60': 2, '365': 12 } } })).toBe(false);
    const email = compileCondition({ op: 'not', condition: { op: 'in-segment', segmentId: 'seg-email-ok' } }, { segments });
    expect(email({ ...basket, member: { hasEmailConsent: true } })).toBe(false);
  });
});

describe('compile errors', () => {
  const err = (c: Condition, segments: Segment[] = []) => {
    try {
      compileCondition(c, { segments });
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as Error).message;
    }
    return 'compiled';
  };
  it('rejects unknown fields, misplaced item fields and operators, unknown and cyclic segments', () => {
    expect(err({ op: 'eq', field: 'event.totl', value: 1 })).toMatch(/not a field/);
    expect(err({ op: 'eq', field: 'item.sku', value: 'x' })).toMatch(/any item/);
    expect(err({ op: 'any-item', where: { op: 'eq', field: 'event.total', value: 1 } })).toMatch(/not a line-item field/);
    expect(err({ op: 'any-item', where: { op: 'tenure', cmp: 'gt', days: 1 } })).toMatch(/cannot be used in a line-item filter/);
    expect(err({ op: 'in-segment', segmentId: 'nope' })).toMatch(/does not exist/);
    const a: Segment = { id: 'a', name: 'A', description: '', condition: { op: 'in-segment', segmentId: 'b' } };
    const b: Segment = { id: 'b', name: 'B', description: '', condition: { op: 'or', any: [{ op: 'in-segment', segmentId: 'a' }] } };
    expect(err({ op: 'in-segment', segmentId: 'a' }, [a, b])).toMatch(/refers to itself/);
  });
});
