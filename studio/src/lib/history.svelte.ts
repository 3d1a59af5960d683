/**
 * Undo and redo over immutable snapshots. Edits that belong together (typing in one field) are
 * coalesced by key within a second, so one Ctrl+Z undoes the whole word, not one letter.
 */
export class History<T> {
  past = $state.raw<T[]>([]);
  future = $state.raw<T[]>([]);
  #lastKey: string | undefined;
  #lastAt = 0;

  constructor(private readonly limit = 100) {}

  get canUndo() {
    return this.past.length > 0;
  }
  get canRedo() {
    return this.future.length > 0;
  }

  /** Call with the state before an edit. */
  record(before: T, key?: string): void {
    const now = Date.now();
    const coalesce = key !== undefined && key === this.#lastKey && now - this.#lastAt < 1000;
    this.#lastKey = key;
    this.#lastAt = now;
    this.future = [];
    if (!coalesce) this.past = [...this.past.slice(-this.limit + 1), before];
  }

  undo(current: T): T | undefined {
    const prev = this.past.at(-1);
    if (prev === undefined) return undefined;
    this.past = this.past.slice(0, -1);
    this.future = [current, ...this.future];
    this.#lastKey = undefined;
    return prev;
  }

  redo(current: T): T | undefined {
    const next = this.future[0];
    if (next === undefined) return undefined;
    this.future = this.future.slice(1);
    this.past = [...this.past, current];
    this.#lastKey = undefined;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }
}
