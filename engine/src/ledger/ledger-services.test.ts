import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { members, outbox } from '../db/schema';
import { adjustPoints } from './adjust-points';
import { announceExpiringPoints } from './announce-expiring-points';
import { expirePoints } from './expire-points';
import { getBalance } from './get-balance';
import { postEarn } from './post-earn';
import { redeemPoints } from './redeem-points';
import { releasePending } from './release-pending';
import { freshLedgerEachTest } from './test-fixtures';

let db: Db;
const P = 'prog';
const ctx = () => ({ db });
const balance = (memberId = 'm1', asOf?: string) => getBalance({ ctx: ctx(), input: { programId: P, memberId, asOf } });

freshLedgerEachTest(P, ['m1', 'm2'], (fresh) => (db = fresh));

describe('earning and releasing', () => {
  it('holds points pending through the return window, then makes them available', () => {
    postEarn({ ctx: ctx(), input: { transactionId: 'buy-1', programId: P, memberId: 'm1', points: 50, pendingDays: 14, occurredAt: '2025-03-01T10:00:00Z' } });
    expect(balance('m1', '2025-03-02T00:00:00Z')).toMatchObject({ available: 0, pending: 50, lifetimeEarned: 50, becomingAvailable: [{ date: '2025-03-15T10:00:00.000Z', points: 50 }] });
    expect(releasePending({ ctx: ctx(), input: { asOf: '2025-03-15T09:59:59Z' } })).toEqual({ released: 0, points: 0 });
    expect(releasePending({ ctx: ctx(), input: { asOf: '2025-03-15T10:00:00Z' } })).toEqual({ released: 1, points: 50 });
    expect(releasePending({ ctx: ctx(), input: { asOf: '2025-03-20T00:00:00Z' } })).toEqual({ released: 0, points: 0 });
    expect(balance()).toMatchObject({ available: 50, pending: 0 });
  });

  it('returns the stored result for a retry and refuses the same id with other content', () => {
    const input = { transactionId: 'buy-1', programId: P, memberId: 'm1', points: 50, occurredAt: '2025-03-01T10:00:00Z' };
    const first = postEarn({ ctx: ctx(), input });
    const again = postEarn({ ctx: ctx(), input: { ...input } });
    expect(again.replayed).toBe(true);
    expect(again.transaction).toEqual(first.transaction);
    expect(again.postings).toEqual(first.postings);
    expect(again.postings).toEqual(first.postings);
    expect(balance().available).toBe(50);
    expect(() => postEarn({ ctx: ctx(), input: { ...input, points: 60 } })).toThrow(/already booked with different content/);
    expect(() => redeemPoints({ ctx: ctx(), input: { transactionId: 'buy-1', programId: P, memberId: 'm1', points: 1 } })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(db.select().from(outbox).all()).toHaveLength(1);
  });

  it('writes a points-earned event in the same transaction', () => {
    postEarn({ ctx: ctx(), input: { transactionId: 'buy-1', programId: P, memberId: 'm1', points: 5, programVersionId: null } });
    expect(db.select().from(outbox).all()).toEqual([
      expect.objectContaining({ id: 'buy-1:points-earned', type: 'points-earned', memberId: 'm1', publishedAt: null, payload: expect.objectContaining({ points: 5 }) }),
    ]);
  });

  it('refuses unknown and blocked members', () => {
    expect(() => postEarn({ ctx: ctx(), input: { transactionId: 'x', programId: P, memberId: 'nobody', points: 5 } })).toThrow(/does not exist/);
    db.update(members).set({ status: 'blocked' }).where(eq(members.id, 'm2')).run();
    expect(() => postEarn({ ctx: ctx(), input: { transactionId: 'x', programId: P, memberId: 'm2', points: 5 } })).toThrow(/is blocked/);
  });
});

describe('redeeming and adjusting', () => {
  it('spends first-expiring-first and never below zero', () => {
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 100, occurredAt: '2025-01-01T00:00:00Z' } });
    postEarn({ ctx: ctx(), input: { transactionId: 'b', programId: P, memberId: 'm1', points: 40, occurredAt: '2025-02-01T00:00:00Z', expiry: { kind: 'rolling', months: 12 } } });
    const r = redeemPoints({ ctx: ctx(), input: { transactionId: 'r1', programId: P, memberId: 'm1', points: 60, occurredAt: '2025-03-01T00:00:00Z' } });
    expect(r.postings.map((p) => [p.lotId, p.amount])).toEqual([['lot:b', -40], ['lot:a', -20], [null, 60]]);
    expect(() => redeemPoints({ ctx: ctx(), input: { transactionId: 'r2', programId: P, memberId: 'm1', points: 81 } })).toThrow(/has 80 points to spend/);
    expect(balance()).toMatchObject({ available: 80, lifetimeRedeemed: 60 });
  });

  it('records manual adjustments with reason and actor', () => {
    const grant = adjustPoints({ ctx: ctx(), input: { transactionId: 'adj-1', programId: P, memberId: 'm1', points: 30, reason: 'Goodwill', actor: 'ana' } });
    expect(grant.transaction).toMatchObject({ kind: 'adjust', actor: 'ana', reason: 'Goodwill' });
    adjustPoints({ ctx: ctx(), input: { transactionId: 'adj-2', programId: P, memberId: 'm1', points: -10, reason: 'Double booking', actor: 'ana' } });
    expect(() => adjustPoints({ ctx: ctx(), input: { transactionId: 'adj-3', programId: P, memberId: 'm1', points: -21, reason: 'Too much', actor: 'ana' } })).toThrow(
      expect.objectContaining({ code: 'unprocessable' }),
    );
    expect(balance()).toMatchObject({ available: 20, lifetimeEarned: 0 });
  });
});

