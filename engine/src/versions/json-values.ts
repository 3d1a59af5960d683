/** A JSON path into a program spec: object keys and array indexes. */
export type JsonPath = (string | number)[];

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Structural equality of JSON-like values; object members that are `undefined` count as absent,
 * like in JSON and in the canonical form versions are stored in.
 * @example jsonEqual({ a: 1, b: undefined }, { a: 1 }) // true
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
    const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
    return keysA.length === keysB.length && keysA.every((k) => jsonEqual(a[k], b[k]));
  }
  return typeof a === 'number' && typeof b === 'number' && Object.is(a === 0 ? 0 : a, b === 0 ? 0 : b);
}

/** A path with array indexes replaced by `*`, for matching rules. @example pathPattern(['tiers', 2, 'name']) // 'tiers.*.name' */
export function pathPattern(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
}

/** Deep copy of a JSON-like value (undefined stays undefined). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/**
 * The longest common subsequence of two key lists: the items that keep their relative order.
 * @example commonOrder(['a', 'b', 'c'], ['b', 'c', 'a']) // Set { 'b', 'c' }
 */
export function commonOrder(before: readonly string[], after: readonly string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = before[i] === after[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const keep = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      keep.add(before[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return keep;
}
