import { eq, sql } from 'drizzle-orm';
import { preparedQuery, preparedSql, type DbTx } from '../db';
import { ledgerBalances } from '../db/schema';
import { historyMembers, memberIdIn, type MemberRow } from '../members';
import { FactMember } from '../rules';

const DAY_MS = 86_400_000;

const balanceOf = preparedQuery((db) => db.select().from(ledgerBalances).where(eq(ledgerBalances.memberId, sql.placeholder('memberId'))).prepare());
const lastPurchaseOf = {
  one: preparedSql<{ local_date: string }>(`select local_date from purchases where ${memberIdIn('member_id', 'one')} order by occurred_at desc limit 1`),
  many: preparedSql<{ local_date: string }>(`select local_date from purchases where ${memberIdIn('member_id', 'many')} order by occurred_at desc limit 1`),
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

function ageAt(birthDate: string, at: number): number {
  const d = new Date(at);
  const [y, m, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = d.getUTCFullYear() - y;
  if (d.getUTCMonth() + 1 < m || (d.getUTCMonth() + 1 === m && d.getUTCDate() < day)) age--;
  return age;
}

/**
 * What the rules see of a member just before an event at `at` (epoch ms): tier, profile,
 * consents, tenure, balance and last purchase. Values that would not pass the field catalog
 * (e.g. a malformed country attribute) are left out, so conditions on them simply do not match.
 * @example memberFacts(db, member, Date.now()) // { tier: 'silver', tenureDays: 400, pointsBalance: 120, ... }
 */
export function memberFacts(tx: DbTx, member: MemberRow, at: number): FactMember {
  const a = member.attributes;
  const balance = balanceOf(tx).get({ memberId: member.id });
  // Purchases of members merged into this one count too: they were this person's visits.
  const who = historyMembers(tx, member);
  const last = lastPurchaseOf[who.kind](tx).get(who.arg);
  const joined = Date.parse(member.joinedAt);
  const profileComplete = bool(a.profileComplete) ?? Boolean(member.firstName && member.birthDate && (member.email || member.phone));
  const candidate: Record<string, unknown> = {
    tier: member.currentTierId ?? undefined,
    country: str(a.country)?.toUpperCase(),
    city: str(a.city),
    language: member.locale?.slice(0, 2) ?? str(a.language),
    birthMonth: member.birthDate ? Number(member.birthDate.slice(5, 7)) : undefined,
    age: member.birthDate ? ageAt(member.birthDate, at) : undefined,
    tenureDays: Math.max(0, Math.floor((at - joined) / DAY_MS)),
    joinedOn: member.joinedAt.slice(0, 10),
    lastPurchaseOn: last?.local_date,
    pointsBalance: balance?.available ?? 0,
    lifetimePoints: balance?.lifetimeEarned ?? 0,
    signupChannel: str(a.signupChannel),
    hasEmailConsent: member.consents.email?.granted,
    hasSmsConsent: member.consents.sms?.granted,
    hasPushConsent: member.consents.push?.granted,
    hasApp: bool(a.hasApp),
    isStaff: bool(a.isStaff),
    profileComplete,
  };
  return parseLeniently(candidate);
}

/** Parses member facts, dropping fields that do not fit the catalog instead of failing the event. */
function parseLeniently(candidate: Record<string, unknown>): FactMember {
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = FactMember.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete candidate[String(issue.path[0])];
  }
  return {};
}
