import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberTierHistory, outbox, ruleMemberTotals } from '../db/schema';
import { getBalance } from '../ledger/get-balance';
import { listMemberHistory } from '../ledger/list-member-history';
import { postEarn } from '../ledger/post-earn';
import { seedProgram, tempDatabase } from '../ledger/test-fixtures';
import { verifyLedger } from '../ledger/verify-ledger';
import { isLuhnValid } from './card-number';
import { changeTier } from './change-tier';
import { historyMembers } from './history-members';
import { identifyMember } from './identify-member';
import { memberById, type MemberRow } from './member-store';
import { mergeMembers } from './merge-members';
import { signUpMember } from './sign-up-member';
import { updateMemberContact } from './update-member-contact';

let db: Db;
let cleanup: () => void;
const P = 'prog';
const ctx = () => ({ db });
const signUp = (input: Omit<Parameters<typeof signUpMember>[0]['input'], 'programId'>) =>
  signUpMember({ ctx: ctx(), input: { programId: P, defaultCountry: 'DE', ...input } });

beforeEach(() => {
  ({ db, cleanup } = tempDatabase('loyalty-members-'));
  seedProgram(db, P, []);
});
afterEach(() => {
  expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  cleanup();
});

describe('signUpMember', () => {
  it('creates a member with normalised contact and a generated card number', () => {
    const { member, created } = signUp({ email: ' Ana@Example.com', phone: '0151 23456789', consents: { email: true }, joinedAt: '2025-03-01T10:00:00Z' });
    expect(created).toBe(true);
    expect(member).toMatchObject({ email: 'ana@example.com', phone: '+4915123456789', status: 'active', joinedAt: '2025-03-01T10:00:00.000Z' });
    expect(member.consents).toEqual({ email: { granted: true, at: '2025-03-01T10:00:00.000Z' } });
    expect(isLuhnValid(member.cardNumber ?? '')).toBe(true);
    expect(db.select().from(outbox).where(eq(outbox.memberId, member.id)).all()).toHaveLength(1);
  });

  it('returns the existing member for a known contact', () => {
    const first = signUp({ email: 'ana@example.com' }).member;
    const again = signUp({ email: 'ANA@example.com ', phone: '+49 151 23456789' });
    expect(again).toMatchObject({ created: false, member: { id: first.id } });
  });

  it('refuses contacts of two different members, empty sign-ups and bad phone numbers', () => {
    signUp({ email: 'ana@example.com' });
    signUp({ phone: '0151 23456789' });
    expect(() => signUp({ email: 'ana@example.com', phone: '0151 23456789' })).toThrow(/belong to different members/);
    expect(() => signUp({ firstName: 'Nobody' })).toThrow(/at least an email address/);
    expect(() => signUp({ phone: '0151 234' })).toThrow("'0151 234' is not a valid phone number for DE.");
  });
});

describe('identifyMember and updateMemberContact', () => {
  it('identifies by card, phone or email', () => {
    const { member } = signUp({ email: 'ana@example.com', phone: '0151 23456789', cardNumber: '4000 1234' });
    for (const by of [{ cardNumber: '4000-1234' }, { phone: '+4915123456789' }, { email: 'Ana@Example.com' }]) {
      expect(identifyMember({ ctx: ctx(), input: { programId: P, defaultCountry: 'DE', ...by } }).member.id).toBe(member.id);
    }
    expect(() => identifyMember({ ctx: ctx(), input: { programId: P, email: 'bob@example.com' } })).toThrow('No member has this email address.');
  });

  it('updates contact and consents, refusing another member’s contact', () => {
    const ana = signUp({ email: 'ana@example.com' }).member;
    signUp({ email: 'bob@example.com' });
    const updated = updateMemberContact({ ctx: ctx(), input: { programId: P, memberId: ana.id, phone: '030 123456', defaultCountry: 'DE', consents: { sms: true }, at: '2025-04-01T00:00:00Z' } });
    expect(updated).toMatchObject({ phone: '+4930123456', consents: { sms: { granted: true, at: '2025-04-01T00:00:00.000Z' } } });
    expect(() => updateMemberContact({ ctx: ctx(), input: { programId: P, memberId: ana.id, email: 'BOB@example.com' } })).toThrow(
      'This email address is already used by another member.',
    );
    expect(() => updateMemberContact({ ctx: ctx(), input: { programId: P, memberId: ana.id, email: null, phone: null, cardNumber: null } })).toThrow(/needs at least/);
  });
});

