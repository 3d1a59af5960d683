import type { Condition, ConditionValue } from './condition';
import { isCompare } from './condition';
import type { FieldDef, FieldScope } from './fields';
import { FIELDS, closestName, describeFieldType, fieldByPath } from './fields';
import type { IssueLocation, SpecIssue } from './issues';
import { issueAt } from './issues';

/**
 * Where a condition is used. It decides which fields and operators are allowed:
 * - `earning`: event and member fields, history, time, and line items through `any-item`;
 * - `item`: only `item.*` fields (inside `any-item` or an effect's item filter);
 * - `segment`, `reward`, `journey`: member fields and history (plus time of day, except segments).
 */
export type ConditionContext = 'earning' | 'item' | 'segment' | 'reward' | 'journey';

const SCOPES: Record<ConditionContext, FieldScope[]> = {
  earning: ['event', 'member'],
  item: ['item'],
  segment: ['member'],
  reward: ['member'],
  journey: ['member'],
};

const CONTEXT_WORDS: Record<ConditionContext, string> = {
  earning: 'an earning rule',
  item: 'a line-item filter',
  segment: 'a segment',
  reward: 'a reward eligibility check',
  journey: 'a journey',
};

export interface CheckConditionOptions {
  /** Location and message prefix; defaults to a bare "Condition" label at the root path. */
  at?: IssueLocation;
  /** Known tier ids; when given, `member.tier` values are checked against them. */
  tierIds?: readonly string[];
  /** Known segment ids; when given, `in-segment` references are checked against them. */
  segmentIds?: readonly string[];
}

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));

function valueProblem(def: FieldDef, value: ConditionValue, opts: CheckConditionOptions): string | undefined {
  const t = def.type;
  const mismatch = `'${def.path}' is ${describeFieldType(t)}, but was compared with ${show(value)}`;
  switch (t.kind) {
    case 'number':
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value)) return mismatch;
      if (t.kind === 'number' && ((t.min !== undefined && value < t.min) || (t.max !== undefined && value > t.max))) {
        return `'${def.path}' (${def.label}) goes from ${t.min ?? '-∞'} to ${t.max ?? '∞'}, so ${value} can never match`;
      }
      return undefined;
    case 'string':
      return typeof value === 'string' ? undefined : mismatch;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : mismatch;
    case 'enum':
      return typeof value === 'string' && t.values.includes(value) ? undefined : mismatch;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : mismatch;
    case 'ref':
      if (typeof value !== 'string') return mismatch;
      if (t.collection === 'tiers' && opts.tierIds && !opts.tierIds.includes(value)) {
        return `'${def.path}' was compared with ${show(value)}, which is not a tier of this program`;
      }
      return undefined;
  }
}

const ORDERED = new Set(['number', 'money', 'date']);

/**
 * Checks a condition against the field catalog: unknown fields, fields used where they have no
 * value, operators that do not fit the field, and values of the wrong type.
 * @example
 *   checkCondition({ op: 'gt', field: 'event.totl', value: 10 }, 'earning',
 *     { at: { label: "Rule 'Weekend'", path: ['earningRules', 0, 'condition'] } })
 *   // [{ code: 'unknown-field', message: "Rule 'Weekend': 'event.totl' is not a field conditions can use (did you mean 'event.total'?)", ... }]
 */
