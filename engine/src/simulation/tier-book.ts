import { reviewTier, tierAfterActivity } from '../rules';
import { dayOfIsoDate, isoDateOfDay } from '../rules/local-time';
import type { Tier, TierPolicy } from '../spec';
import type { ActivityLog, WindowSum } from './activity';
import { metricCode } from './activity';
import { grow } from './arrays';
import { addMonthsToDay, monthKeyOfDay, firstDayOfMonth } from './calendar';

const NEVER = 0x7fffffff;

/**
 * Tiers of every member, with the program's tier policy (rules `tierAfterActivity`, `reviewTier`):
 * after activity a member may move up at once (`upgrade: 'immediate'`); at each re-check
 * (`retention.evaluate`) the value over the qualification window as of the review date decides
 * an upgrade or a downgrade, which takes effect `graceDays` later. Re-check dates:
 * - `window-end`: 31 December for a calendar-year window; for a rolling window of N months, N
 *   months after the member got their current tier (and every N months after);
 * - `monthly`: the last day of each month;
 * - `membership-anniversary`: each anniversary of the member's join date.
 * Counts per tier are kept for members who have joined.
 * @example const tiers = new TierBook(spec.tiers, spec.tierPolicy, log); tiers.join(m, day, joinedDay);
 */
export class TierBook {
  readonly enabled: boolean;
  /** Whether re-checks depend on the join day (membership anniversaries); `join` ignores it otherwise. */
  readonly usesJoinDay: boolean;
  tier = new Int16Array(0);
  since = new Int32Array(0);
  joinedDay = new Int32Array(0);
  nextReview = new Int32Array(0);
  downDay = new Int32Array(0);
  downTo = new Int16Array(0);
  readonly counts: Float64Array;
  upgrades = 0;
  downgrades = 0;
  /** Members whose tier changed in the last `sweep` (the first `changedCount` entries). */
  changed = new Int32Array(16);
  changedCount = 0;
  private readonly window: WindowSum | undefined;
  private readonly index: Map<string, number>;
  /** No member has a downgrade or re-check due before this day (a lower bound; sweeps before it do nothing). */
  private dueDay = NEVER;
  private fromCacheDay = Number.NaN;
  private fromCache = 0;
  private isoCacheDay = Number.NaN;
  private isoCache = '';

  constructor(
    private readonly tiers: readonly Tier[],
    private readonly policy: TierPolicy,
    log: ActivityLog,
  ) {
    this.enabled = tiers.length > 0;
    this.usesJoinDay = this.enabled && policy.retention.evaluate === 'membership-anniversary';
    this.counts = new Float64Array(tiers.length);
    this.index = new Map(tiers.map((t, i) => [t.id, i]));
    this.window = this.enabled ? log.window(metricCode(policy.metric), true) : undefined;
  }

  resize(n: number): void {
    this.tier = grow(this.tier, n, -1);
    this.since = grow(this.since, n);
    this.joinedDay = grow(this.joinedDay, n);
    this.nextReview = grow(this.nextReview, n, NEVER);
    this.downDay = grow(this.downDay, n, NEVER);
    this.downTo = grow(this.downTo, n, -1);
  }

  /** Member `m` enters the program on `day` with tier `tierId` (default: the tier a value of 0 reaches). */
  join(m: number, day: number, joinedDay: number, tierId?: string): void {
    if (!this.enabled) return;
    const id = tierId ?? tierAfterActivity(this.tiers, this.policy, undefined, 0);
    const t = id === undefined ? -1 : (this.index.get(id) ?? -1);
    this.tier[m] = t;
    this.joinedDay[m] = joinedDay;
    if (t >= 0) this.counts[t]! += 1;
    this.since[m] = day;
    this.nextReview[m] = this.reviewAfter(m, day);
    this.schedule(m);
  }

  /** The tier id of member `m` (undefined without tiers). */
  tierId(m: number): string | undefined {
    return this.tiers[this.tier[m]!]?.id;
  }

  /** The qualification value of member `m` as of local day `day`. */
  value(m: number, day: number): number {
    return this.window ? this.window.valueOf(m, this.windowStart(day)) : 0;
  }

