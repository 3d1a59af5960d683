import { describe, expect, it } from 'vitest';
import { checkCondition, fieldByPath, type ConditionContext } from '@loyalty/engine/spec';
import { fieldsFor, kindsFor, newCondition, operatorsFor, parseValue, setComparison } from './condition-model';

const CONTEXTS: ConditionContext[] = ['earning', 'item', 'segment', 'reward', 'journey'];

describe('condition model', () => {
  it('offers only fields valid in the context', () => {
    expect(fieldsFor('item').every((f) => f.scope === 'item')).toBe(true);
    expect(fieldsFor('segment').every((f) => f.scope === 'member')).toBe(true);
    expect(fieldsFor('earning').some((f) => f.scope === 'item')).toBe(false);
  });

  it('offers operators by field type', () => {
    expect(operatorsFor({ kind: 'boolean' })).toEqual(['eq', 'neq']);
    expect(operatorsFor({ kind: 'enum', values: ['a'] })).toEqual(['eq', 'neq', 'in']);
    expect(operatorsFor({ kind: 'money' })).toContain('between');
  });

  it('creates new conditions of every offered kind that the engine accepts in that context', () => {
    for (const ctx of CONTEXTS) {
      for (const kind of kindsFor(ctx)) {
        if (kind === 'in-segment') continue; // needs a segment to point to
        expect([ctx, kind, checkCondition(newCondition(kind, ctx), ctx)]).toEqual([ctx, kind, []]);
      }
    }
  });

  it('every field with every offered operator gives a condition the engine accepts', () => {
    for (const ctx of CONTEXTS) {
      for (const f of fieldsFor(ctx)) {
        for (const op of operatorsFor(f.type)) {
          const c = setComparison(setComparison(newCondition('field', ctx), { field: f.path }), { op });
          const issues = checkCondition(c, ctx).filter((i) => i.code !== 'invalid-range');
          expect([f.path, op, issues]).toEqual([f.path, op, []]);
        }
      }
    }
  });

  it('resets the value when the field changes type', () => {
    const c = setComparison({ op: 'gte', field: 'event.total', value: 20 }, { field: 'event.channel' });
    expect(c).toEqual({ op: 'eq', field: 'event.channel', value: 'store' });
  });

  it('reads typed values', () => {
    expect(parseValue(fieldByPath('event.total')!.type, '12.5')).toBe(12.5);
    expect(parseValue(fieldByPath('member.hasApp')!.type, 'false')).toBe(false);
  });
});
