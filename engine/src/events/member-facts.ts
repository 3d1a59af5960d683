import { preparedSql, type DbTx } from '../db';
import { historyMembers, memberIdIn, type HistoryOwner, type MemberRow } from '../members';
import { FactMember } from '../rules';

const DAY_MS = 86_400_000;

const balanceOf = preparedSql<{ available: number; lifetimeEarned: number }>('select available, lifetime_earned as lifetimeEarned from ledger_balances where member_id = ?');
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
  const balance = balanceOf(tx).get(member.id);
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
    lastPurchaseOn: lastPurchaseOn(tx, member),
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

/**
 * The local date of the member's latest purchase; purchases of members merged into this one
 * count too (they were this person's visits).
 */
function lastPurchaseOn(tx: DbTx, member: HistoryOwner): string | undefined {
  const who = historyMembers(tx, member);
  return lastPurchaseOf[who.kind](tx).get(who.arg)?.local_date;
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
