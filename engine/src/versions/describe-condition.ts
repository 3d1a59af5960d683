import { fieldByPath, type Compare, type Condition, type ConditionValue, type FieldDef, type Weekday } from '../spec';
import { describeContext, formatMoney, formatNumber, joinWords, lowerFirst, quote, type DescribeContext } from './describe-text';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Where a catalog label does not read well as the subject of a sentence. */
const SUBJECTS: Record<string, string> = {
  'event.channel': 'the purchase channel',
  'event.referralCount': 'the number of friends referred so far',
  'member.tenureDays': 'the number of days since the member joined',
  'member.joinedOn': 'the date the member joined',
  'member.lastPurchaseOn': "the date of the member's last purchase",
  'member.pointsBalance': "the member's available points",
  'member.lifetimePoints': 'the points the member earned since joining',
  'member.signupChannel': "the member's sign-up channel",
};

/** Yes/no fields as a statement and its negation. */
const STATEMENTS: Record<string, [string, string]> = {
  'event.isFirstPurchase': ["it is the member's first purchase", "it is not the member's first purchase"],
  'item.isOnSale': ['the item is on sale', 'the item is not on sale'],
  'member.hasEmailConsent': ['the member agreed to receive emails', 'the member has not agreed to receive emails'],
  'member.hasSmsConsent': ['the member agreed to receive text messages', 'the member has not agreed to receive text messages'],
  'member.hasPushConsent': ['the member agreed to receive push notifications', 'the member has not agreed to receive push notifications'],
  'member.hasApp': ['the member uses the app', 'the member does not use the app'],
  'member.isStaff': ['the member is a staff member', 'the member is not a staff member'],
  'member.profileComplete': ["the member's profile is complete", "the member's profile is not complete"],
};

const COMPARE_WORDS: Record<Compare, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is more than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
};

const DATE_COMPARE_WORDS: Record<Compare, string> = {
  eq: 'is',
  neq: 'is not',
  gt: 'is after',
  gte: 'is on or after',
  lt: 'is before',
  lte: 'is on or before',
};

const TENURE_WORDS: Record<Compare, string> = {
  eq: 'exactly',
  neq: 'other than',
  gt: 'more than',
  gte: 'at least',
  lt: 'less than',
  lte: 'at most',
};

function subject(path: string, def: FieldDef | undefined): string {
  const override = SUBJECTS[path];
  if (override) return override;
  if (!def) return `the field ${quote(path)}`;
  const label = lowerFirst(def.label.replace(/\s*\((?!SKU)[^)]*\)/g, ''));
  if (def.scope === 'member') return `the member's ${label}`;
  if (def.scope === 'item') return `the item's ${label.replace(/ of the item$/, '')}`;
  return `the ${label}`;
}

function value(def: FieldDef | undefined, v: ConditionValue, ctx: DescribeContext): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const kind = def?.type.kind;
  if (typeof v === 'number') {
    if (kind === 'money') return formatMoney(v, ctx.currency);
    if (def?.path === 'member.birthMonth' && MONTHS[v - 1]) return MONTHS[v - 1]!;
    return formatNumber(v);
  }
  if (kind === 'ref') return quote(def?.type.kind === 'ref' && def.type.collection === 'segments' ? ctx.segmentName(v) : ctx.tierName(v));
  if (kind === 'date') return v;
  return quote(v);
}

function describeCompare(op: Compare, path: string, v: ConditionValue, ctx: DescribeContext): string {
  const def = fieldByPath(path);
  const statement = STATEMENTS[path];
  if (statement && typeof v === 'boolean' && (op === 'eq' || op === 'neq')) {
    return (op === 'eq') === v ? statement[0] : statement[1];
  }
  const words = def?.type.kind === 'date' ? DATE_COMPARE_WORDS : COMPARE_WORDS;
  return `${subject(path, def)} ${words[op]} ${value(def, v, ctx)}`;
}