  /** Applies an immediate upgrade after activity on `day`; true when the tier changed. */
  afterActivity(m: number, day: number): boolean {
    if (!this.enabled || this.policy.upgrade !== 'immediate') return false;
    const current = this.tierId(m);
    const next = tierAfterActivity(this.tiers, this.policy, current, this.value(m, day));
    if (next === current || next === undefined) return false;
    this.upgrades++;
    this.set(m, this.index.get(next) ?? -1, day);
    return true;
  }

  /** Runs the re-checks due before local day `day` and the downgrades effective by then; fills `changed`. */
  sweep(day: number, members: number): void {
    this.changedCount = 0;
    // Most days nobody is due: skip the pass over every member until the earliest due day.
    if (!this.enabled || day < this.dueDay) return;
    let due = NEVER;
    for (let m = 0; m < members; m++) {
      if (this.downDay[m]! <= day) {
        this.downDay[m] = NEVER;
        this.downgrades++;
        this.set(m, this.downTo[m]!, day);
        this.note(m);
      }
      const r = this.nextReview[m]!;
      if (r < day) this.review(m, r);
      due = Math.min(due, this.downDay[m]!, this.nextReview[m]! + 1);
    }
    this.dueDay = due;
  }

  private review(m: number, r: number): void {
    const current = this.tierId(m);
    const out = reviewTier(this.tiers, this.policy, current, this.value(m, r), this.iso(r));
    this.nextReview[m] = this.reviewAfter(m, r + 1);
    if (out.change === 'same') return;
    const to = out.tierId === undefined ? -1 : (this.index.get(out.tierId) ?? -1);
    if (out.change === 'up') {
      this.upgrades++;
      this.set(m, to, r + 1);
      this.note(m);
      return;
    }
    const effective = dayOfIsoDate(out.effectiveOn);
    if (effective <= r + 1) {
      this.downgrades++;
      this.set(m, to, r + 1);
      this.note(m);
    } else {
      this.downDay[m] = effective;
      this.downTo[m] = to;
      this.schedule(m);
    }
  }

  private set(m: number, to: number, day: number): void {
    const from = this.tier[m]!;
    if (from >= 0) this.counts[from]! -= 1;
    if (to >= 0) this.counts[to]! += 1;
    this.tier[m] = to;
    this.since[m] = day;
    this.downDay[m] = NEVER;
    if (this.policy.retention.evaluate === 'window-end' && this.policy.window.kind === 'rolling') this.nextReview[m] = this.reviewAfter(m, day);
    this.schedule(m);
  }

  /** Lowers `dueDay` to member `m`'s next downgrade or re-check. */
  private schedule(m: number): void {
    this.dueDay = Math.min(this.dueDay, this.downDay[m]!, this.nextReview[m]! + 1);
  }

  private note(m: number): void {
    if (this.changedCount >= this.changed.length) this.changed = grow(this.changed, this.changedCount + 1);
    this.changed[this.changedCount++] = m;
  }

  /** The first re-check day at or after `day`. */
  private reviewAfter(m: number, day: number): number {
    const { evaluate } = this.policy.retention;
    if (evaluate === 'monthly') return firstDayOfMonth(monthKeyOfDay(day) + 1) - 1;
    if (evaluate === 'membership-anniversary') {
      const joined = this.joinedDay[m]!;
      let years = 1;
      while (addMonthsToDay(joined, 12 * years) < day) years++;
      return addMonthsToDay(joined, 12 * years);
    }
    const w = this.policy.window;
    if (w.kind === 'calendar-year') return dayOfIsoDate(`${isoDateOfDay(day).slice(0, 4)}-12-31`);
    return addMonthsToDay(this.since[m]!, w.months) > day ? addMonthsToDay(this.since[m]!, w.months) : addMonthsToDay(day, w.months);
  }

  private windowStart(day: number): number {
    if (day !== this.fromCacheDay) {
      this.fromCacheDay = day;
      const w = this.policy.window;
      this.fromCache = w.kind === 'calendar-year' ? dayOfIsoDate(`${isoDateOfDay(day).slice(0, 4)}-01-01`) : addMonthsToDay(day, -w.months) + 1;
    }
    return this.fromCache;
  }

  private iso(day: number): string {
    if (day !== this.isoCacheDay) {
      this.isoCacheDay = day;
      this.isoCache = isoDateOfDay(day);
    }
    return this.isoCache;
  }
}
