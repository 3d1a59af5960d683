import type { ProgramSpec } from '../spec';
import { describeContext, formatNumber, quote, type DescribeContext } from './describe-text';
import { formatValue, hasSentence, isAtomic, plainValue } from './diff-format';
import { areaOf, collectionRule, fieldLabel, itemKeys, sectionOwner, type ChangeArea, type CollectionRule } from './diff-rules';
import { commonOrder, isRecord, jsonEqual, pathPattern, type JsonPath } from './json-values';

export type { ChangeArea } from './diff-rules';

/**
 * One difference between two versions.
 * - `path` points into `after`, except for `removed` items of a collection, where it points into `before`;
 * - items of collections (tiers, rules, rewards, journey steps, ...) are matched by id, so `itemId` names the item;
 * - `moved` carries the old and new position in `before` / `after`;
 * - `message` is a plain-language sentence for reviewers.
 */
export interface ProgramChange {
  path: JsonPath;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  area: ChangeArea;
  itemId?: string;
  before?: unknown;
  after?: unknown;
  message: string;
}

type Owner = { label: string; itemId?: string; parentLabel?: string };
type Walk = { out: ProgramChange[]; ctxBefore: DescribeContext; ctxAfter: DescribeContext };

/** A sentence inside a message. */
const sentence = (text: string) => `“${text}”`;

function emit(w: Walk, change: Omit<ProgramChange, 'area'>): void {
  w.out.push({ ...change, area: areaOf(change.path) });
}

function itemOwner(parent: Owner | undefined, rule: CollectionRule, item: unknown, itemId: string): Owner {
  const name = rule.name(item);
  if (!parent) return { label: rule.bareOwner ? name : quote(name), itemId };
  return { label: `${parent.label}, ${rule.noun} ${quote(name)}`, itemId, parentLabel: parent.label };
}

function itemLabel(parent: Owner | undefined, rule: CollectionRule, item: unknown): string {
  const label = `${rule.noun} ${quote(rule.name(item))}`;
  return parent ? `${parent.label}: ${label}` : label;
}

function diffCollection(w: Walk, rule: CollectionRule, before: unknown[], after: unknown[], path: JsonPath, owner: Owner | undefined, bKeys: string[], aKeys: string[]): void {
  const bIndex = new Map(bKeys.map((k, i) => [k, i]));
  const aIndex = new Map(aKeys.map((k, i) => [k, i]));
  bKeys.forEach((key, i) => {
    if (aIndex.has(key)) return;
    emit(w, { path: [...path, i], kind: 'removed', itemId: key, before: before[i], message: `${itemLabel(owner, rule, before[i])} removed` });
  });
  const stay = commonOrder(
    bKeys.filter((k) => aIndex.has(k)),
    aKeys.filter((k) => bIndex.has(k)),
  );
  aKeys.forEach((key, j) => {
    const item = after[j];
    const i = bIndex.get(key);
    if (i === undefined) {
      emit(w, { path: [...path, j], kind: 'added', itemId: key, after: item, message: `${itemLabel(owner, rule, item)} added` });
      return;
    }
    if (!stay.has(key)) {
      const message = `${itemLabel(owner, rule, item)} moved from position ${i + 1} to ${j + 1}`;
      emit(w, { path: [...path, j], kind: 'moved', itemId: key, before: i, after: j, message });
    }
    diffNode(w, before[i], item, [...path, j], itemOwner(owner, rule, item, key), [], rule);
  });
}

