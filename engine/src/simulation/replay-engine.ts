import type { CompiledProgram, EvalContext, EvaluationFacts, FactAggregates, FactEvent, FactItem } from '../rules';
import { compileProgram, createConditionEnv, evaluate, prepareContext } from '../rules';
import type { ProgramSpec } from '../spec';
import type { WindowSum } from './activity';
import { ActivityLog, metricCode } from './activity';
import { Books } from './books';
import { MS_PER_DAY, isInactiveAt, localInstant, lotExpiryFn, monthKeyOfDay, weekKeyOfDay } from './calendar';
import type { SimCustom, SimEvent, SimMember, SimPurchase, SimReturn, SimSignUp } from './datasets';
import type { JourneyHost } from './journey-book';
import { JourneyBook } from './journey-book';
import { LotBook } from './lots';
import { MemberTable } from './member-table';
import type { ReplayOptions } from './options';
import { PurchaseStore } from './purchase-store';
import type { RedeemerHost } from './redeemer';
import { Redeemer } from './redeemer';
import { RuleCounterTable } from './rule-counters';
import { readsField, rulesReadAggregates } from './spec-needs';
import { Tally } from './tally';
import { TierBook } from './tier-book';

const NO_ITEMS: FactItem[] = [];
const SPECIAL_KINDS = new Set(['birthday', 'referral', 'profile-completed']);

/**
 * One replay of a history against one program version, in memory. Feed it members (`addMember`),
 * then events in time order (`handle`), then `finish(until)`. Every book (lots, counters,
 * activity windows, tiers, journeys, redemptions) keeps its state in flat arrays by member index;
 * the hot path evaluates the version compiled once and reuses one facts object.
 * @example
 *   const r = new ReplayEngine(spec, ReplayOptions.parse({}));
 *   for (const m of ds.members()) r.addMember(m);
 *   for (const e of ds.eventsSync()) r.handle(e);
 *   r.finish(end);
 */
