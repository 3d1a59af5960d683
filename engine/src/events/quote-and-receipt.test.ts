import { afterAll, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { processCustomEvent } from './process-custom-event';
import { processPurchase } from './process-purchase';
import { quoteBasket } from './quote-basket';
import { receiptText } from './receipt-text';
import { getMemberStatus } from './get-member-status';
import { DRESS_AND_PERFUME, WEDNESDAY } from './test-baskets';
import { activeTemplateProgram, testMember } from './test-fixtures';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId } = activeTemplateProgram(db);
const changes = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

describe('quoteBasket', () => {
  it('quotes what the purchase would earn and which rewards apply, writing nothing', () => {
    const memberId = testMember(db, programId, 'quote');
    const before = changes();
    const q = quoteBasket({ ctx: { db }, input: { programId, storeId: 'ams', member: { memberId }, occurredAt: WEDNESDAY, items: DRESS_AND_PERFUME } });
    expect(changes()).toBe(before);
    expect(q.points).toBe(540);
    expect(q.balance).toEqual({ available: 100, pending: 0 });
    expect(q.rewards.find((r) => r.id === 'reward-voucher-5')).toMatchObject({ redeemable: false, reason: 'min-balance' });
    const posted = processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: 'Q-1', member: { memberId }, occurredAt: WEDNESDAY, items: DRESS_AND_PERFUME } });
    expect(posted.points).toBe(q.points);
  });
});

describe('custom events', () => {
  it('pays a once-per-member bonus once', () => {
    const memberId = testMember(db, programId, 'profile');
    const first = processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind: 'profile-completed', eventRef: 'pc-1' } });
    expect(first.points).toBe(50);
    expect(processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind: 'profile-completed', eventRef: 'pc-2' } }).points).toBe(0);
    expect(() => processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind: 'profile-completed', eventRef: 'pc-1' } })).toThrow(/already booked/);
    expect(processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind: 'custom', name: 'app-review', eventRef: 'rv-1' } })).toMatchObject({ points: 0, name: 'app-review' });
  });
});

describe('receiptText and member status', () => {
  it('prints points earned, balance, tier progress in short lines', () => {
    const memberId = testMember(db, programId, 'receipt');
    const p = processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: 'RC-1', member: { memberId }, occurredAt: WEDNESDAY, items: DRESS_AND_PERFUME } });
    const { lines } = receiptText({ ctx: { db }, input: { programId, storeId: 'ams', purchaseId: p.purchaseId } });
    expect(lines[0]).toBe('Meridian Style Club');
    expect(lines).toContain(`Points this purchase${' '.repeat(40 - 20 - 3)}540`);
    expect(lines.some((l) => l.startsWith('Points pending') && l.endsWith('540'))).toBe(true);
    expect(lines).toContain('350 EUR more to Silver');
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    const status = getMemberStatus({ ctx: { db }, input: { programId, memberId } });
    expect(status.tier).toMatchObject({ current: { id: 'member' }, next: { id: 'silver' }, value: 150, remaining: 350 });
    expect(status.balance.becomingAvailable).toEqual([{ date: '2026-12-18T10:00:00.000Z', points: 540 }]);
    expect(() => receiptText({ ctx: { db }, input: { programId, storeId: 'rotterdam', purchaseId: p.purchaseId } })).toThrow(/no purchase/);
  });
});

describe('receiptText for non-members', () => {
  it('invites to join, within the printer width', () => {
    const p = processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: 'NM-1', items: DRESS_AND_PERFUME } });
    const { lines } = receiptText({ ctx: { db }, input: { programId, storeId: 'ams', purchaseId: p.purchaseId, width: 32 } });
    expect(lines).toEqual(['Meridian Style Club', 'Join Meridian Style Club and', 'earn points on your next', 'purchase.']);
  });
});
