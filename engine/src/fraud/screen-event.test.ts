import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbTx } from '../db';
import { members, outbox } from '../db/schema';
import { processPurchase } from '../events/process-purchase';
import { processReturn } from '../events/process-return';
import { DRESS_AND_PERFUME } from '../events/test-baskets';
import { activeTemplateProgram, testMember } from '../events/test-fixtures';
import type { FraudRule } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { decideHeldPoints, getBalance, verifyLedger } from '../ledger';
import { screenEvent } from './screen-event';

const RULES: FraudRule[] = [
  { id: 'fast', name: 'Too fast', check: { kind: 'velocity', maxEvents: 2, withinMinutes: 10 }, action: 'flag', enabled: true },
  { id: 'big', name: 'Too big', check: { kind: 'amount', maxPurchaseAmount: 1000 }, action: 'block', enabled: true },
  { id: 'returns', name: 'Serial returns', check: { kind: 'return-ratio', maxRatio: 0.5, overDays: 30 }, action: 'notify-security', enabled: true },
  { id: 'off', name: 'Disabled', check: { kind: 'amount', maxPurchaseAmount: 1 }, action: 'block', enabled: false },
];

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId, versionId } = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, fraudRules: RULES }));
let receipt = 0;
const at = (min: number) => new Date(Date.parse('2026-11-18T10:00:00Z') + min * 60_000).toISOString();
const buy = (memberId: string, occurredAt: string, total?: number) =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: `R-${++receipt}`, member: { memberId }, occurredAt, items: DRESS_AND_PERFUME, total } });
const events = (memberId: string, type: string) => db.select().from(outbox).where(and(eq(outbox.memberId, memberId), eq(outbox.type, type))).all();

describe('screenEvent', () => {
  it('queries nothing when the version has no enabled rules', () => {
    const noDb = new Proxy({}, { get: () => { throw new Error('queried'); } }) as DbTx;
    expect(screenEvent(noDb, [], { kind: 'purchase', programId, versionId, memberId: 'm', eventRef: 'purchase:x', occurredAt: at(0) })).toEqual({ fired: [], blocked: false, held: false });
    expect(screenEvent(noDb, [RULES[3]!], { kind: 'purchase', programId, versionId, memberId: 'm', eventRef: 'purchase:x', occurredAt: at(0), amount: 99 }).fired).toEqual([]);
  });

  it('flags the third purchase within 10 minutes, not purchases outside the window', () => {
    const m = testMember(db, programId, 'velocity');
    buy(m, at(0));
    buy(m, at(5));
    expect(events(m, 'fraud-flagged')).toHaveLength(0);
    const third = buy(m, at(9));
    const flags = events(m, 'fraud-flagged');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.payload).toEqual({ ruleId: 'fast', ruleName: 'Too fast', action: 'flag', reason: '3 purchases within 10 minutes (limit 2)', versionId, eventRef: `purchase:${third.purchaseId}` });
    buy(m, at(30));
    expect(events(m, 'fraud-flagged')).toHaveLength(1);
  });

  it('blocks the member on an oversized purchase; later purchases are recorded without points', () => {
    const m = testMember(db, programId, 'big');
    const big = buy(m, at(100), 5000);
    expect(big.points).toBeGreaterThan(0);
    expect(events(m, 'fraud-flagged').map((e) => e.payload.reason)).toEqual(['Purchase of 5000 is above the limit of 1000']);
    expect(db.select().from(members).where(eq(members.id, m)).get()?.status).toBe('blocked');
    expect(buy(m, at(200)).points).toBe(0);
  });

  it('notifies security when returns exceed half of the purchases', () => {
    const m = testMember(db, programId, 'returns');
    const p = buy(m, at(300));
    processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: 'RT-1', purchaseId: p.purchaseId, occurredAt: at(301) } });
    const [flag] = events(m, 'fraud-flagged');
    expect(flag?.payload).toMatchObject({ ruleId: 'returns', action: 'notify-security', versionId, reason: 'Returned 150 of 150 purchased over 30 days (100 %, limit 50 %)' });
    expect(events(m, 'security-notification')).toHaveLength(1);
  });

  it('holds the points of a purchase that trips a hold-points rule until support releases them', () => {
    const hold = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, fraudRules: [{ ...RULES[0]!, id: 'fast-hold', action: 'hold-points' }] }));
    const m = testMember(db, hold.programId, 'held');
    const buyHere = (min: number) => processPurchase({ ctx: { db }, input: { programId: hold.programId, storeId: 'ams', receiptNumber: `H-${min}`, member: { memberId: m }, occurredAt: at(min), items: DRESS_AND_PERFUME } });
    buyHere(0);
    expect(buyHere(1)).toMatchObject({ pointsHeld: false });
    const third = buyHere(2);
    expect(third).toMatchObject({ pointsHeld: true, availableAt: null });
    expect(third.points).toBeGreaterThan(0);
    const balance = () => getBalance({ ctx: { db }, input: { programId: hold.programId, memberId: m, asOf: at(3) } });
    expect(balance().held).toBe(third.points);
    expect(events(m, 'points-held')[0]?.payload).toMatchObject({ earnTransactionId: third.earnTransactionId, points: third.points, ruleId: 'fast-hold' });
    decideHeldPoints({ ctx: { db }, input: { programId: hold.programId, earnTransactionId: third.earnTransactionId!, decision: 'release', reason: 'Bought for a team event', actor: 'ana', occurredAt: at(4) } });
    expect(balance().held).toBe(0);
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
