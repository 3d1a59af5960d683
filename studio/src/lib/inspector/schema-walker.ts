import type { z } from 'zod';
import { Condition } from '@loyalty/engine/spec';

/** What every form node carries: a label (from `.describe()` or the key), whether it may be empty, its default. */
interface Common {
  key: string;
  label: string;
  optional: boolean;
  defaultValue?: unknown;
}

export type ObjectForm = Common & { type: 'object'; fields: FormNode[] };
export type UnionForm = Common & { type: 'union'; discriminator: string; options: { value: string; label: string; form: ObjectForm }[] };

/**
 * A form generated from a zod schema: objects become fieldsets, enums selects, numbers, strings and
 * booleans inputs, arrays repeatable rows, discriminated unions a kind select that swaps the sub-form,
 * and the condition language its own builder.
 */
export type FormNode =
  | ObjectForm
  | UnionForm
  | (Common & { type: 'enum'; options: string[] })
  | (Common & { type: 'number'; integer: boolean; min?: number; max?: number; minExclusive?: boolean })
  | (Common & { type: 'text'; format: 'line' | 'multiline' | 'date' | 'time'; maxLength?: number })
  | (Common & { type: 'boolean' })
  | (Common & { type: 'array'; item: FormNode; minItems: number })
  | (Common & { type: 'condition'; itemsOnly: boolean })
  | (Common & { type: 'literal'; value: unknown })
  | (Common & { type: 'json' });

/** Minimal view of zod 4 internals the walker reads. */
type Internals = {
  _zod: { def: { type: string; [k: string]: unknown } };
  description?: string;
};
type Check = { _zod: { def: { check: string; value?: unknown; inclusive?: boolean; format?: string; maximum?: number; pattern?: RegExp } } };

const MULTILINE = new Set(['body', 'description', 'details']);

/** "pointsName" -> "Points name". */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const def = (s: unknown) => (s as Internals)._zod.def;
const checks = (s: unknown): Check['_zod']['def'][] => ((def(s).checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

function numberForm(s: unknown, common: Common): FormNode {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive = false;
  let integer = false;
  for (const c of checks(s)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) integer = true;
    if (c.check === 'greater_than' && typeof c.value === 'number') {
      min = c.value;
      minExclusive = c.inclusive === false;
    }
    if (c.check === 'less_than' && typeof c.value === 'number') max = c.value;
  }
  return { ...common, type: 'number', integer, min, max, minExclusive };
}

function textForm(s: unknown, common: Common): FormNode {
  const d = def(s);
  const cs = checks(s);
  const maxLength = cs.find((c) => c.check === 'max_length')?.maximum;
  const pattern = cs.find((c) => c.check === 'string_format')?.pattern;
  let format: 'line' | 'multiline' | 'date' | 'time' = MULTILINE.has(common.key) ? 'multiline' : 'line';
  if (d.format === 'date') format = 'date';
  else if (pattern && String(pattern).includes('[01]\\d|2[0-3]')) format = 'time';
  return { ...common, type: 'text', format, maxLength };
}

/**
 * Walks a zod 4 schema into a {@link FormNode} tree. Wrappers (optional, default, prefault,
 * nullable, readonly) are unwrapped into `optional` / `defaultValue`; the outermost `.describe()` wins.
 * @example walkSchema(Tier).type // 'object'; its fields: id, name, threshold, benefits
 */
export function walkSchema(schema: z.ZodType, key = '', inherited: Partial<Common> = {}): FormNode {
  const s = schema as unknown as Internals;
  const d = s._zod.def;
  const label = inherited.label ?? s.description ?? humanize(key);
  const common: Common = { key, label, optional: inherited.optional ?? false, defaultValue: inherited.defaultValue };
  const down = (inner: unknown, extra: Partial<Common>) => walkSchema(inner as z.ZodType, key, { ...inherited, ...extra, label: inherited.label ?? s.description });

  if ((schema as unknown) === Condition || d.discriminator === 'op') {
    // The condition schema's own description is technical; name it by its place instead.
    return { ...common, label: inherited.label ?? humanize(key || 'condition'), type: 'condition', itemsOnly: key === 'itemsWhere' || key === 'where' };
  }
  switch (d.type) {
    case 'optional':
    case 'nullable':
      return down(d.innerType, { optional: true });
    case 'default':
      return down(d.innerType, { defaultValue: inherited.defaultValue ?? structuredClone(d.defaultValue) });
    case 'prefault': {
      // A prefault is an input that is parsed again: the value is the inner form's own defaults.
      const inner = down(d.innerType, {});
      return { ...inner, defaultValue: inherited.defaultValue ?? defaultValue({ ...inner, optional: false }) };
    }
    case 'readonly':
    case 'catch':
      return down(d.innerType, {});
    case 'pipe':
      return down(d.in, {});
    case 'lazy':
      return down((d.getter as () => unknown)(), {});
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      return { ...common, type: 'object', fields: Object.entries(shape).map(([k, v]) => walkSchema(v, k)) };
    }
    case 'union': {
      const discriminator = d.discriminator as string | undefined;
      const options = d.options as z.ZodType[];
      if (!discriminator) {
        const kinds = new Set(options.map((o) => def(o).type));
        return kinds.size === 1 && kinds.has('string') ? textForm(options[0], common) : { ...common, type: 'json' };
      }
      return {
        ...common,
        type: 'union',
        discriminator,
        options: options.map((o) => {
          const form = walkSchema(o, key) as ObjectForm;
          const lit = form.fields.find((f) => f.key === discriminator);
          const value = lit?.type === 'literal' ? String(lit.value) : '';
          return { value, label: humanize(value), form };
        }),
      };
    }
    case 'enum':
      return { ...common, type: 'enum', options: Object.values(d.entries as Record<string, string>) };
    case 'literal':
      return { ...common, type: 'literal', value: (d.values as unknown[])[0] };
    case 'number':
      return numberForm(s, common);
    case 'string':
      return textForm(s, common);
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'array': {
      const minItems = checks(s).find((c) => c.check === 'min_length') as { minimum?: number } | undefined;
      return { ...common, type: 'array', item: walkSchema(d.element as z.ZodType, key), minItems: minItems?.minimum ?? 0 };
    }
    default:
      return { ...common, type: 'json' };
  }
}