function aggregateSubject(metric: string, lastDays: number): string {
  const period = `in the last ${formatNumber(lastDays)} ${lastDays === 1 ? 'day' : 'days'}`;
  if (metric === 'spend') return `the member's spending ${period}`;
  if (metric === 'visits') return `the member's number of visits ${period}`;
  return `the points the member earned ${period}`;
}

const NEGATED: Partial<Record<Compare, Compare>> = { eq: 'neq', neq: 'eq', gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' };

function describeNot(inner: Condition, ctx: DescribeContext): string {
  if (inner.op === 'in') {
    const def = fieldByPath(inner.field);
    const values = inner.values.map((v) => value(def, v, ctx));
    const none = values.length === 2 ? `neither ${values[0]} nor ${values[1]}` : `none of ${joinWords(values)}`;
    return `${subject(inner.field, def)} is ${values.length === 1 ? `not ${values[0]}` : none}`;
  }
  if ('field' in inner && 'value' in inner) return describeCompare(NEGATED[inner.op]!, inner.field, inner.value, ctx);
  return `it is not true that ${describe(inner, ctx)}`;
}

function group(c: Condition, parentOp: 'and' | 'or', ctx: DescribeContext): string {
  const text = describe(c, ctx);
  return (c.op === 'and' || c.op === 'or') && c.op !== parentOp ? `(${text})` : text;
}

function describe(c: Condition, ctx: DescribeContext): string {
  switch (c.op) {
    case 'and':
      return joinWords(c.all.map((x) => group(x, 'and', ctx)), 'and');
    case 'or':
      return joinWords(c.any.map((x) => group(x, 'or', ctx)), 'or');
    case 'not':
      return describeNot(c.condition, ctx);
    case 'in': {
      const def = fieldByPath(c.field);
      return `${subject(c.field, def)} is ${joinWords(c.values.map((v) => value(def, v, ctx)), 'or')}`;
    }
    case 'between': {
      const def = fieldByPath(c.field);
      return `${subject(c.field, def)} is between ${value(def, c.min, ctx)} and ${value(def, c.max, ctx)}`;
    }
    case 'any-item': {
      const what = c.minQuantity && c.minQuantity > 1 ? `at least ${formatNumber(c.minQuantity)} items` : 'an item';
      return `the purchase includes ${what} where ${describe(c.where, ctx)}`;
    }
    case 'aggregate': {
      const amount = c.metric === 'spend' ? formatMoney(c.value, ctx.currency) : formatNumber(c.value);
      return `${aggregateSubject(c.metric, c.lastDays)} ${COMPARE_WORDS[c.cmp]} ${amount}`;
    }
    case 'tenure':
      return `the member has been in the program for ${TENURE_WORDS[c.cmp]} ${formatNumber(c.days)} ${c.days === 1 ? 'day' : 'days'}`;
    case 'day-of-week':
      return `the day is ${joinWords(c.days.map((d) => DAY_NAMES[d] ?? d), 'or')}`;
    case 'time-between':
      return `the time is between ${c.from} and ${c.to}${c.to <= c.from ? ' (across midnight)' : ''}`;
    case 'in-segment':
      return `the member is in the segment ${quote(ctx.segmentName(c.segmentId))}`;
    default:
      return describeCompare(c.op, c.field, c.value, ctx);
  }
}

/**
 * A condition tree as one plain English phrase, using the field catalog labels and the
 * names behind ids. Nested groups of the other kind are put in parentheses.
 * @example
 *   describeCondition({ op: 'and', all: [
 *     { op: 'gte', field: 'event.total', value: 50 }, { op: 'day-of-week', days: ['sat', 'sun'] } ] })
 *   // 'the purchase total is at least 50.00 EUR and the day is Saturday or Sunday'
 */
export function describeCondition(condition: Condition, ctx: DescribeContext = describeContext()): string {
  return describe(condition, ctx);
}
