import type { FactMember } from '../rules';
import { isoDateOfDay } from '../rules/local-time';
import type { SimMember } from './datasets';
import { grow } from './arrays';
import { IdIndex } from './id-index';

const DAY = 86_400_000;

/**
 * Members of a replay by index: the id map, join time and profile, plus the few per-member
 * numbers the replay needs that no other book holds. Each member has one `FactMember` object,
 * built at their first event and updated in place (tier, tenure, balance) before each evaluation.
 * @example const m = table.add(member, false); table.facts(m, at).tier
 */
export class MemberTable {
  readonly ids: string[] = [];
  private readonly byId = new IdIndex();
  private readonly profiles: Record<string, unknown>[] = [];
  private readonly factObjects: (FactMember | undefined)[] = [];
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
    this.profiles.push(member.attributes ?? {});
    this.factObjects.push(undefined);
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
  }

  /** Capacity of the per-member arrays (other books size theirs to it). */
  get capacity(): number {
    return this.joinedAt.length;
  }

  /**
   * The member's facts object, updated for an event at `at` (tier, tenure, balances filled in by
   * the caller through the returned object). Unknown profile data is left out.
   */
  facts(m: number, at: number): FactMember {
    let f = this.factObjects[m];
    if (!f) {
      f = memberFacts(this.profiles[m] ?? {}, this.joinedAt[m]!);
      this.factObjects[m] = f;
    }
    f.tenureDays = Math.max(0, Math.floor((at - this.joinedAt[m]!) / DAY));
    const lp = this.lastPurchaseDay[m]!;
    if (this.withLastPurchaseOn && lp >= 0) f.lastPurchaseOn = isoDateOfDay(lp);
    return f;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * A member's facts object with every field present (one object shape for all members keeps the
 * rules' accessors monomorphic). Profile values of the wrong type are left out.
 * @example memberFacts({ country: 'DE', hasApp: true }, Date.UTC(2025, 0, 1)).joinedOn // '2025-01-01'
 */
export function memberFacts(p: Record<string, unknown>, joinedAt: number): FactMember {
  const channel = str(p.signupChannel);
  return {
    tier: undefined,
    country: str(p.country)?.toUpperCase(),
    city: str(p.city),
    language: str(p.language),
    birthMonth: num(p.birthMonth),
    age: num(p.age),
    tenureDays: 0,
    joinedOn: isoDateOfDay(Math.floor(joinedAt / DAY)),
    lastPurchaseOn: undefined,
    pointsBalance: 0,
    lifetimePoints: 0,
    signupChannel: channel as FactMember['signupChannel'],
    hasEmailConsent: bool(p.hasEmailConsent),
    hasSmsConsent: bool(p.hasSmsConsent),
    hasPushConsent: bool(p.hasPushConsent),
    hasApp: bool(p.hasApp),
    isStaff: bool(p.isStaff),
    profileComplete: bool(p.profileComplete),
  };
}