/** A condition every context but line-item filters accepts, used when a condition is first added. */
export const STARTER_CONDITION = { op: 'tenure', cmp: 'gte', days: 30 } as const;

/**
 * A value that fills a form: defaults where the schema has them, else the simplest valid-looking value.
 * Optional fields without a default stay empty.
 * @example defaultValue(walkSchema(Tier)) // { id: '', name: '', threshold: 0, benefits: { earnMultiplier: 1, perks: [] } }
 */
export function defaultValue(form: FormNode, fill = false): unknown {
  if (form.defaultValue !== undefined) return structuredClone(form.defaultValue);
  if (form.optional && !fill) return undefined;
  switch (form.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of form.fields) {
        const v = defaultValue(f);
        if (v !== undefined) out[f.key] = v;
      }
      return out;
    }
    case 'union':
      return defaultValue(form.options[0]!.form, true);
    case 'enum':
      return form.options[0];
    case 'literal':
      return form.value;
    case 'number':
      return form.min === undefined ? 0 : form.minExclusive ? (form.integer ? form.min + 1 : form.min + 1) : form.min;
    case 'text':
      return '';
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: form.minItems }, () => defaultValue(form.item, true));
    case 'condition':
      return structuredClone(STARTER_CONDITION);
    case 'json':
      return undefined;
  }
}

/**
 * Switches a discriminated union value to another kind, keeping fields both kinds share.
 * @example switchKind(effectForm, { kind: 'fixed', points: 50 }, 'per-item') // { kind: 'per-item', points: 50 }
 */
export function switchKind(form: UnionForm, value: unknown, kind: string): Record<string, unknown> {
  const option = form.options.find((o) => o.value === kind);
  if (!option) throw new Error(`Unknown kind '${kind}'`);
  const fresh = defaultValue(option.form, true) as Record<string, unknown>;
  const old = (value ?? {}) as Record<string, unknown>;
  for (const f of option.form.fields) {
    if (f.key !== form.discriminator && old[f.key] !== undefined) {
      const before = form.options.find((o) => o.value === old[form.discriminator])?.form.fields.find((g) => g.key === f.key);
      if (before?.type === f.type) fresh[f.key] = old[f.key];
    }
  }
  return fresh;
}