describe('mergeMembers', () => {
  it('moves points, history and missing contacts, and points the duplicate at the survivor', () => {
    const ana = signUp({ email: 'ana@example.com' }).member;
    const dup = signUp({ phone: '0151 23456789' }).member;
    postEarn({ ctx: ctx(), input: { transactionId: 'e-ana', programId: P, memberId: ana.id, points: 10 } });
    postEarn({ ctx: ctx(), input: { transactionId: 'e-dup', programId: P, memberId: dup.id, points: 30, pendingDays: 14 } });
    const result = mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: dup.id, targetMemberId: ana.id, actor: 'support-1', reason: 'duplicate sign-up' } });
    expect(result).toMatchObject({ merged: true, target: { phone: '+4915123456789' } });
    expect(getBalance({ ctx: ctx(), input: { programId: P, memberId: ana.id } })).toMatchObject({ available: 10, pending: 30, lifetimeEarned: 40 });
    expect(listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: ana.id } }).items).toHaveLength(3);
    expect(identifyMember({ ctx: ctx(), input: { programId: P, cardNumber: dup.cardNumber ?? '' } })).toEqual(
      expect.objectContaining({ matchedMemberId: dup.id, member: expect.objectContaining({ id: ana.id }) }),
    );
    expect(signUp({ phone: '0151 23456789' })).toMatchObject({ created: false, member: { id: ana.id } });
    expect(mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: dup.id, targetMemberId: ana.id, actor: 'support-1' } }).merged).toBe(false);
    expect(() => postEarn({ ctx: ctx(), input: { transactionId: 'late', programId: P, memberId: dup.id, points: 1 } })).toThrow(/was merged into/);
    expect(db.select().from(outbox).where(eq(outbox.type, 'member-merged')).all()).toHaveLength(1);
  });

  it('folds cap totals into the survivor and counts its merged members, through a chain of merges', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => signUp({ email: `${x}@example.com` }).member) as [MemberRow, MemberRow, MemberRow];
    db.insert(ruleMemberTotals)
      .values([
        { memberId: a.id, ruleId: 'welcome', points: 100, times: 1 },
        { memberId: b.id, ruleId: 'welcome', points: 100, times: 1 },
        { memberId: b.id, ruleId: 'birthday', points: 200, times: 1 },
        { memberId: c.id, ruleId: 'birthday', points: 200, times: 1 },
      ])
      .run();
    mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: a.id, targetMemberId: b.id, actor: 'x' } });
    expect(historyMembers(db, memberById(db, b.id)!)).toEqual({ kind: 'many', arg: JSON.stringify([b.id, a.id]) });
    const { target } = mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: b.id, targetMemberId: c.id, actor: 'x' } });
    expect(target.mergedMembers).toBe(2);
    expect(JSON.parse(historyMembers(db, target).arg).sort()).toEqual([a.id, b.id, c.id].sort());
    expect([a.id, b.id].map((id) => memberById(db, id))).toEqual([expect.objectContaining({ mergedInto: c.id, mergedMembers: 0 }), expect.objectContaining({ mergedInto: c.id, mergedMembers: 0 })]);
    const totals = db.select().from(ruleMemberTotals).orderBy(ruleMemberTotals.ruleId).all();
    expect(totals).toEqual([
      expect.objectContaining({ memberId: c.id, ruleId: 'birthday', points: 400, times: 2 }),
      expect.objectContaining({ memberId: c.id, ruleId: 'welcome', points: 200, times: 2 }),
    ]);
    // A member nobody was merged into reads nothing more than its own id.
    expect(historyMembers(db, signUp({ email: 'd@example.com' }).member)).toMatchObject({ kind: 'one' });
  });

  it('refuses merging into a merged member', () => {
    const a = signUp({ email: 'a@example.com' }).member;
    const b = signUp({ email: 'b@example.com' }).member;
    const c = signUp({ email: 'c@example.com' }).member;
    mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: a.id, targetMemberId: b.id, actor: 'x' } });
    expect(() => mergeMembers({ ctx: ctx(), input: { programId: P, sourceMemberId: c.id, targetMemberId: a.id, actor: 'x' } })).toThrow(/already merged/);
  });
});

describe('changeTier', () => {
  it('records history and a tier-changed event; the same tier again changes nothing', () => {
    const { member } = signUp({ email: 'ana@example.com' });
    changeTier({ ctx: ctx(), input: { programId: P, memberId: member.id, toTierId: 'silver', reason: 'joined', at: '2025-01-01T00:00:00Z' } });
    const gold = changeTier({ ctx: ctx(), input: { programId: P, memberId: member.id, toTierId: 'gold', reason: 'reached 1000 points', at: '2025-06-01T00:00:00Z' } });
    expect(gold.member).toMatchObject({ currentTierId: 'gold', tierSince: '2025-06-01T00:00:00.000Z' });
    expect(changeTier({ ctx: ctx(), input: { programId: P, memberId: member.id, toTierId: 'gold', reason: 'again' } }).changed).toBe(false);
    const history = db.select().from(memberTierHistory).where(eq(memberTierHistory.memberId, member.id)).orderBy(memberTierHistory.at).all();
    expect(history.map((h) => [h.fromTierId, h.toTierId])).toEqual([[null, 'silver'], ['silver', 'gold']]);
    expect(db.select().from(outbox).where(eq(outbox.type, 'tier-changed')).all()).toHaveLength(2);
  });
});
