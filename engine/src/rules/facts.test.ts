import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../spec';
import { FIELDS } from '../spec';
import { CONTEXT_ACCESSORS, ITEM_ACCESSORS } from './accessors';
import { compileCondition } from './compile-condition';
import { prepareContext } from './context';
import type { EvaluationFacts } from './facts';
import { EvaluationFacts as FactsSchema } from './facts';
import { createLocalClock } from './local-time';

const AT = Date.parse('2025-06-14T10:00:00Z');

/** Facts holding `value` at the catalog path (event.date is derived from `event.at`). */
function factsWith(def: FieldDef, value: unknown): Record<string, unknown> {
  const [, key] = def.path.split('.') as [string, string];
  const facts = { event: { kind: 'purchase', at: AT } as Record<string, unknown>, items: [] as unknown[], member: {} as Record<string, unknown>, aggregates: {} };
  if (def.scope === 'event' && key !== 'date') facts.event[key] = value;
  if (def.scope === 'member') facts.member[key] = value;
  if (def.scope === 'item') facts.items.push({ ref: 'l1', sku: 'SKU-X', quantity: 1, price: 1, [key]: value });
  return facts;
}

const wrongValue = (def: FieldDef): unknown => (typeof def.example === 'string' ? 42 : 'not-the-right-type');

describe('facts shape and the field catalog', () => {
  it('has exactly one accessor per catalog path', () => {
    const accessorPaths = [...Object.keys(CONTEXT_ACCESSORS), ...Object.keys(ITEM_ACCESSORS)].sort();
    expect(accessorPaths).toEqual(FIELDS.map((f) => f.path).sort());
  });

  it.each(FIELDS.map((f) => [f.path, f] as const))('%s: example value is accepted, read back and matched; wrong types are rejected', (_path, def) => {
    const facts = FactsSchema.parse(factsWith(def, def.example));
    const ctx = prepareContext(facts, createLocalClock('UTC'));
    const read = def.scope === 'item' ? ITEM_ACCESSORS[def.path]!(facts.items[0]!) : CONTEXT_ACCESSORS[def.path]!(ctx);
    expect(read).toEqual(def.path === 'event.date' ? '2025-06-14' : def.example);
    const kind = def.type.kind;
    const expectedType = kind === 'number' || kind === 'money' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
    expect(typeof read).toBe(expectedType);
    const eq = def.scope === 'item'
      ? compileCondition({ op: 'any-item', where: { op: 'eq', field: def.path, value: def.example } })
      : compileCondition({ op: 'eq', field: def.path, value: def.path === 'event.date' ? '2025-06-14' : def.example });
    expect(eq(facts)).toBe(true);
    if (def.path !== 'event.date') expect(FactsSchema.safeParse(factsWith(def, wrongValue(def))).success).toBe(false);
  });

  it('rejects enum values outside the catalog and out-of-range numbers', () => {
    const bad = (v: object) => FactsSchema.safeParse({ event: { kind: 'purchase', at: AT }, ...v }).success;
    expect(bad({ member: { signupChannel: 'carrier-pigeon' } })).toBe(false);
    expect(bad({ member: { birthMonth: 13 } })).toBe(false);
    expect(FactsSchema.safeParse({ event: { kind: 'purchase', at: AT, channel: 'kiosk' } }).success).toBe(false);
    expect(FactsSchema.safeParse({ event: { kind: 'purchase', at: AT }, aggregates: { spend: { '30d': 1 } } }).success).toBe(false);
  });

  it('fills defaults for items, member and aggregates', () => {
    const f: EvaluationFacts = FactsSchema.parse({ event: { kind: 'sign-up', at: AT } });
    expect(f).toEqual({ event: { kind: 'sign-up', at: AT }, items: [], member: {}, aggregates: {} });
  });

  it('derives event.total and event.itemCount from the lines when absent', () => {
    const facts = FactsSchema.parse({
      event: { kind: 'purchase', at: AT },
      items: [{ ref: 'a', sku: 'A', quantity: 2, price: 4.5 }, { ref: 'b', sku: 'B', quantity: 1, price: 2.5 }],
    });
    const ctx = prepareContext(facts, createLocalClock('UTC'));
    expect([ctx.total, ctx.itemCount]).toEqual([11.5, 3]);
    const given = prepareContext({ ...facts, event: { ...facts.event, total: 10, itemCount: 7 } }, createLocalClock('UTC'));
    expect([given.total, given.itemCount]).toEqual([10, 7]);
  });
});
