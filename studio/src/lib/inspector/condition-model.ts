import type { Compare, Condition, ConditionContext, ConditionValue, FieldDef, FieldType } from '@loyalty/engine/spec';
import { FIELDS, fieldByPath } from '@loyalty/engine/spec';

/**
 * What the condition builder offers, by where the condition is used. Mirrors the engine's
 * `checkCondition`, so the builder only offers what will compile.
 */

const SCOPES: Record<ConditionContext, FieldDef['scope'][]> = {
  earning: ['event', 'member'],
  item: ['item'],
  segment: ['member'],
  reward: ['member'],
  journey: ['member'],
};

/** Fields a condition in this context may use. @example fieldsFor('item').every((f) => f.scope === 'item') */
export function fieldsFor(context: ConditionContext): FieldDef[] {
  return FIELDS.filter((f) => SCOPES[context].includes(f.scope));
}

export const OPERATOR_LABELS: Record<Compare | 'in' | 'between', string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in: 'is one of',
  between: 'is between',
};
export type FieldOperator = keyof typeof OPERATOR_LABELS;

const ORDERED = new Set<FieldType['kind']>(['number', 'money', 'date']);

/** Operators valid for a field type. @example operatorsFor({ kind: 'boolean' }) // ['eq', 'neq'] */
export function operatorsFor(type: FieldType): FieldOperator[] {
  if (type.kind === 'boolean') return ['eq', 'neq'];
  if (ORDERED.has(type.kind)) return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in'];
  return ['eq', 'neq', 'in'];
}

/** The kinds of condition, as the builder's first select offers them. */
export const CONDITION_KINDS = {
  field: 'Compare a field',
  and: 'All of these',
  or: 'Any of these',
  not: 'Not',
  'any-item': 'Any item in the basket',
  aggregate: 'Member history',
  tenure: 'Membership length',
  'day-of-week': 'Day of the week',
  'time-between': 'Time of day',
  'in-segment': 'In a segment',
} as const;
export type ConditionKind = keyof typeof CONDITION_KINDS;

/** Kinds allowed in a context. @example kindsFor('segment').includes('day-of-week') // false */
export function kindsFor(context: ConditionContext): ConditionKind[] {
  const all = Object.keys(CONDITION_KINDS) as ConditionKind[];
  return all.filter((k) => {
    if (k === 'any-item') return context === 'earning';
    if (k === 'aggregate' || k === 'tenure' || k === 'in-segment') return context !== 'item';
    if (k === 'day-of-week' || k === 'time-between') return context !== 'item' && context !== 'segment';
    return true;
  });
}

/** The builder kind of a condition. */
export function kindOf(c: Condition): ConditionKind {
  return 'field' in c ? 'field' : (c.op as ConditionKind);
}

/** A sensible first value for a field type. */
export function sampleValue(type: FieldType, field?: FieldDef): ConditionValue {
  switch (type.kind) {
    case 'number':
    case 'money':
      return typeof field?.example === 'number' ? field.example : (type.kind === 'number' ? (type.min ?? 0) : 0);
    case 'boolean':
      return true;
    case 'enum':
      return type.values[0] ?? '';
    case 'date':
      return typeof field?.example === 'string' ? field.example : '2025-01-01';
    default:
      return typeof field?.example === 'string' ? field.example : '';
  }
}

/** A new condition of a kind, valid in its context. @example newCondition('field', 'item') // { op: 'eq', field: 'item.sku', ... } */
export function newCondition(kind: ConditionKind, context: ConditionContext): Condition {
  switch (kind) {
    case 'field': {
      const f = fieldsFor(context)[0]!;
      return { op: operatorsFor(f.type)[0] as Compare, field: f.path, value: sampleValue(f.type, f) };
    }
    case 'and':
      return { op: 'and', all: [newCondition('field', context)] };
    case 'or':
      return { op: 'or', any: [newCondition('field', context)] };
    case 'not':
      return { op: 'not', condition: newCondition('field', context) };
    case 'any-item':
      return { op: 'any-item', where: newCondition('field', 'item') };
    case 'aggregate':
      return { op: 'aggregate', metric: 'spend', lastDays: 30, cmp: 'gte', value: 100 };
    case 'tenure':
      return { op: 'tenure', cmp: 'gte', days: 30 };
    case 'day-of-week':
      return { op: 'day-of-week', days: ['sat', 'sun'] };
    case 'time-between':
      return { op: 'time-between', from: '08:00', to: '12:00' };
    case 'in-segment':
      return { op: 'in-segment', segmentId: '' };
  }
}

/**
 * A field comparison with a new field, operator or values; keeps what still fits and resets the rest.
 * @example setComparison(c, { field: 'member.hasApp' }) // { op: 'eq', field: 'member.hasApp', value: true }
 */
export function setComparison(c: Condition, change: { field?: string; op?: FieldOperator }): Condition {
  const path = change.field ?? ('field' in c ? c.field : '');
  const field = fieldByPath(path);
  if (!field) return c;
  const ops = operatorsFor(field.type);
  const current = c.op as FieldOperator;
  const op: FieldOperator = change.op ?? (ops.includes(current) ? current : ops[0]!);
  const fieldChanged = change.field !== undefined && change.field !== ('field' in c ? c.field : undefined);
  const keep = (v: unknown): v is ConditionValue => !fieldChanged && v !== undefined && (typeof v === typeof sampleValue(field.type, field));
  const first = 'value' in c && keep(c.value) ? c.value : 'values' in c && keep(c.values[0]) ? c.values[0] : 'min' in c && keep(c.min) ? c.min : sampleValue(field.type, field);
  if (op === 'in') return { op, field: path, values: 'values' in c && !fieldChanged ? c.values : [first] };
  if (op === 'between') {
    const max = 'max' in c && keep(c.max) ? c.max : first;
    return { op, field: path, min: first as number | string, max: max as number | string };
  }
  return { op, field: path, value: first };
}

/**
 * Reads what a person typed into the value of a field's type.
 * @example parseValue({ kind: 'money' }, '12.5') // 12.5
 */
export function parseValue(type: FieldType, raw: string): ConditionValue {
  if (type.kind === 'number' || type.kind === 'money') {
    const n = Number(raw);
    return raw.trim() === '' || Number.isNaN(n) ? raw : n;
  }
  if (type.kind === 'boolean') return raw === 'true';
  return raw;
}
