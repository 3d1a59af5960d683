import type { ProgramSpec } from '../spec';
import type { ProgramChange } from './diff';
import { collectionRule, itemKeys } from './diff-rules';
import { cloneJson, isRecord, type JsonPath } from './json-values';

type Change = Pick<ProgramChange, 'path' | 'kind' | 'itemId' | 'after'>;

const REPLACES = new Set<ProgramChange['kind']>(['added', 'changed']);

/** A change to a list item itself (added, removed or moved), as opposed to a change inside it. */
const isItemChange = (c: Change, depth: number) => c.path.length === depth + 1 && c.kind !== 'changed';

function groupBy(changes: readonly Change[], depth: number): Map<string | number, Change[]> {
  const groups = new Map<string | number, Change[]>();
  for (const c of changes) {
    const key = c.path[depth]!;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}

function applyToList(list: unknown[], changes: readonly Change[], path: JsonPath): unknown[] {
  const rule = collectionRule(path);
  const keys = rule ? itemKeys(list, rule) : undefined;
  const depth = path.length;
  if (!rule || !keys) return cloneJson(list);
  const removed = new Set(changes.filter((c) => isItemChange(c, depth) && c.kind === 'removed').map((c) => c.itemId));
  const placed = new Map<number, unknown>();
  const moved = new Set<string>();
  for (const c of changes) {
    if (!isItemChange(c, depth)) continue;
    const index = c.path[depth] as number;
    if (c.kind === 'added') placed.set(index, cloneJson(c.after));
    if (c.kind === 'moved' && c.itemId !== undefined) {
      const from = keys.indexOf(c.itemId);
      if (from >= 0) {
        placed.set(index, cloneJson(list[from]));
        moved.add(c.itemId);
      }
    }
  }
  const kept = list.filter((_, i) => !removed.has(keys[i]) && !moved.has(keys[i]!)).map(cloneJson);
  const length = kept.length + placed.size;
  const result: unknown[] = [];
  for (let i = 0; i < length; i++) result.push(placed.has(i) ? placed.get(i) : kept.shift());
  const inner = changes.filter((c) => !isItemChange(c, depth));
  for (const [index, group] of groupBy(inner, depth)) {
    if (typeof index === 'number' && index < result.length) result[index] = applyAt(result[index], group, [...path, index]);
  }
  return result;
}

function applyAt(value: unknown, changes: readonly Change[], path: JsonPath): unknown {
  const depth = path.length;
  const exact = changes.filter((c) => c.path.length === depth && REPLACES.has(c.kind));
  if (exact.length) return cloneJson(exact[exact.length - 1]!.after);
  if (Array.isArray(value)) return applyToList(value, changes, path);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = { ...value };
  for (const [key, group] of groupBy(changes, depth)) {
    if (group.some((c) => c.path.length === depth + 1 && c.kind === 'removed')) delete result[key];
    else result[key] = applyAt(value[key], group, [...path, key]);
  }
  return result;
}

/**
 * Replays changes from {@link diffPrograms} on the version they were computed from and returns the
 * other version; the input is not modified. Proves that the listed changes explain every difference.
 * @example applyChanges(before, diffPrograms(before, after)) // deep-equals after
 */
export function applyChanges(before: ProgramSpec, changes: readonly ProgramChange[]): ProgramSpec {
  return applyAt(before, changes, []) as ProgramSpec;
}
