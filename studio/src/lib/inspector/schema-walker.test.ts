import { describe, expect, it } from 'vitest';
import { Effect, EarningRule, ProgramSettings, Tier, TierPolicy } from '@loyalty/engine/spec';
import { NODE_KINDS } from '@loyalty/engine/graph';
import { dataSchema } from '../canvas/graph-edits';
import { defaultValue, humanize, switchKind, walkSchema, type FormNode, type UnionForm } from './schema-walker';

const field = (form: FormNode, key: string) => {
  if (form.type !== 'object') throw new Error('not an object');
  const f = form.fields.find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};

describe('schema walker', () => {
  it('turns objects into fieldsets with labels from .describe()', () => {
    const form = walkSchema(Tier);
    expect(form.type).toBe('object');
    expect(field(form, 'threshold')).toMatchObject({ type: 'number', label: 'Amount of the qualifying measure needed to reach this tier', min: 0 });
    const benefits = field(form, 'benefits');
    expect(benefits).toMatchObject({ type: 'object', label: 'Benefits', defaultValue: { earnMultiplier: 1, perks: [] } });
    expect(field(benefits, 'earnMultiplier')).toMatchObject({ type: 'number', min: 1, max: 10, defaultValue: 1 });
    expect(field(benefits, 'perks')).toMatchObject({ type: 'array', item: { type: 'text' }, defaultValue: [] });
  });

  it('turns enums into selects and keeps defaults', () => {
    const metric = field(walkSchema(TierPolicy), 'metric');
    expect(metric).toMatchObject({ type: 'enum', options: ['points', 'spend', 'visits'], defaultValue: 'points' });
  });

  it('turns discriminated unions into a kind select with a sub-form per kind', () => {
    const effect = walkSchema(Effect) as UnionForm;
    expect(effect.type).toBe('union');
    expect(effect.discriminator).toBe('kind');
    expect(effect.options.map((o) => o.value)).toEqual(['per-currency-unit', 'fixed', 'multiplier', 'per-item']);
    const multiplier = effect.options.find((o) => o.value === 'multiplier')!.form;
    expect(field(multiplier, 'factor')).toMatchObject({ type: 'number', min: 1, minExclusive: true, max: 20 });
    expect(field(effect.options[0]!.form, 'itemsWhere')).toMatchObject({ type: 'condition', optional: true, itemsOnly: true });
  });

  it('marks optional fields, integers, dates, long texts and conditions', () => {
    const rule = walkSchema(EarningRule);
    expect(field(rule, 'condition')).toMatchObject({ type: 'condition', optional: true, label: 'Only when this holds; always when empty' });
    expect(field(field(rule, 'caps'), 'perMemberPerDay')).toMatchObject({ type: 'number', integer: true, optional: true, min: 1 });
    expect(field(field(rule, 'validity'), 'from')).toMatchObject({ type: 'text', format: 'date', optional: true });
    expect(field(rule, 'description')).toMatchObject({ type: 'text', format: 'multiline' });
    expect(field(walkSchema(ProgramSettings), 'locales')).toMatchObject({ type: 'array', minItems: 1 });
  });

  it('builds default values that the schema accepts for simple kinds', () => {
    expect(defaultValue(walkSchema(TierPolicy))).toEqual(TierPolicy.parse({}));
    const tier = defaultValue(walkSchema(Tier)) as Record<string, unknown>;
    expect(Tier.safeParse({ ...tier, id: 'x', name: 'X' }).success).toBe(true);
  });

  it('switches a union to another kind, keeping shared fields', () => {
    const effect = walkSchema(Effect) as UnionForm;
    expect(switchKind(effect, { kind: 'fixed', points: 50 }, 'per-item')).toEqual({ kind: 'per-item', points: 50 });
    expect(switchKind(effect, { kind: 'fixed', points: 50 }, 'multiplier')).toEqual({ kind: 'multiplier', factor: 2 });
  });

  it('walks the data schema of every node kind without giving up on a field', () => {
    const unsupported: string[] = [];
    const visit = (f: FormNode, path: string) => {
      if (f.type === 'json') unsupported.push(path);
      if (f.type === 'object') f.fields.forEach((x) => visit(x, `${path}.${x.key}`));
      if (f.type === 'union') f.options.forEach((o) => visit(o.form, `${path}[${o.value}]`));
      if (f.type === 'array') visit(f.item, `${path}[]`);
    };
    for (const kind of Object.keys(NODE_KINDS) as (keyof typeof NODE_KINDS)[]) visit(walkSchema(dataSchema(kind)), kind);
    expect(unsupported).toEqual([]);
  });

  it('humanizes keys', () => {
    expect(humanize('perMemberPerDay')).toBe('Per member per day');
  });
});
