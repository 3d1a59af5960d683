import type { CompiledProgram, EvalContext, EvaluationFacts, FactAggregates, FactEvent, FactItem } from '../rules';
import { compileProgram, createConditionEnv, prepareContext } from '../rules';
import type { EarnedLine } from '../rules';
import type { ProgramSpec } from '../spec';
import type { WindowSum } from './activity';
import { ActivityLog, metricCode } from './activity';
import { Books } from './books';
import { MS_PER_DAY, isInactiveAt, localInstant, lotExpiryFn, monthKeyOfDay } from './calendar';
import type { SimMember } from './datasets';
import type { JourneyHost } from './journey-book';
import { JourneyBook } from './journey-book';
import { LotBook } from './lots';
import { MemberTable } from './member-table';
import type { ReplayOptions } from './options';
import { PurchaseStore } from './purchase-store';
import type { RedeemerHost } from './redeemer';
import { Redeemer } from './redeemer';
import { RuleCounterTable } from './rule-counters';
import { aggregateNeeds, readsField, rulesReadAggregates } from './spec-needs';
import { Tally } from './tally';
import { TierBook } from './tier-book';

export const NO_ITEMS: FactItem[] = [];

/**
 * The state and clock of a replay (see `ReplayEngine` for the events): the books, members, time
 * (local days and months, with releases, expiries, tier re-checks and journey timeouts applied as
 * time passes) and the shared facts object the rules read.
 * @example class ReplayEngine extends ReplayCore { ... }
 */
export class ReplayCore implements JourneyHost, RedeemerHost {
  readonly compiled: CompiledProgram;
  readonly members = new MemberTable();
  readonly books = new Books();
  readonly lots = new LotBook(this.books);
  readonly log = new ActivityLog();
  readonly tiers: TierBook;
  readonly counters: RuleCounterTable;
  readonly journeys: JourneyBook;
  readonly redeemer: Redeemer;
  readonly purchases = new PurchaseStore();
  readonly tally: Tally;
  protected readonly aggregates: { lastDays: number; window: WindowSum; values: Record<string, number> }[] = [];
  protected readonly event: FactEvent = { kind: 'purchase', name: undefined, at: 0, total: undefined, channel: undefined, storeId: undefined, isFirstPurchase: undefined };
  protected readonly facts: EvaluationFacts = { event: this.event, items: NO_ITEMS, member: {}, aggregates: {} };
  protected readonly pendingMs: number;
  protected readonly expiryOf: (at: number) => number;
  protected readonly inactivityMonths: number;
  private capacity = 0;
  protected lastLines: EarnedLine[] = [];
  protected lastPoints = 0;
  /** Fill aggregates before every evaluation (rules read them), not only for journeys and rewards. */
  protected readonly aggregatesPerEvent: boolean;
  protected day = Number.NaN;
  protected nextDayStart = Number.NaN;
  protected month = -1;
  now = Number.NaN;
  from = Number.NaN;
  firstAt = Number.NaN;

  constructor(
    readonly spec: ProgramSpec,
    readonly options: ReplayOptions,
  ) {
    this.compiled = compileProgram(spec);
    const env = createConditionEnv(spec.segments);
    this.tiers = new TierBook(spec.tiers, spec.tierPolicy, this.log);
    this.counters = new RuleCounterTable(this.compiled);
    this.journeys = new JourneyBook(options.journeys ? spec : { ...spec, journeys: [] }, env);
    this.redeemer = new Redeemer(spec, env, options.redemptions);
    this.tally = new Tally(spec);
    const aggregates: FactAggregates = {};
    for (const need of aggregateNeeds(spec)) {
      const values = (aggregates[need.metric] ??= {});
      this.aggregates.push({ lastDays: need.lastDays, window: this.log.window(metricCode(need.metric), false), values });
    }
    this.facts.aggregates = aggregates;
    this.pendingMs = spec.pointsLifecycle.pendingDays * MS_PER_DAY;
    this.expiryOf = lotExpiryFn(spec.pointsLifecycle.expiry);
    this.inactivityMonths = spec.pointsLifecycle.expiry.kind === 'inactivity' ? spec.pointsLifecycle.expiry.months : 0;
    this.members.withLastPurchaseOn = readsField(spec, 'member.lastPurchaseOn');
    this.aggregatesPerEvent = rulesReadAggregates(spec);
  }

  /** Registers a member of the dataset (before or during the events). Returns its index. */
  addMember(member: Pick<SimMember, 'id' | 'joinedAt'> & { attributes?: SimMember['attributes'] | Record<string, unknown> }): number {
    const m = this.members.add(member);
    if (this.members.capacity > this.capacity) this.resize(this.members.capacity);
    return m;
  }

  /**
   * Starts the clock at `at`; members who joined before `from` (default `at`) are in the program
   * from the start, with the lowest tier (or `tierOf`), and count as having bought before unless
   * `newToPurchases` (scenarios: the given member's first purchase in the scenario is their first).
   */
  begin(at: number, from = at, start: { tierOf?: (m: number) => string | undefined; newToPurchases?: boolean } = {}): void {
    this.firstAt = at;
    this.from = from;
    this.now = at;
    this.day = this.compiled.clock(at).day;
    this.nextDayStart = localInstant(this.compiled.clock, this.day + 1, 0);
    this.month = monthKeyOfDay(this.day);
    this.books.openMonth(this.month, this.spec.tiers.length);
    for (let m = 0; m < this.members.count; m++) {
      if (this.members.joinedAt[m]! < from) this.join(m, !start.newToPurchases, start.tierOf?.(m));
    }
  }

