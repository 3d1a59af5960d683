import type { FactMember } from '../rules';
import { isoDateOfDay } from '../rules/local-time';
import { grow } from './arrays';

const DAY = 86_400_000;

// A member's profile packed in one row of 8 numbers: filling the facts of the member of an event
// reads one cache line, where a facts object per member cost two dependent misses per event and
// a hundred thousand objects for the garbage collector to walk.
const FLAGS = 0; // the six booleans, 2 bits each: 0 unknown, 1 false, 2 true; plus PACKED
const PACKED = 1 << 12;
const COUNTRY = 1; // strings: index in `strings`, 0 unknown
const CITY = 2;
const LANGUAGE = 3;
const CHANNEL = 4;
const JOINED_ON = 5;
const BIRTH_MONTH = 6; // numbers as they are, NaN unknown
const AGE = 7;
const ROW = 8;

const BOOLEANS = ['hasEmailConsent', 'hasSmsConsent', 'hasPushConsent', 'hasApp', 'isStaff', 'profileComplete'] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * The members' profiles as the rules see them (`FactMember`), packed per member, and one facts
 * object that `fill` sets to a member's values before each evaluation (every field always
 * present: one object shape keeps the rules' accessors monomorphic). Profile values of the wrong
 * type are left out; a profile is packed at the member's first event.
 * @example profiles.add(0, { country: 'de', hasApp: true }); profiles.fill(0, Date.UTC(2025, 0, 1), 3, -1).country // 'DE'
 */
export class MemberProfiles {
  readonly facts: FactMember = {
    tier: undefined,
    country: undefined,
    city: undefined,
    language: undefined,
    birthMonth: undefined,
    age: undefined,
    tenureDays: 0,
    joinedOn: undefined,
    lastPurchaseOn: undefined,
    pointsBalance: 0,
    lifetimePoints: 0,
    signupChannel: undefined,
    hasEmailConsent: undefined,
    hasSmsConsent: undefined,
    hasPushConsent: undefined,
    hasApp: undefined,
    isStaff: undefined,
    profileComplete: undefined,
  };
  private rows = new Float64Array(0);
  /** Profiles not packed yet (released once packed). */
  private readonly raw: (Record<string, unknown> | undefined)[] = [];
  private readonly strings: (string | undefined)[] = [undefined];
  private readonly stringIndex = new Map<string, number>();
  private lastDay = Number.NaN;
  private lastIso = '';

  resize(n: number): void {
    this.rows = grow(this.rows, n * ROW);
  }

  /** Keeps member `m`'s profile, to be packed at their first event. */
  add(m: number, profile: Record<string, unknown>): void {
    this.raw[m] = profile;
  }

  /**
   * The shared facts object set to member `m`: profile, `tenureDays`, `joinedOn` (from
   * `joinedAt`) and `lastPurchaseOn` (the ISO date of day `lastPurchaseDay`, undefined when -1).
   * The caller sets tier and balances. Valid until the next call.
   */
  fill(m: number, joinedAt: number, tenureDays: number, lastPurchaseDay: number): FactMember {
    const rows = this.rows;
    const r = m * ROW;
    // The row says whether it is packed: the raw profiles are another array to miss in.
    if ((rows[r + FLAGS]! & PACKED) === 0) this.pack(r, this.raw[m] ?? {}, joinedAt, m);
    const f = this.facts;
    const s = this.strings;
    const flags = rows[r + FLAGS]!;
    f.country = s[rows[r + COUNTRY]!];
    f.city = s[rows[r + CITY]!];
    f.language = s[rows[r + LANGUAGE]!];
    f.signupChannel = s[rows[r + CHANNEL]!] as FactMember['signupChannel'];
    f.joinedOn = s[rows[r + JOINED_ON]!];
    const birthMonth = rows[r + BIRTH_MONTH]!;
    f.birthMonth = Number.isNaN(birthMonth) ? undefined : birthMonth;
    const age = rows[r + AGE]!;
    f.age = Number.isNaN(age) ? undefined : age;
    f.hasEmailConsent = flag(flags, 0);
    f.hasSmsConsent = flag(flags, 1);
    f.hasPushConsent = flag(flags, 2);
    f.hasApp = flag(flags, 3);
    f.isStaff = flag(flags, 4);
    f.profileComplete = flag(flags, 5);
    f.tenureDays = tenureDays;
    f.lastPurchaseOn = lastPurchaseDay >= 0 ? this.iso(lastPurchaseDay) : undefined;
    return f;
  }

  private pack(r: number, p: Record<string, unknown>, joinedAt: number, m: number): void {
    const rows = this.rows;
    let flags = PACKED;
    for (let i = 0; i < BOOLEANS.length; i++) {
      const b = bool(p[BOOLEANS[i]!]);
      flags |= (b === undefined ? 0 : b ? 2 : 1) << (2 * i);
    }
    rows[r + FLAGS] = flags;
    rows[r + COUNTRY] = this.intern(str(p.country)?.toUpperCase());
    rows[r + CITY] = this.intern(str(p.city));
    rows[r + LANGUAGE] = this.intern(str(p.language));
    rows[r + CHANNEL] = this.intern(str(p.signupChannel));
    rows[r + JOINED_ON] = this.intern(isoDateOfDay(Math.floor(joinedAt / DAY)));
    rows[r + BIRTH_MONTH] = num(p.birthMonth) ?? Number.NaN;
    rows[r + AGE] = num(p.age) ?? Number.NaN;
    this.raw[m] = undefined;
  }

  private intern(s: string | undefined): number {
    if (s === undefined) return 0;
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  /** isoDateOfDay, remembering the last day (events come in time order). */
  private iso(day: number): string {
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.lastIso = isoDateOfDay(day);
    }
    return this.lastIso;
  }
}

function flag(flags: number, i: number): boolean | undefined {
  const v = (flags >> (2 * i)) & 3;
  return v === 0 ? undefined : v === 2;
}
