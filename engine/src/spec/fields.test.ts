import { describe, expect, it } from 'vitest';
import { FIELDS, closestName, describeFieldType, fieldByPath, fieldsInScope } from './fields';

describe('field catalog', () => {
  it('has unique paths whose prefix is their scope, with labels', () => {
    const paths = FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of FIELDS) {
      expect(f.path.startsWith(`${f.scope}.`)).toBe(true);
      expect(f.label.length).toBeGreaterThan(2);
    }
    expect(fieldsInScope('item').map((f) => f.path)).toEqual(['item.sku', 'item.category', 'item.brand', 'item.quantity', 'item.price', 'item.isOnSale']);
  });

  it('looks up fields and describes types', () => {
    expect(fieldByPath('event.total')?.type).toEqual({ kind: 'money' });
    expect(fieldByPath('member.attributes.x')).toBeUndefined();
    expect(describeFieldType({ kind: 'enum', values: ['a', 'b'] })).toBe("one of 'a', 'b'");
  });

  it('suggests close names only', () => {
    expect(closestName('event.totl', FIELDS.map((f) => f.path))).toBe('event.total');
    expect(closestName('weather.today', FIELDS.map((f) => f.path))).toBeUndefined();
  });

  it('has example values that pass their own type', () => {
    for (const f of FIELDS) {
      const kind = f.type.kind;
      const expected = kind === 'number' || kind === 'money' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
      expect(typeof f.example, f.path).toBe(expected);
    }
  });
});
