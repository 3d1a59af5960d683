import type { FactEvent } from '../rules';
import { evaluate } from '../rules';
import { isInactiveAt, weekKeyOfDay } from './calendar';
import type { SimCustom, SimEvent, SimPurchase, SimReturn, SimSignUp } from './datasets';
import { NO_ITEMS, ReplayCore } from './replay-core';

const SPECIAL_KINDS = new Set(['birthday', 'referral', 'profile-completed']);

/**
 * One replay of a history against one program version, in memory. Feed it members (`addMember`),
 * then events in time order (`handle`), then `finish(until)`. Every book (lots, counters,
 * activity windows, tiers, journeys, redemptions) keeps its state in flat arrays by member index;
 * the hot path evaluates the version compiled once and reuses one facts object.
 * Custom events named `birthday`, `referral` or `profile-completed` trigger rules of those kinds.
 * @example
 *   const r = new ReplayEngine(spec, ReplayOptions.parse({}));
 *   for (const m of ds.members()) r.addMember(m);
 *   for (const e of ds.eventsSync()) r.handle(e);
 *   r.finish(end);
 */
export class ReplayEngine extends ReplayCore {
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

  private purchase(e: SimPurchase): void {
    const t = this.tally;
    t.purchases++;
    if (e.memberId === null) {
      t.guestPurchases++;
      t.guestSpend += e.total;
      return;
    }
    const m = this.memberOf(e.memberId, e.at, e.memberIndex);
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
    const m = this.memberOf(e.memberId, e.at, e.memberIndex);
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
    const m = this.memberOf(e.memberId, e.at, e.memberIndex);
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
    const m = this.memberOf(e.memberId, e.at, e.memberIndex);
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

}