function changeMessage(w: Walk, path: JsonPath, rel: JsonPath, owner: Owner | undefined, before: unknown, after: unknown, rule?: CollectionRule): string {
  const subject = rel.length ? `${owner ? `${owner.label}: ` : ''}${fieldLabel(rel)}` : (owner?.label ?? sectionOwner(String(path[0])));
  const b = () => formatValue(path, before, w.ctxBefore);
  const a = () => formatValue(path, after, w.ctxAfter);
  const last = rel[rel.length - 1];
  if (rule && rel.length === 1 && last === 'name' && typeof before === 'string' && typeof after === 'string') {
    return `${owner?.parentLabel ? `${owner.parentLabel}: ` : ''}${rule.noun} ${quote(before)} renamed to ${quote(after)}`;
  }
  if (owner && last === 'enabled' && typeof after === 'boolean' && typeof before === 'boolean') {
    return `${owner.label}: switched ${after ? 'on' : 'off'}`;
  }
  if (pathPattern(path) === 'pointsLifecycle.expiry' && before !== undefined && after !== undefined) return expiryMessage(w, before, after);
  if (before === undefined) return `${subject} added: ${hasSentence(path, after) ? sentence(a()) : a()}`;
  if (after === undefined) return `${subject} removed (was ${hasSentence(path, before) ? sentence(b()) : b()})`;
  if (hasSentence(path, before) || hasSentence(path, after)) {
    const [from, to] = [b(), a()];
    if (from !== to) return `${subject} changed from ${sentence(from)} to ${sentence(to)}`;
    const [plainFrom, plainTo] = [plainValue(before), plainValue(after)];
    return plainFrom === plainTo ? `${subject} changed in detail` : `${subject} changed from ${sentence(plainFrom)} to ${sentence(plainTo)}`;
  }
  return `${subject} ${b()} -> ${a()}`;
}

function expiryMessage(w: Walk, before: unknown, after: unknown): string {
  const b = formatValue(['pointsLifecycle', 'expiry'], before, w.ctxBefore);
  const a = formatValue(['pointsLifecycle', 'expiry'], after, w.ctxAfter);
  if (isRecord(before) && isRecord(after) && before.kind === after.kind && typeof before.months === 'number' && after.months !== before.months) {
    return `${a} instead of ${formatNumber(before.months)}`;
  }
  return `${a} (was: ${b.replace(/^./, (c) => c.toLowerCase())})`;
}

function diffNode(w: Walk, before: unknown, after: unknown, path: JsonPath, owner: Owner | undefined, rel: JsonPath, itemRule?: CollectionRule): void {
  if (jsonEqual(before, after)) return;
  const base = { path, ...(owner?.itemId !== undefined ? { itemId: owner.itemId } : {}) };
  const message = () => changeMessage(w, path, rel, owner, before, after, itemRule);
  if (before === undefined) return emit(w, { ...base, kind: 'added', after, message: message() });
  if (after === undefined) return emit(w, { ...base, kind: 'removed', before, message: message() });
  const rule = collectionRule(path);
  if (rule && Array.isArray(before) && Array.isArray(after)) {
    const bKeys = itemKeys(before, rule);
    const aKeys = itemKeys(after, rule);
    if (bKeys && aKeys) return diffCollection(w, rule, before, after, path, owner, bKeys, aKeys);
  }
  if (!isRecord(before) || !isRecord(after) || isAtomic(path, before, after)) {
    return emit(w, { ...base, kind: 'changed', before, after, message: message() });
  }
  for (const key of unionKeys(before, after)) diffNode(w, before[key], after[key], [...path, key], owner, [...rel, key], itemRule);
}

function unionKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
}

/**
 * The semantic differences between two versions, in reading order. Collections are matched by id,
 * so a renamed or reordered item is one change, not a removal plus an addition.
 * `applyChanges(before, diffPrograms(before, after))` rebuilds `after`.
 * @example
 *   const after = beanClub(); after.tiers[2]!.benefits.earnMultiplier = 2;
 *   diffPrograms(beanClub(), after).map((c) => c.message) // ['Gold: earn multiplier 1.5 -> 2']
 */
export function diffPrograms(before: ProgramSpec, after: ProgramSpec): ProgramChange[] {
  const w: Walk = { out: [], ctxBefore: describeContext(before, after), ctxAfter: describeContext(after, before) };
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const key of unionKeys(b, a)) {
    const owner = collectionRule([key]) ? undefined : { label: sectionOwner(key) };
    diffNode(w, b[key], a[key], [key], owner, []);
  }
  return w.out;
}

/** The changes grouped by area, in the order areas first appear. */
export function changesByArea(changes: readonly ProgramChange[]): Map<ChangeArea, ProgramChange[]> {
  const groups = new Map<ChangeArea, ProgramChange[]>();
  for (const change of changes) groups.set(change.area, [...(groups.get(change.area) ?? []), change]);
  return groups;
}