describe('expiry', () => {
  it('rolling: expires due lots once per run date and lists what expires soon', () => {
    const expiry = { kind: 'rolling', months: 12 } as const;
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 100, occurredAt: '2025-01-10T00:00:00Z', expiry } });
    postEarn({ ctx: ctx(), input: { transactionId: 'b', programId: P, memberId: 'm1', points: 40, occurredAt: '2025-06-01T00:00:00Z', expiry } });
    redeemPoints({ ctx: ctx(), input: { transactionId: 'r', programId: P, memberId: 'm1', points: 30, occurredAt: '2025-07-01T00:00:00Z' } });
    expect(balance('m1', '2025-12-20T00:00:00Z').expiringSoon).toEqual([{ date: '2026-01-10T00:00:00.000Z', points: 70 }]);
    const announce = { programId: P, withinDays: 30, asOf: '2025-12-20T00:00:00Z' };
    expect(announceExpiringPoints({ ctx: ctx(), input: announce })).toEqual({ events: 1 });
    announceExpiringPoints({ ctx: ctx(), input: { ...announce, asOf: '2025-12-21T00:00:00Z' } });
    expect(db.select().from(outbox).where(eq(outbox.type, 'points-expiring')).all()).toEqual([
      expect.objectContaining({ memberId: 'm1', payload: { points: 70, expiresAt: '2026-01-10T00:00:00.000Z' } }),
    ]);
    const run = { programId: P, expiry, asOf: '2026-01-10T00:00:00Z' };
    expect(expirePoints({ ctx: ctx(), input: run })).toEqual({ members: 1, points: 70 });
    expect(expirePoints({ ctx: ctx(), input: run })).toEqual({ members: 0, points: 0 });
    expect(balance('m1', '2026-01-10T00:00:00Z')).toMatchObject({ available: 40, lifetimeExpired: 70 });
    expect(db.select().from(outbox).where(eq(outbox.type, 'points-expired')).all()).toHaveLength(1);
  });

  it('inactivity: everything available expires after N months without earning or spending', () => {
    const expiry = { kind: 'inactivity', months: 6 } as const;
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 100, occurredAt: '2025-01-10T00:00:00Z' } });
    postEarn({ ctx: ctx(), input: { transactionId: 'b', programId: P, memberId: 'm2', points: 100, occurredAt: '2025-01-10T00:00:00Z' } });
    redeemPoints({ ctx: ctx(), input: { transactionId: 'r', programId: P, memberId: 'm2', points: 10, occurredAt: '2025-05-01T00:00:00Z' } });
    expect(getBalance({ ctx: ctx(), input: { programId: P, memberId: 'm1', asOf: '2025-07-01T00:00:00Z', expiry } }).expiringSoon).toEqual([
      { date: '2025-07-10T00:00:00.000Z', points: 100 },
    ]);
    expect(expirePoints({ ctx: ctx(), input: { programId: P, expiry, asOf: '2025-07-10T00:00:00Z' } })).toEqual({ members: 1, points: 100 });
    expect(balance('m2').available).toBe(90);
  });

  it('end of period: points of a year last until the end of the next one', () => {
    const expiry = { kind: 'end-of-period', period: 'year', afterPeriods: 1 } as const;
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 10, occurredAt: '2025-03-01T00:00:00Z', expiry } });
    expect(expirePoints({ ctx: ctx(), input: { programId: P, expiry, asOf: '2026-12-31T23:59:59Z' } }).points).toBe(0);
    expect(expirePoints({ ctx: ctx(), input: { programId: P, expiry, asOf: '2027-01-01T00:00:00Z' } }).points).toBe(10);
  });
});

describe('append-only', () => {
  it('refuses to change or delete postings and transactions', () => {
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 10 } });
    const sqlite = db.$client;
    expect(() => sqlite.prepare('update ledger_postings set amount = 99').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from ledger_postings').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("update ledger_transactions set member_id = 'm2'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from ledger_transactions').run()).toThrow(/append-only/);
  });

  it('the database refuses a negative available balance even if a planner were wrong', () => {
    postEarn({ ctx: ctx(), input: { transactionId: 'a', programId: P, memberId: 'm1', points: 10 } });
    expect(() => db.$client.prepare("update ledger_balances set available = -1 where member_id = 'm1'").run()).toThrow(/CHECK constraint/);
  });
});
