import type { FactMember } from '../rules';
import type { SimMember } from './datasets';
import { grow } from './arrays';
import { IdIndex } from './id-index';
import { MemberProfiles } from './member-profiles';

const DAY = 86_400_000;

/**
 * Members of a replay by index: the id map, join time and profile, plus the few per-member
 * numbers the replay needs that no other book holds. The rules see a member through one shared
 * `FactMember` object that `facts` sets to that member (tier and balances are the caller's part).
 * @example const m = table.add(member); table.facts(m, at).tenureDays
 */
export class MemberTable {
  readonly ids: string[] = [];
  private readonly byId = new IdIndex();
  private readonly profiles = new MemberProfiles();
  joinedAt = new Float64Array(0);
  /** 1 once the member is in the program (joined before the replay, signed up, or first seen). */
  joined = new Uint8Array(0);
  /** 1 once the member made a purchase (members who joined before the replay count as having bought). */
  hadPurchase = new Uint8Array(0);
  /** 1 once the member had any event. */
  seen = new Uint8Array(0);
  lastActivity = new Float64Array(0);
  lastPurchaseDay = new Int32Array(0);
  lastActiveMonth = new Int32Array(0);
  lifetime = new Float64Array(0);
  count = 0;
  /** Fill `lastPurchaseOn` (a date string per event; only when a condition reads it). */
  withLastPurchaseOn = false;
  /** Members that had any event. */
  active = 0;
  /** Members who joined so far. */
  joinedCount = 0;

  /** The index of a member id, or -1. */
  indexOf(id: string): number {
    return this.byId.get(id);
  }

  /** Adds a member (or returns the index of a known id). Call `resize` on the other books when `count` grew. */
  add(member: Pick<SimMember, 'id' | 'joinedAt'> & { attributes?: SimMember['attributes'] | Record<string, unknown> }): number {
    const known = this.byId.get(member.id);
    if (known >= 0) return known;
    const m = this.count++;
    if (m >= this.joinedAt.length) this.resize(m + 1);
    this.ids.push(member.id);
    this.byId.set(member.id, m);
    this.profiles.add(m, member.attributes ?? {});
    this.joinedAt[m] = member.joinedAt;
    return m;
  }

  private resize(n: number): void {
    this.joinedAt = grow(this.joinedAt, n);
    this.joined = grow(this.joined, n);
    this.hadPurchase = grow(this.hadPurchase, n);
    this.seen = grow(this.seen, n);
    this.lastActivity = grow(this.lastActivity, n, Number.NEGATIVE_INFINITY);
    this.lastPurchaseDay = grow(this.lastPurchaseDay, n, -1);
    this.lastActiveMonth = grow(this.lastActiveMonth, n, -1);
    this.lifetime = grow(this.lifetime, n);
    this.profiles.resize(this.joinedAt.length);
  }

  /** Capacity of the per-member arrays (other books size theirs to it). */
  get capacity(): number {
    return this.joinedAt.length;
  }

  /**
   * The facts of member `m` for an event at `at` (the shared object, valid until the next call):
   * profile, tenure, join date and, when a condition reads it, the last purchase date. Unknown
   * profile data is left out.
   */
  facts(m: number, at: number): FactMember {
    const joinedAt = this.joinedAt[m]!;
    const lp = this.lastPurchaseDay[m]!;
    return this.profiles.fill(m, joinedAt, Math.max(0, Math.floor((at - joinedAt) / DAY)), this.withLastPurchaseOn && lp >= 0 ? lp : -1);
  }
}
