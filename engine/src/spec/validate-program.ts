import type { z } from 'zod';
import { nounOf } from './check-context';
import { checkProgram } from './check-program';
import type { SpecIssue } from './issues';
import { SpecCollection } from './issues';
import { ProgramSpec } from './program-spec';

export type ValidationResult =
  | { ok: true; spec: ProgramSpec; issues: SpecIssue[] }
  | { ok: false; spec?: ProgramSpec; issues: SpecIssue[] };

function labelFor(input: unknown, path: PropertyKey[]): Pick<SpecIssue, 'collection' | 'itemId'> & { label: string } {
  const head = String(path[0] ?? '');
  const parsed = SpecCollection.safeParse(head);
  if (!parsed.success) return { label: 'Program' };
  const collection = parsed.data;
  if (typeof path[1] !== 'number') return { collection, label: nounOf(collection) };
  const raw = (input as Record<string, unknown[] | undefined>)?.[head]?.[path[1]] as { id?: unknown; name?: unknown } | undefined;
  const name = typeof raw?.name === 'string' ? raw.name : typeof raw?.id === 'string' ? raw.id : `#${path[1] + 1}`;
  const out: Pick<SpecIssue, 'collection' | 'itemId'> & { label: string } = { collection, label: `${nounOf(collection)} '${name}'` };
  if (typeof raw?.id === 'string') out.itemId = raw.id;
  return out;
}

/** Turns zod issues into spec issues labelled with the rule, journey... they concern. */
export function zodIssuesToSpecIssues(input: unknown, error: z.ZodError): SpecIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const { label, ...where } = labelFor(input, issue.path);
    const within = path.slice(typeof path[1] === 'number' ? 2 : 1).join('.');
    return { severity: 'error', code: 'invalid-value', message: `${label}: ${within ? `${within}: ` : ''}${issue.message}`, path, ...where };
  });
}

/**
 * Parses raw JSON into a spec and checks it. `ok` is false when the shape is wrong or any error was found;
 * `spec` is present whenever the shape was right.
 * @example
 *   const r = validateProgram(JSON.parse(text));
 *   if (!r.ok) showIssues(r.issues);
 */
export function validateProgram(input: unknown): ValidationResult {
  const parsed = ProgramSpec.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssuesToSpecIssues(input, parsed.error) };
  const issues = checkProgram(parsed.data);
  return issues.some((i) => i.severity === 'error') ? { ok: false, spec: parsed.data, issues } : { ok: true, spec: parsed.data, issues };
}
