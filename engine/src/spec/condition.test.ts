import { describe, expect, expectTypeOf, it } from 'vitest';
import { Condition, walkCondition } from './condition';

describe('Condition schema', () => {
  it('parses every operator', () => {
    const all: Condition[] = [
      { op: 'eq', field: 'event.channel', value: 'store' },
      { op: 'gte', field: 'event.total', value: 10 },
      { op: 'in', field: 'item.category', values: ['coffee', 'tea'] },
      { op: 'between', field: 'member.birthMonth', min: 6, max: 8 },
      { op: 'any-item', where: { op: 'eq', field: 'item.brand', value: 'house' }, minQuantity: 2 },
      { op: 'aggregate', metric: 'spend', lastDays: 30, cmp: 'gt', value: 100 },
      { op: 'tenure', cmp: 'gte', days: 365 },
      { op: 'day-of-week', days: ['sat', 'sun'] },
      { op: 'time-between', from: '21:00', to: '02:00' },
      { op: 'in-segment', segmentId: 'seg-vip' },
      { op: 'not', condition: { op: 'eq', field: 'member.isStaff', value: true } },
    ];
    for (const c of all) expect(Condition.parse(c)).toEqual(c);
  });

  it('parses deeply nested and/or/not trees', () => {
    let c: Condition = { op: 'eq', field: 'event.channel', value: 'app' };
    for (let i = 0; i < 20; i++) c = i % 3 === 0 ? { op: 'not', condition: c } : i % 3 === 1 ? { op: 'and', all: [c] } : { op: 'or', any: [c, c] };
    expect(Condition.parse(c)).toEqual(c);
  });

  it('rejects malformed nodes deep inside the tree', () => {
    const bad = { op: 'and', all: [{ op: 'or', any: [{ op: 'time-between', from: '25:00', to: '08:00' }] }] };
    const r = Condition.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['all', 0, 'any', 0, 'from']);
  });

  it('rejects unknown operators, empty groups and code strings', () => {
    expect(Condition.safeParse({ op: 'regex', field: 'item.sku', value: '.*' }).success).toBe(false);
    expect(Condition.safeParse({ op: 'and', all: [] }).success).toBe(false);
    expect(Condition.safeParse('event.total > 10').success).toBe(false);
    expect(Condition.safeParse({ op: 'day-of-week', days: ['saturday'] }).success).toBe(false);
  });

  it('infers a real recursive type', () => {
    expectTypeOf<Extract<Condition, { op: 'and' }>['all'][number]>().toEqualTypeOf<Condition>();
    expectTypeOf<Extract<Condition, { op: 'not' }>['condition']>().toEqualTypeOf<Condition>();
  });

  it('walks every node with its path', () => {
    const c: Condition = {
      op: 'and',
      all: [{ op: 'any-item', where: { op: 'not', condition: { op: 'eq', field: 'item.sku', value: 'x' } } }, { op: 'tenure', cmp: 'gt', days: 1 }],
    };
    const seen: string[] = [];
    walkCondition(c, (n, p) => seen.push(`${p.join('.')}:${n.op}`));
    expect(seen).toEqual([':and', 'all.0:any-item', 'all.0.where:not', 'all.0.where.condition:eq', 'all.1:tenure']);
  });
});