  /** Gives member `m` an opening balance of available points (scenarios' `given.member.balance`). */
  openingBalance(m: number, points: number): void {
    if (points <= 0) return;
    this.lots.earn(m, points, this.now, this.now, this.expiryOf(this.now));
    this.books.opening += points;
    this.members.lastActivity[m] = this.now;
  }

  /** Applies releases, expiries, re-checks and journey timeouts up to `t`. */
  advance(t: number): void {
    while (t >= this.nextDayStart) {
      this.dues(this.nextDayStart - 1);
      this.newDay(this.day + 1);
    }
    this.dues(t);
  }

  /** Ends the replay at `until`: applies everything due and closes the last month. */
  finish(until: number): void {
    if (Number.isNaN(this.day)) this.begin(until);
    if (until > this.now) {
      this.advance(until);
      this.now = until;
    }
    this.closeMonth();
  }

  protected issue(m: number, points: number, at: number, pendingMs: number): void {
    this.lots.earn(m, points, at, at + pendingMs, this.expiryOf(at));
    this.books.bookIssued(points);
    this.members.lifetime[m]! += points;
    this.members.lastActivity[m] = at;
  }

  protected fillMember(m: number, at: number, aggregates: boolean): void {
    const f = this.members.facts(m, at);
    f.tier = this.tiers.tierId(m);
    f.pointsBalance = this.lots.available[m]!;
    f.lifetimePoints = Math.max(0, this.members.lifetime[m]!);
    this.facts.member = f;
    if (!aggregates) return;
    for (let i = 0; i < this.aggregates.length; i++) {
      const a = this.aggregates[i]!;
      a.values[a.lastDays] = a.window.valueOf(m, at - a.lastDays * MS_PER_DAY);
    }
  }

  /** JourneyHost / RedeemerHost: the member's context now (no items). */
  contextOf(m: number): EvalContext {
    const ev = this.event;
    ev.kind = 'custom';
    ev.name = undefined;
    ev.at = this.now;
    ev.total = undefined;
    this.facts.items = NO_ITEMS;
    this.fillMember(m, this.now, true);
    return prepareContext(this.facts, this.compiled.clock);
  }

  /** JourneyHost: a journey's bonus points, available at once (like a manual grant). */
  awardBonus(m: number, points: number, journey: number): void {
    this.issue(m, points, this.now, 0);
    this.tally.addJourneyBonus(journey, points);
    this.log.add(m, this.now, this.day, 0, 0, points);
  }

  /**
   * The member of an event, joining them when needed. `hint` is the event's `memberIndex`: members
   * are added in the dataset's order, so it usually is the index already (checked against the id),
   * which spares hashing the id.
   */
  protected memberOf(id: string, at: number, hint: number | undefined): number {
    let m = hint !== undefined && this.members.ids[hint] === id ? hint : this.members.indexOf(id);
    if (m < 0) m = this.addMember({ id, joinedAt: at });
    if (!this.members.joined[m]) this.join(m, false);
    if (!this.members.seen[m]) {
      this.members.seen[m] = 1;
      this.members.active++;
    }
    return m;
  }

  protected join(m: number, existing: boolean, tierId?: string): void {
    const mt = this.members;
    mt.joined[m] = 1;
    mt.joinedCount++;
    if (existing) mt.hadPurchase[m] = 1;
    // The local join day costs a time-zone lookup for an hour long past; only anniversaries need it.
    const joinedDay = this.tiers.usesJoinDay ? this.compiled.clock(mt.joinedAt[m]!).day : 0;
    this.tiers.join(m, this.day, joinedDay, tierId);
  }

  private dues(t: number): void {
    this.lots.releaseDue(t);
    this.lots.expireDue(t);
    if (this.journeys.journeys.length > 0) {
      const now = this.now;
      this.now = Math.max(now, Math.min(t, this.nextDayStart - 1));
      this.journeys.timeouts(t, this);
      this.now = now;
    }
  }

  private newDay(day: number): void {
    this.day = day;
    const start = this.nextDayStart;
    this.nextDayStart = localInstant(this.compiled.clock, day + 1, 0);
    const now = this.now;
    this.now = start;
    const n = this.members.count;
    this.tiers.sweep(day, n);
    for (let i = 0; i < this.tiers.changedCount; i++) this.journeys.onEvent(this.tiers.changed[i]!, 'tier-changed', undefined, start, this);
    if (this.inactivityMonths > 0) {
      const months = this.inactivityMonths;
      const last = this.members.lastActivity;
      for (let m = 0; m < n; m++) {
        if (this.lots.available[m]! > 0 && isInactiveAt(last[m]!, months, start)) this.lots.expireAll(m);
      }
    }
    this.now = now;
    const month = monthKeyOfDay(day);
    if (month !== this.month) {
      this.closeMonth();
      this.month = month;
      this.books.openMonth(month, this.spec.tiers.length);
    }
  }

  private closeMonth(): void {
    this.books.closeMonth(this.lots.totalAvailable + this.lots.totalPending, this.lots.totalPending, this.tiers.counts, this.members.joinedCount);
  }

  private resize(n: number): void {
    this.capacity = n;
    this.lots.resize(n);
    this.log.resize(n);
    this.tiers.resize(n);
    this.counters.resize(n);
    this.journeys.resize(n);
  }
}
