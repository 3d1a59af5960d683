import { z } from 'zod';
import { LocalTime } from './primitives';

/** Comparison operators shared by field comparisons, aggregates and tenure. */
export const Compare = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']).describe('How to compare');
export type Compare = z.infer<typeof Compare>;

/** A literal a field is compared with: text, number, true/false, or a date as YYYY-MM-DD text. */
export const ConditionValue = z.union([z.string(), z.number(), z.boolean()]);
export type ConditionValue = z.infer<typeof ConditionValue>;

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

export const AggregateMetric = z
  .enum(['spend', 'visits', 'points-earned'])
  .describe('What to add up over the member history');
export type AggregateMetric = z.infer<typeof AggregateMetric>;

/**
 * The condition language: a JSON expression tree (never code strings).
 * Field paths come from the field catalog (`fields.ts`); `checkCondition` validates them.
 * Declared by hand because it is recursive; the zod schema below is typed against it.
 * @example
 *   const weekendCoffee: Condition = {
 *     op: 'and',
 *     all: [
 *       { op: 'day-of-week', days: ['sat', 'sun'] },
 *       { op: 'any-item', where: { op: 'eq', field: 'item.category', value: 'coffee' } },
 *     ],
 *   };
 */
export type Condition =
  | { op: 'and'; all: Condition[] }
  | { op: 'or'; any: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: Compare; field: string; value: ConditionValue }
  | { op: 'in'; field: string; values: ConditionValue[] }
  | { op: 'between'; field: string; min: number | string; max: number | string }
  | { op: 'any-item'; where: Condition; minQuantity?: number | undefined }
  | { op: 'aggregate'; metric: AggregateMetric; lastDays: number; cmp: Compare; value: number }
  | { op: 'tenure'; cmp: Compare; days: number }
  | { op: 'day-of-week'; days: Weekday[] }
  | { op: 'time-between'; from: string; to: string }
  | { op: 'in-segment'; segmentId: string };

/** All `op` values, handy for palettes and exhaustive switches. */
export type ConditionOp = Condition['op'];

const lazyCondition = z.lazy((): z.ZodType<Condition> => Condition);

const field = z.string().min(1).describe('Field path from the field catalog, e.g. event.total');

/** Options of the union, exported so the studio can list and describe them. */
export const conditionOptions = {
  and: z.object({ op: z.literal('and'), all: z.array(lazyCondition).min(1).describe('All of these must hold') }),
  or: z.object({ op: z.literal('or'), any: z.array(lazyCondition).min(1).describe('At least one of these must hold') }),
  not: z.object({ op: z.literal('not'), condition: lazyCondition.describe('This must not hold') }),
  compare: z.object({ op: Compare, field, value: ConditionValue.describe('Value to compare with') }),
  in: z.object({ op: z.literal('in'), field, values: z.array(ConditionValue).min(1).describe('Any of these values') }),
  between: z.object({
    op: z.literal('between'),
    field,
    min: z.union([z.number(), z.string()]).describe('From (inclusive)'),
    max: z.union([z.number(), z.string()]).describe('To (inclusive)'),
  }),
  anyItem: z.object({
    op: z.literal('any-item'),
    where: lazyCondition.describe('Which line items count (item.* fields)'),
    minQuantity: z.number().int().min(1).optional().describe('At least this many matching items (default 1)'),
  }),
  aggregate: z.object({
    op: z.literal('aggregate'),
    metric: AggregateMetric,
    lastDays: z.number().int().min(1).describe('Over the last N days'),
    cmp: Compare,
    value: z.number().describe('Amount, visits or points to compare with'),
  }),
  tenure: z.object({
    op: z.literal('tenure'),
    cmp: Compare,
    days: z.number().int().min(0).describe('Days since the member joined'),
  }),
  dayOfWeek: z.object({
    op: z.literal('day-of-week'),
    days: z.array(Weekday).min(1).describe('On these days of the week'),
  }),
  timeBetween: z.object({
    op: z.literal('time-between'),
    from: LocalTime.describe('From time (inclusive)'),
    to: LocalTime.describe('Until time (exclusive); earlier than "from" means across midnight'),
  }),
  inSegment: z.object({
    op: z.literal('in-segment'),
    segmentId: z.string().min(1).describe('Member belongs to this segment'),
  }),
} as const;

/** Zod schema of {@link Condition}. @example Condition.parse({ op: 'gte', field: 'event.total', value: 20 }) */
export const Condition: z.ZodType<Condition> = z
  .discriminatedUnion('op', [
    conditionOptions.and,
    conditionOptions.or,
    conditionOptions.not,
    conditionOptions.compare,
    conditionOptions.in,
    conditionOptions.between,
    conditionOptions.anyItem,
    conditionOptions.aggregate,
    conditionOptions.tenure,
    conditionOptions.dayOfWeek,
    conditionOptions.timeBetween,
    conditionOptions.inSegment,
  ])
  .meta({ id: 'Condition', description: 'A condition (JSON expression tree)' });

/** True for the six comparison operators. */
export function isCompare(op: string): op is Compare {
  return (Compare.options as readonly string[]).includes(op);
}

/**
 * Visits a condition and all nested conditions, depth first, with their path.
 * @example walkCondition(c, (node, path) => console.log(path.join('.'), node.op))
 */
export function walkCondition(
  condition: Condition,
  visit: (node: Condition, path: (string | number)[]) => void,
  path: (string | number)[] = [],
): void {
  visit(condition, path);
  switch (condition.op) {
    case 'and':
      condition.all.forEach((c, i) => walkCondition(c, visit, [...path, 'all', i]));
      break;
    case 'or':
      condition.any.forEach((c, i) => walkCondition(c, visit, [...path, 'any', i]));
      break;
    case 'not':
      walkCondition(condition.condition, visit, [...path, 'condition']);
      break;
    case 'any-item':
      walkCondition(condition.where, visit, [...path, 'where']);
      break;
    default:
      break;
  }
}