export class ReplayEngine implements JourneyHost, RedeemerHost {
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
  private readonly aggregates: { lastDays: number; window: WindowSum; values: Record<string, number> }[] = [];
  private readonly event: FactEvent = { kind: 'purchase', name: undefined, at: 0, total: undefined, channel: undefined, storeId: undefined, isFirstPurchase: undefined };
  private readonly facts: EvaluationFacts = { event: this.event, items: NO_ITEMS, member: {}, aggregates: {} };
  private readonly pendingMs: number;
  private readonly expiryOf: (at: number) => number;
  private readonly inactivityMonths: number;
  private capacity = 0;
  private lastLines: ReturnType<typeof evaluate>['lines'] = [];
  private lastPoints = 0;
  /** Fill aggregates before every evaluation (rules read them), not only for journeys and rewards. */
  private readonly aggregatesPerEvent: boolean;
  private day = Number.NaN;
  private nextDayStart = Number.NaN;
  private month = -1;
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
    for (const need of this.compiled.requiredAggregates) {
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

  /** Processes one event (events must come in time order). */
  handle(e: SimEvent): void {
    if (Number.isNaN(this.day)) this.begin(e.at, this.options.from ?? e.at);
    this.advance(e.at);
    this.now = e.at;
    switch (e.kind) {
      case 'purchase':
        this.purchase(e);
        break;
      case 'return':
        this.return(e);
        break;
      case 'sign-up':
        this.signUp(e);
        break;
      case 'custom':
        this.custom(e);
        break;
    }
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

  private purchase(e: SimPurchase): void {
    const t = this.tally;
    t.purchases++;
    if (e.memberId === null) {
      t.guestPurchases++;
      t.guestSpend += e.total;
      return;
    }
    const m = this.memberOf(e.memberId, e.at);
    const mt = this.members;
    t.memberSpend += e.total;
    const ev = this.event;
    ev.kind = 'purchase';
    ev.name = undefined;
    ev.at = e.at;
    ev.total = e.total;
    ev.channel = e.channel;
    ev.storeId = e.storeId;
    ev.isFirstPurchase = mt.hadPurchase[m] === 0;
    this.facts.items = e.items;
    const points = this.earnFor(m, e.at);
    mt.hadPurchase[m] = 1;
    mt.lastPurchaseDay[m] = this.day;
    const first = mt.lastActiveMonth[m] !== this.month;
    mt.lastActiveMonth[m] = this.month;
    this.books.bookPurchase(first);
    if (points > 0) this.purchases.record(e.id, m, this.lots.tail[m]!, points, e.items, this.lastLines);
    this.log.add(m, e.at, this.day, Math.round(e.total * 100), 1, points);
    if (this.tiers.afterActivity(m, this.day)) this.journeys.onEvent(m, 'tier-changed', undefined, e.at, this);
    this.journeys.onEvent(m, 'purchase', undefined, e.at, this);
    if (points > 0) this.journeys.onEvent(m, 'points-earned', undefined, e.at, this);
    const r = this.redeemer.choose(m, this.lots.available[m]!, this.tiers.tier[m] ?? -1, e.total, this);
    if (r >= 0) {
      const cost = this.redeemer.cost(r);
      this.lots.spend(m, cost);
      mt.lastActivity[m] = e.at;
      this.books.bookRedeemed(cost, this.redeemer.take(r, e.total));
      this.journeys.onEvent(m, 'reward-redeemed', undefined, e.at, this);
    }
  }

  private return(e: SimReturn): void {
    const t = this.tally;
    t.returns++;
    if (e.memberId === null) return;
    const m = this.memberOf(e.memberId, e.at);
    const rec = this.purchases.find(e.purchaseId);
    let points = 0;
    if (rec >= 0) {
      points = this.purchases.reversal(rec, e.items);
      if (points > 0) {
        const recovered = this.lots.reverse(this.purchases.lot[rec]!, points);
        this.books.bookReversed(recovered, points - recovered);
        this.members.lifetime[m]! -= points;
      }
    }
    t.memberSpend -= e.total;
    this.log.add(m, e.at, this.day, -Math.round(e.total * 100), 0, -points);
  }

  private signUp(e: SimSignUp): void {
    this.tally.signUps++;
    const m = this.memberOf(e.memberId, e.at);
    const ev = this.event;
    ev.kind = 'sign-up';
    ev.name = undefined;
    this.nonPurchase(m, e.at);
    this.journeys.onEvent(m, 'member-signed-up', undefined, e.at, this);
    this.afterNonPurchase(m, e.at);
  }

  private custom(e: SimCustom): void {
    this.tally.custom++;
    if (e.memberId === null) return;
    const m = this.memberOf(e.memberId, e.at);
    const ev = this.event;
    const special = SPECIAL_KINDS.has(e.name);
    ev.kind = special ? (e.name as FactEvent['kind']) : 'custom';
    ev.name = special ? undefined : e.name;
    this.nonPurchase(m, e.at);
    this.journeys.onEvent(m, 'custom', e.name, e.at, this);
    this.afterNonPurchase(m, e.at);
  }

  private nonPurchase(m: number, at: number): void {
    const ev = this.event;
    ev.at = at;
    ev.total = undefined;
    ev.channel = undefined;
    ev.storeId = undefined;
    ev.isFirstPurchase = undefined;
    this.facts.items = NO_ITEMS;
    this.lastPoints = this.earnFor(m, at);
    if (this.lastPoints > 0) this.log.add(m, at, this.day, 0, 0, this.lastPoints);
  }

  private afterNonPurchase(m: number, at: number): void {
    if (this.lastPoints <= 0) return;
    if (this.tiers.afterActivity(m, this.day)) this.journeys.onEvent(m, 'tier-changed', undefined, at, this);
    this.journeys.onEvent(m, 'points-earned', undefined, at, this);
  }

  /** Evaluates the prepared event for member `m`, books the points (a lot, counters, rule tally). */
  private earnFor(m: number, at: number): number {
    if (this.inactivityMonths > 0 && isInactiveAt(this.members.lastActivity[m]!, this.inactivityMonths, at)) this.lots.expireAll(m);
    this.fillMember(m, at, this.aggregatesPerEvent);
    const week = weekKeyOfDay(this.day);
    const counters = this.counters.load(m, this.day, week, this.month);
    const result = evaluate(this.compiled, this.facts, counters);
    this.lastLines = result.lines;
    const points = result.points;
    if (points <= 0) return 0;
    this.counters.add(m, result.lines, this.day, week, this.month);
    this.tally.addLines(result.lines);
    this.issue(m, points, at, this.pendingMs);
    return points;
  }

  private issue(m: number, points: number, at: number, pendingMs: number): void {
    this.lots.earn(m, points, at, at + pendingMs, this.expiryOf(at));
    this.books.bookIssued(points);
    this.members.lifetime[m]! += points;
    this.members.lastActivity[m] = at;
  }

  private fillMember(m: number, at: number, aggregates: boolean): void {
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

  private memberOf(id: string, at: number): number {
    let m = this.members.indexOf(id);
    if (m < 0) m = this.addMember({ id, joinedAt: at });
    if (!this.members.joined[m]) this.join(m, false);
    if (!this.members.seen[m]) {
      this.members.seen[m] = 1;
      this.members.active++;
    }
    return m;
  }

  private join(m: number, existing: boolean, tierId?: string): void {
    const mt = this.members;
    mt.joined[m] = 1;
    mt.joinedCount++;
    if (existing) mt.hadPurchase[m] = 1;
    const joinedDay = this.compiled.clock(mt.joinedAt[m]!).day;
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
