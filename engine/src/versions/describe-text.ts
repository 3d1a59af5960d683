import type { ProgramSpec } from '../spec';

/**
 * What the sentence helpers need to know about the program: currency, what points are called,
 * and the names behind ids (tiers, segments, messages, promotion groups).
 */
export interface DescribeContext {
  currency: string;
  pointsName: string;
  tierName(id: string): string;
  segmentName(id: string): string;
  messageName(id: string): string;
  groupName(id: string): string;
}

type Named = { id: string; name: string };

function namer(...lists: (readonly Named[] | undefined)[]): (id: string) => string {
  const names = new Map<string, string>();
  for (const list of lists) for (const item of list ?? []) if (!names.has(item.id)) names.set(item.id, item.name);
  return (id) => names.get(id) ?? id;
}

/**
 * A describe context from one or more versions (names of the first one win, so pass the newest first).
 * Without a spec it uses EUR, "Points" and bare ids.
 * @example describeContext(beanClub()).tierName('gold') // 'Gold'
 */
export function describeContext(...specs: ProgramSpec[]): DescribeContext {
  const first = specs[0];
  return {
    currency: first?.program.currency ?? 'EUR',
    pointsName: first?.program.pointsName ?? 'Points',
    tierName: namer(...specs.map((s) => s.tiers)),
    segmentName: namer(...specs.map((s) => s.segments)),
    messageName: namer(...specs.map((s) => s.messages)),
    groupName: namer(...specs.map((s) => s.promotionGroups)),
  };
}

/** Wraps text in single quotes. @example quote('Gold') // "'Gold'" */
export function quote(text: string): string {
  return `'${text}'`;
}

/**
 * Joins phrases the way people write lists.
 * @example joinWords(['a', 'b', 'c'], 'or') // 'a, b or c'
 */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Number with thousands separators, at most 4 decimals. @example formatNumber(500000) // '500,000' */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** Money with two decimals and the currency code. @example formatMoney(50, 'EUR') // '50.00 EUR' */
export function formatMoney(amount: number, currency: string): string {
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })} ${currency}`;
}

/**
 * A number of points with the program's name for them, singular for exactly one.
 * @example formatPoints(1, 'Beans') // '1 Bean'
 * @example formatPoints(50, 'Beans') // '50 Beans'
 */
export function formatPoints(n: number, pointsName: string): string {
  const name = n === 1 && /[^s]s$/i.test(pointsName) ? pointsName.slice(0, -1) : pointsName;
  return `${formatNumber(n)} ${name}`;
}

/** First letter upper case. @example capitalize('the day') // 'The day' */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** First letter lower case unless the first word is an acronym. @example lowerFirst('Purchase total') // 'purchase total' */
export function lowerFirst(text: string): string {
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Shortens long text for one-line messages.
 * @example truncate('a'.repeat(100), 10) // 'aaaaaaaaa…'
 */
export function truncate(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/**
 * Splits a camelCase key into lower-case words.
 * @example words('earnMultiplier') // 'earn multiplier'
 */
export function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
}

/** Days and hours as words. @example formatDuration(2, 3) // '2 days and 3 hours' */
export function formatDuration(days: number, hours = 0): string {
  const parts: string[] = [];
  if (days) parts.push(`${formatNumber(days)} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${formatNumber(hours)} ${hours === 1 ? 'hour' : 'hours'}`);
  return parts.length ? joinWords(parts) : 'no time';
}

/** "1 month" / "12 months". */
export function plural(n: number, unit: string): string {
  return `${formatNumber(n)} ${n === 1 ? unit : `${unit}s`}`;
}
