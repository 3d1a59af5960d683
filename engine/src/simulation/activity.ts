import { grow } from './arrays';

/** Metrics a window can add up: spend (in cents, net of returns), visits (purchases), points (net of reversals). */
export const SPEND = 0;
export const VISITS = 1;
export const POINTS = 2;
export type MetricCode = typeof SPEND | typeof VISITS | typeof POINTS;

/** Metric code of a spec metric name. @example metricCode('points-earned') // POINTS */
export function metricCode(metric: 'spend' | 'visits' | 'points' | 'points-earned'): MetricCode {
  return metric === 'spend' ? SPEND : metric === 'visits' ? VISITS : POINTS;
}

/**
 * Each member's activity as a chain of entries in one pool (time order): instant, local day,
 * spend in cents, visits and points. Windows over it ({@link WindowSum}) keep a running sum per
 * member and drop entries as the window start moves on, so a query is O(1) amortised. Only the
 * columns some window reads are kept (Bean Club's tier window needs days and points: 20 of the
 * 40 bytes an entry would take), and nothing at all without windows.
 * @example log.add(m, at, day, 11_50, 1, 16); window.valueOf(m, at - 60 * DAY)
 */
export class ActivityLog {
  at = new Float64Array(0);
  day = new Int32Array(0);
  values = [new Float64Array(0), new Float64Array(0), new Float64Array(0)] as const;
  next = new Int32Array(0);
  count = 0;
  tail = new Int32Array(0);
  readonly windows: WindowSum[] = [];
  private capacity = 0;
  private keepAt = false;
  private keepDay = false;
  private readonly keepValue = [false, false, false];

  resize(n: number): void {
    this.tail = grow(this.tail, n, -1);
    for (const w of this.windows) w.resize(n);
  }

  /** A window over this log; `byDay` compares local days, otherwise instants. Register windows before adding entries. */
  window(metric: MetricCode, byDay: boolean): WindowSum {
    const w = new WindowSum(this, metric, byDay);
    w.resize(this.tail.length);
    this.windows.push(w);
    if (byDay) this.keepDay = true;
    else this.keepAt = true;
    this.keepValue[metric] = true;
    return w;
  }

  /** Appends an entry for member `m` and adds it to every window. */
  add(m: number, at: number, day: number, spendCents: number, visits: number, points: number): void {
    if (this.windows.length === 0) return;
    const i = this.count++;
    if (i >= this.capacity) this.growPool(i + 1);
    if (this.keepAt) this.at[i] = at;
    if (this.keepDay) this.day[i] = day;
    if (this.keepValue[SPEND]) this.values[SPEND][i] = spendCents;
    if (this.keepValue[VISITS]) this.values[VISITS][i] = visits;
    if (this.keepValue[POINTS]) this.values[POINTS][i] = points;
    this.next[i] = -1;
    const t = this.tail[m]!;
    if (t >= 0) this.next[t] = i;
    this.tail[m] = i;
    for (let k = 0; k < this.windows.length; k++) this.windows[k]!.append(m, i);
  }

  private growPool(n: number): void {
    this.capacity = Math.max(n, this.capacity * 2, 1024);
    const c = this.capacity;
    if (this.keepAt) this.at = grow(this.at, c);
    if (this.keepDay) this.day = grow(this.day, c);
    const [spend, visits, points] = this.values;
    this.values = [this.keepValue[SPEND] ? grow(spend, c) : spend, this.keepValue[VISITS] ? grow(visits, c) : visits, this.keepValue[POINTS] ? grow(points, c) : points];
    this.next = grow(this.next, c);
  }
}

/** A per-member sum of one metric over entries at or after a moving start (instant or local day). */
export class WindowSum {
  head = new Int32Array(0);
  sum = new Float64Array(0);

  constructor(
    private readonly log: ActivityLog,
    private readonly metric: MetricCode,
    private readonly byDay: boolean,
  ) {}

  resize(n: number): void {
    this.head = grow(this.head, n, -1);
    this.sum = grow(this.sum, n);
  }

  append(m: number, entry: number): void {
    if (this.head[m]! < 0) this.head[m] = entry;
    this.sum[m]! += this.log.values[this.metric][entry]!;
  }

  /**
   * The metric of member `m` over entries whose instant (or day) is at or after `from`. `from`
   * must not decrease between calls for the same member. Spend comes back in currency units.
   */
  valueOf(m: number, from: number): number {
    const log = this.log;
    const keys = this.byDay ? log.day : log.at;
    const values = log.values[this.metric];
    let h = this.head[m]!;
    let s = this.sum[m]!;
    while (h >= 0 && keys[h]! < from) {
      s -= values[h]!;
      h = log.next[h]!;
    }
    this.head[m] = h;
    this.sum[m] = s;
    return this.metric === SPEND ? Math.max(0, Math.round(s) / 100) : Math.max(0, s);
  }
}
