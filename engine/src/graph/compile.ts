import type { ProgramSpec } from '../spec';
import { checkProgram, ProgramSpec as ProgramSpecSchema } from '../spec';
import { buildSpec } from './build';
import { fromGraphZodIssues, fromSpecIssue, fromSpecZodIssues } from './issue-map';
import type { GraphIssue } from './schema';
import { ProgramGraph } from './schema';
import { checkStructure } from './structure';

/** Result of compiling a graph; warnings come with a successful result too. */
export type CompileResult = { ok: true; spec: ProgramSpec; issues: GraphIssue[] } | { ok: false; issues: GraphIssue[] };

const hasError = (issues: readonly GraphIssue[]) => issues.some((i) => i.severity === 'error');

/**
 * Compiles a saved graph (raw JSON or a parsed `ProgramGraph`) into a ProgramSpec.
 * Checks in order, stopping at the first stage with errors: the graph's own schema, its structure
 * (edges, handles, required connections, tier ladder, journeys), the built spec's schema, then
 * `checkProgram`. Every issue is pinned to the node or edge it concerns where there is one.
 * @example
 *   const r = compileGraph(graph);
 *   if (!r.ok) r.issues // [{ nodeId: 'rule:rule-double-weekend', code: 'missing-connection', message: "'Double points weekend' has no trigger connected", ... }]
 *   else save(r.spec);
 */
export function compileGraph(input: unknown): CompileResult {
  const parsed = ProgramGraph.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromGraphZodIssues(input, parsed.error) };
  const { index, issues } = checkStructure(parsed.data);
  if (hasError(issues)) return { ok: false, issues };
  const { draft, places } = buildSpec(parsed.data, index);
  const built = ProgramSpecSchema.safeParse(draft);
  if (!built.success) return { ok: false, issues: [...issues, ...fromSpecZodIssues(built.error, places, index)] };
  const spec = built.data;
  const all = [...issues, ...checkProgram(spec).map((i) => fromSpecIssue(i, places, spec))];
  return hasError(all) ? { ok: false, issues: all } : { ok: true, spec, issues: all };
}
