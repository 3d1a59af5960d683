import fc from 'fast-check';
import { beanClub, type ProgramSpec } from '../spec';
import { isRecord, type JsonPath } from './json-values';

/**
 * Test support: random edits of a program, the way people change one between versions —
 * field edits, renames, items added, removed, duplicated and reordered — plus the odd structural
 * surprise (a field deleted, a duplicate id). The result is JSON shaped like a spec, not always a valid one.
 */
export type SpecEdit = { pick: number; op: number; n: number; text: string };

const WORDS = ['Gold', 'Plus', 'Birthday bonus', 'Weekend', 'coffee', 'pastry', 'Hi {{ member.firstName }}', 'de', 'fr', ''];

function nodes(value: unknown, path: JsonPath = [], out: { path: JsonPath; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}

function setAt(root: unknown, path: JsonPath, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

function copyItem(item: unknown, n: number): unknown {
  const copy = structuredClone(item);
  if (isRecord(copy) && typeof copy.id === 'string' && n % 5 !== 0) copy.id = `${copy.id}-copy-${Math.abs(n)}`;
  if (isRecord(copy) && typeof copy.name === 'string') copy.name = `${copy.name} (copy)`;
  if (typeof copy === 'string') return `${copy} ${Math.abs(n)}`;
  return copy;
}

function editList(list: unknown[], edit: SpecEdit): void {
  const i = Math.abs(edit.n) % Math.max(list.length, 1);
  switch (edit.op % 4) {
    case 0:
      list.splice(i, 1);
      break;
    case 1:
      if (list.length) list.splice((i + 1) % (list.length + 1), 0, copyItem(list[i], edit.n));
      break;
    case 2: {
      const [item] = list.splice(i, 1);
      if (item !== undefined) list.splice(edit.op % (list.length + 1), 0, item);
      break;
    }
    default:
      list.reverse();
  }
}

/** Applies one edit in place; `root` is the whole spec. */
export function applyEdit(root: unknown, edit: SpecEdit): void {
  const all = nodes(root).slice(1);
  const target = all[edit.pick % all.length];
  if (!target) return;
  const { path, value } = target;
  if (typeof value === 'number') setAt(root, path, edit.op % 2 ? edit.n : edit.n / 4);
  else if (typeof value === 'string') setAt(root, path, edit.op % 3 ? (WORDS[edit.op % WORDS.length] ?? '') : edit.text);
  else if (typeof value === 'boolean') setAt(root, path, !value);
  else if (Array.isArray(value)) editList(value, edit);
  else if (isRecord(value)) {
    const keys = Object.keys(value);
    const key = keys[edit.op % Math.max(keys.length, 1)];
    if (edit.op % 3 === 0 && key !== undefined) delete value[key];
    else value[`extra${edit.op % 2}`] = edit.op % 2 ? edit.text : edit.n;
  }
}

const edit: fc.Arbitrary<SpecEdit> = fc.record({
  pick: fc.nat(),
  op: fc.nat(),
  n: fc.integer({ min: -5, max: 3000 }),
  // user text without JSON-like punctuation, so messages can be checked for raw JSON
  text: fc.stringMatching(/^[a-zA-Z0-9 .,!-]{0,12}$/),
});

/**
 * A copy of `base` (default Bean Club) after 0 to `maxEdits` random edits.
 * @example fc.assert(fc.property(editedSpec(), (spec) => ...))
 */
export function editedSpec(base: () => ProgramSpec = beanClub, maxEdits = 6): fc.Arbitrary<ProgramSpec> {
  return fc.array(edit, { maxLength: maxEdits }).map((edits) => {
    const spec = base();
    for (const e of edits) applyEdit(spec, e);
    return spec;
  });
}
