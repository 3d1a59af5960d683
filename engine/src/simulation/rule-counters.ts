import type { CompiledProgram, Counters, EarnedLine, RuleCounters } from '../rules';
import { grow } from './arrays';

/**
 * Cap and budget counters of the rules that have limits, per member and window, on flat arrays:
 * what the ledger's rule awards give `evaluate` in the live system. Day, week and month values
 * carry the window key they belong to and count as 0 once the event is in a later window.
 * `load` fills one reusable `Counters` object (no allocation per event).
 * @example
 *   const counters = new RuleCounterTable(compiled);
 *   const c = counters.load(m, day, week, month); const r = evaluate(compiled, facts, c);
 *   counters.add(m, r.lines, day, week, month);
 */
export class RuleCounterTable {
  readonly ids: string[];
  private readonly index: Map<string, number>;
  private readonly k: number;
  private dayKey = new Int32Array(0);
  private weekKey = new Int32Array(0);
  private monthKey = new Int32Array(0);
  private day = new Float64Array(0);
  private week = new Float64Array(0);
  private month = new Float64Array(0);
  private total = new Float64Array(0);
  private times = new Float64Array(0);
  private readonly campaign: Float64Array;
  private readonly views: RuleCounters[];
  private readonly counters: Record<string, RuleCounters>;

  constructor(compiled: CompiledProgram) {
    const ids = new Set<string>();
    for (const groups of compiled.plans.values()) for (const g of groups) for (const r of g.rules) if (r.limited) ids.add(r.id);
    this.ids = [...ids];
    this.index = new Map(this.ids.map((id, i) => [id, i]));
    this.k = this.ids.length;
    this.campaign = new Float64Array(this.k);
    this.views = this.ids.map(() => ({ day: 0, week: 0, month: 0, total: 0, times: 0, campaign: 0 }));
    this.counters = {};
    this.ids.forEach((id, i) => (this.counters[id] = this.views[i]!));
  }

  resize(n: number): void {
    const size = n * this.k;
    this.dayKey = grow(this.dayKey, size, -1);
    this.weekKey = grow(this.weekKey, size, -1);
    this.monthKey = grow(this.monthKey, size, -1);
    this.day = grow(this.day, size);
    this.week = grow(this.week, size);
    this.month = grow(this.month, size);
    this.total = grow(this.total, size);
    this.times = grow(this.times, size);
  }

  /** The counters of member `m` for an event in the given windows (a shared object, valid until the next call). */
  load(m: number, day: number, week: number, month: number): Counters {
    const base = m * this.k;
    for (let i = 0; i < this.k; i++) {
      const v = this.views[i]!;
      const j = base + i;
      v.day = this.dayKey[j] === day ? this.day[j] : 0;
      v.week = this.weekKey[j] === week ? this.week[j] : 0;
      v.month = this.monthKey[j] === month ? this.month[j] : 0;
      v.total = this.total[j];
      v.times = this.times[j];
      v.campaign = this.campaign[i];
    }
    return this.counters;
  }

  /** Adds an event's whole points to the limited rules' counters (like `addToCounters`). */
  add(m: number, lines: readonly EarnedLine[], day: number, week: number, month: number): void {
    if (this.k === 0) return;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      const p = line.points;
      if (p <= 0) continue;
      const i = this.index.get(line.ruleId);
      if (i === undefined) continue;
      const j = m * this.k + i;
      if (this.dayKey[j] !== day) {
        this.dayKey[j] = day;
        this.day[j] = 0;
      }
      if (this.weekKey[j] !== week) {
        this.weekKey[j] = week;
        this.week[j] = 0;
      }
      if (this.monthKey[j] !== month) {
        this.monthKey[j] = month;
        this.month[j] = 0;
      }
      this.day[j]! += p;
      this.week[j]! += p;
      this.month[j]! += p;
      this.total[j]! += p;
      this.times[j]! += 1;
      this.campaign[i]! += p;
    }
  }
}
