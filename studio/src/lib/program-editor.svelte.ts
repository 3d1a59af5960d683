import type { GraphIssue, ProgramGraph } from '@loyalty/engine/graph';
import { compileGraph, decompile, layoutGraph } from '@loyalty/engine/graph';
import type { ProgramSpec } from '@loyalty/engine/spec';
import { errorMessage } from './errors';
import { History } from './history.svelte';
import { trpc } from './trpc';

export type VersionMeta = Omit<Awaited<ReturnType<typeof trpc.versions.list.query>>[number], 'authorName'>;
type Loaded = Awaited<ReturnType<typeof trpc.programs.get.query>>;

/** How long the editor waits after the last edit before it compiles again. */
export const CHECK_DELAY_MS = 300;

/**
 * The state of one open program, shared by the canvas and the table editors: the saved graph
 * (the only copy of the program being edited), undo/redo, live compiler issues, the selection and
 * saving. Every edit goes through `update`, which records a snapshot and schedules a check.
 */
export class ProgramEditor {
  readonly programId: string;
  graph = $state.raw<ProgramGraph>(undefined as unknown as ProgramGraph);
  /** The version the editor started from, or the one it saved last. */
  version = $state.raw<VersionMeta | null>(null);
  issues = $state.raw<GraphIssue[]>([]);
  checking = $state(false);
  selectedId = $state<string | null>(null);
  /** Set to ask the canvas to centre on a node; `at` makes repeated requests distinct. */
  focusRequest = $state.raw<{ id: string; at: number } | null>(null);
  saving = $state(false);
  readonly history = new History<ProgramGraph>();
  #saved = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly errors = $derived(this.issues.filter((i) => i.severity === 'error'));
  readonly issuesByNode = $derived(groupByNode(this.issues));
  readonly dirty = $derived(JSON.stringify(this.graph) !== this.#saved);
  readonly selected = $derived(this.graph?.nodes.find((n) => n.id === this.selectedId));

  constructor(loaded: Loaded) {
    this.programId = loaded.id;
    const spec = loaded.latest?.spec;
    if (loaded.latest) {
      const { spec: _spec, ...meta } = loaded.latest;
      this.version = meta;
    }
    this.graph = spec ? decompile(spec) : { version: 1, program: { program: { name: loaded.name } } as ProgramGraph['program'], nodes: [], edges: [] };
    this.#saved = JSON.stringify(this.graph);
    this.check();
  }

  /** Applies an edit. Edits with the same `key` in quick succession undo as one. */
  update(edit: (g: ProgramGraph) => ProgramGraph, key?: string): void {
    const next = edit(this.graph);
    if (next === this.graph) return;
    this.history.record(this.graph, key);
    this.graph = next;
    this.scheduleCheck();
  }

  undo(): void {
    const prev = this.history.undo(this.graph);
    if (prev) this.#replace(prev);
  }

  redo(): void {
    const next = this.history.redo(this.graph);
    if (next) this.#replace(next);
  }

  #replace(graph: ProgramGraph): void {
    this.graph = graph;
    if (this.selectedId && !graph.nodes.some((n) => n.id === this.selectedId)) this.selectedId = null;
    this.scheduleCheck();
  }

  /** Tidies the canvas with the engine's automatic layout. */
  autoLayout(): void {
    this.update((g) => layoutGraph(g));
  }

  /** Selects a node and asks the canvas to show it. */
  focus(id: string): void {
    this.selectedId = id;
    this.focusRequest = { id, at: Date.now() };
  }

  scheduleCheck(): void {
    this.checking = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.check(), CHECK_DELAY_MS);
  }

  /** Compiles now; returns the spec when the graph has no errors. */
  check(): ProgramSpec | undefined {
    clearTimeout(this.#timer);
    const result = compileGraph(this.graph);
    this.issues = result.issues;
    this.checking = false;
    return result.ok ? result.spec : undefined;
  }

  /**
   * Saves the compiled spec as a new version. Saving content equal to the latest version keeps
   * that version and says so.
   */
  async save(note = ''): Promise<{ ok: boolean; message: string }> {
    const spec = this.check();
    if (!spec) return { ok: false, message: `Fix ${plural(this.errors.length, 'problem')} before saving; the Problems panel lists them.` };
    this.saving = true;
    try {
      const graph = this.graph;
      const saved = await trpc.versions.save.mutate({ programId: this.programId, spec, note, basedOn: this.version?.id ?? null });
      const { created, ...meta } = saved;
      this.version = meta;
      this.#saved = JSON.stringify(graph);
      return created
        ? { ok: true, message: `Saved as version ${meta.number}.` }
        : { ok: true, message: `Nothing changed since version ${meta.number}, so no new version was made.` };
    } catch (e) {
      return { ok: false, message: `Not saved: ${errorMessage(e)}` };
    } finally {
      this.saving = false;
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

function groupByNode(issues: readonly GraphIssue[]): Map<string, GraphIssue[]> {
  const map = new Map<string, GraphIssue[]>();
  for (const i of issues) if (i.nodeId) map.set(i.nodeId, [...(map.get(i.nodeId) ?? []), i]);
  return map;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
