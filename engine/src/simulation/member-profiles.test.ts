import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateOfDay } from '../rules/local-time';
import { MemberProfiles } from './member-profiles';

const DAY = 86_400_000;
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The facts a member's profile stands for, written out field by field. */
function expected(p: Record<string, unknown>, joinedAt: number, tenureDays: number, lastPurchaseDay: number) {
  return {
    tier: undefined,
    country: str(p.country)?.toUpperCase(),
    city: str(p.city),
    language: str(p.language),
    birthMonth: num(p.birthMonth),
    age: num(p.age),
    tenureDays,
    joinedOn: isoDateOfDay(Math.floor(joinedAt / DAY)),
    lastPurchaseOn: lastPurchaseDay >= 0 ? isoDateOfDay(lastPurchaseDay) : undefined,
    pointsBalance: 0,
    lifetimePoints: 0,
    signupChannel: str(p.signupChannel),
    hasEmailConsent: bool(p.hasEmailConsent),
    hasSmsConsent: bool(p.hasSmsConsent),
    hasPushConsent: bool(p.hasPushConsent),
    hasApp: bool(p.hasApp),
    isStaff: bool(p.isStaff),
    profileComplete: bool(p.profileComplete),
  };
}

const value = fc.oneof(fc.constant(undefined), fc.boolean(), fc.string({ maxLength: 3 }), fc.double(), fc.integer({ min: -2, max: 130 }), fc.constant(-0));
const keys = ['country', 'city', 'language', 'signupChannel', 'birthMonth', 'age', 'hasEmailConsent', 'hasSmsConsent', 'hasPushConsent', 'hasApp', 'isStaff', 'profileComplete'] as const;
const profile = fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<(typeof keys)[number], fc.Arbitrary<unknown>>, { requiredKeys: [] });

describe('MemberProfiles', () => {
  it('fills the shared facts object with exactly what each profile says, member after member', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(profile, fc.integer({ min: 0, max: 2_000_000_000_000 })), { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.nat(19), fc.nat(5000), fc.integer({ min: -1, max: 20_000 })), { maxLength: 60 }), (members, events) => {
        const profiles = new MemberProfiles();
        profiles.resize(members.length);
        members.forEach(([p], m) => profiles.add(m, p));
        for (const [k, tenure, lastDay] of events) {
          const m = k % members.length;
          const [p, joinedAt] = members[m]!;
          const f = profiles.fill(m, joinedAt, tenure, lastDay);
          expect(f).toEqual(expected(p, joinedAt, tenure, lastDay));
          expect(Object.is(f.age, num(p.age))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