export function checkCondition(
  condition: Condition,
  context: ConditionContext,
  opts: CheckConditionOptions = {},
): SpecIssue[] {
  const at: IssueLocation = opts.at ?? { label: 'Condition', path: [] };
  const issues: SpecIssue[] = [];
  const here = (path: (string | number)[]): IssueLocation => ({ ...at, path: [...at.path, ...path] });

  const lookField = (path: string, loc: IssueLocation, ctx: ConditionContext): FieldDef | undefined => {
    const def = fieldByPath(path);
    if (!def) {
      const allowed = FIELDS.filter((d) => SCOPES[ctx].includes(d.scope)).map((d) => d.path);
      const hint = closestName(path, allowed);
      issues.push(
        issueAt(loc, 'unknown-field', `'${path}' is not a field conditions can use${hint ? ` (did you mean '${hint}'?)` : ''}`, ['field']),
      );
      return undefined;
    }
    if (!SCOPES[ctx].includes(def.scope)) {
      const why =
        def.scope === 'item' && ctx === 'earning'
          ? `'${path}' (${def.label}) describes one line item; put it inside an "any item" condition`
          : `'${path}' (${def.label}) cannot be used in ${CONTEXT_WORDS[ctx]}`;
      issues.push(issueAt(loc, 'field-not-allowed-here', why, ['field']));
      return undefined;
    }
    return def;
  };

  const opNotAllowed = (loc: IssueLocation, what: string, ctx: ConditionContext): void => {
    issues.push(issueAt(loc, 'operator-not-allowed', `${what} cannot be used in ${CONTEXT_WORDS[ctx]}`, ['op']));
  };

  const visit = (c: Condition, path: (string | number)[], ctx: ConditionContext): void => {
    const loc = here(path);
    if (isCompare(c.op) && 'field' in c && 'value' in c) {
      const def = lookField(c.field, loc, ctx);
      if (!def) return;
      if (c.op !== 'eq' && c.op !== 'neq' && !ORDERED.has(def.type.kind)) {
        issues.push(
          issueAt(loc, 'operator-not-allowed', `'${c.field}' is ${describeFieldType(def.type)}, so it can only be checked for equal or not equal`, ['op']),
        );
        return;
      }
      const problem = valueProblem(def, c.value, opts);
      if (problem) issues.push(issueAt(loc, 'type-mismatch', problem, ['value']));
      return;
    }
    switch (c.op) {
      case 'and':
        c.all.forEach((s, i) => visit(s, [...path, 'all', i], ctx));
        return;
      case 'or':
        c.any.forEach((s, i) => visit(s, [...path, 'any', i], ctx));
        return;
      case 'not':
        visit(c.condition, [...path, 'condition'], ctx);
        return;
      case 'in': {
        const def = lookField(c.field, loc, ctx);
        if (!def) return;
        c.values.forEach((v, i) => {
          const problem = valueProblem(def, v, opts);
          if (problem) issues.push(issueAt(loc, 'type-mismatch', problem, ['values', i]));
        });
        return;
      }
      case 'between': {
        const def = lookField(c.field, loc, ctx);
        if (!def) return;
        if (!ORDERED.has(def.type.kind)) {
          issues.push(issueAt(loc, 'operator-not-allowed', `'${c.field}' is ${describeFieldType(def.type)}, so "between" does not apply`, ['op']));
          return;
        }
        const pMin = valueProblem(def, c.min, opts);
        const pMax = valueProblem(def, c.max, opts);
        if (pMin) issues.push(issueAt(loc, 'type-mismatch', pMin, ['min']));
        if (pMax) issues.push(issueAt(loc, 'type-mismatch', pMax, ['max']));
        if (!pMin && !pMax && c.min > c.max) {
          issues.push(issueAt(loc, 'invalid-range', `'${c.field}' between ${show(c.min)} and ${show(c.max)} can never match; the first must not be larger`, ['min']));
        }
        return;
      }
      case 'any-item':
        if (ctx !== 'earning') return opNotAllowed(loc, '"Any item" (line items)', ctx);
        visit(c.where, [...path, 'where'], 'item');
        return;
      case 'aggregate':
      case 'tenure':
        if (ctx === 'item') opNotAllowed(loc, c.op === 'tenure' ? 'Membership length' : 'Member history', ctx);
        return;
      case 'day-of-week':
      case 'time-between':
        if (ctx === 'item' || ctx === 'segment') opNotAllowed(loc, c.op === 'day-of-week' ? 'Day of week' : 'Time of day', ctx);
        return;
      case 'in-segment':
        if (ctx === 'item') return opNotAllowed(loc, 'Segment membership', ctx);
        if (opts.segmentIds && !opts.segmentIds.includes(c.segmentId)) {
          issues.push(issueAt(loc, 'unknown-reference', `segment '${c.segmentId}' does not exist`, ['segmentId']));
        }
        return;
    }
  };

  visit(condition, [], context);
  return issues;
}
