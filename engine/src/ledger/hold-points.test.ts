import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { ledgerLots, outbox } from '../db/schema';
import { expirePoints } from './expire-points';
import { getBalance } from './get-balance';
import { decideHeldPoints, holdEarnedPoints, listHeldPoints } from './hold-points';
import { cancelReservation } from './cancel-reservation';
import { mergeBalances } from './merge-balances';
import { planHold, planReleaseHold } from './plan-hold';
import type { LotView } from './plan-types';
import { postEarn } from './post-earn';
import { redeemPoints } from './redeem-points';
import { releasePending } from './release-pending';
import { reservePoints } from './reserve-points';
import { reverseEarn } from './reverse-earn';
import { freshLedgerEachTest } from './test-fixtures';

const lot = (over: Partial<LotView>): LotView => ({
  id: 'lot:e1', memberId: 'm1', points: 40, remaining: 40, status: 'available', earnedAt: '2025-03-01T10:00:00.000Z', availableAt: '2025-03-01T10:00:00.000Z', expiresAt: null, ...over,
});

describe('planHold and planReleaseHold', () => {
  it('moves available points back to pending and marks the lot held', () => {
    expect(planHold(lot({}))).toEqual({
      postings: [
        { account: { kind: 'member-available', memberId: 'm1' }, amount: -40, lotId: 'lot:e1' },
        { account: { kind: 'member-pending', memberId: 'm1' }, amount: 40, lotId: 'lot:e1' },
      ],
      lots: [{ op: 'update', lotId: 'lot:e1', remaining: 40, status: 'held' }],
    });
  });

  it('holds a pending lot without moving points, and has nothing to hold in a spent or held lot', () => {
    expect(planHold(lot({ status: 'pending' }))).toEqual({ postings: [], lots: [{ op: 'update', lotId: 'lot:e1', remaining: 40, status: 'held' }] });
    expect(planHold(lot({ status: 'consumed', remaining: 0 }))).toBeNull();
    expect(planHold(lot({ remaining: 0 }))).toBeNull();
    expect(planHold(lot({ status: 'held' }))).toBeNull();
  });

  it('releases to available once the return window has passed, else back to pending', () => {
    const held = lot({ status: 'held', availableAt: '2025-03-15T10:00:00.000Z' });
    expect(planReleaseHold(held, '2025-03-20T00:00:00.000Z').lots).toEqual([{ op: 'update', lotId: 'lot:e1', remaining: 40, status: 'available' }]);
    expect(planReleaseHold(held, '2025-03-20T00:00:00.000Z').postings.map((p) => p.amount)).toEqual([40, -40]);
    expect(planReleaseHold(held, '2025-03-02T00:00:00.000Z')).toEqual({ postings: [], lots: [{ op: 'update', lotId: 'lot:e1', remaining: 40, status: 'pending' }] });
    expect(() => planReleaseHold(lot({}), '2025-03-02T00:00:00.000Z')).toThrow(/not held/);
  });
});

describe('holding earned points for review', () => {
  let db: Db;
  const P = 'prog';
  const balance = (memberId = 'm1', asOf?: string) => getBalance({ ctx: { db }, input: { programId: P, memberId, asOf } });
  const earn = (id: string, points: number, pendingDays = 0, memberId = 'm1') =>
    postEarn({ ctx: { db }, input: { transactionId: id, programId: P, memberId, points, pendingDays, occurredAt: '2025-03-01T10:00:00Z', expiry: { kind: 'rolling', months: 1 } } });
  const hold = (earnTransactionId: string) => holdEarnedPoints({ ctx: { db }, input: { programId: P, earnTransactionId, reason: '12 purchases within 60 minutes', ruleId: 'fraud-velocity', occurredAt: '2025-03-01T10:00:01Z' } });
  const decide = (earnTransactionId: string, decision: 'release' | 'forfeit', occurredAt = '2025-03-05T09:00:00Z') =>
    decideHeldPoints({ ctx: { db }, input: { programId: P, earnTransactionId, decision, reason: 'Reviewed the receipts', actor: 'ana', occurredAt } });

  freshLedgerEachTest(P, ['m1', 'm2'], (fresh) => (db = fresh));

  it('keeps held points out of release, spending and expiry until a reviewer releases them', () => {
    earn('e1', 60, 14);
    earn('e2', 30);
    expect(hold('e1')?.transaction).toMatchObject({ id: 'hold:e1', kind: 'hold', relatedTransactionId: 'e1', reason: '12 purchases within 60 minutes' });
    expect(balance('m1', '2025-03-02T00:00:00Z')).toMatchObject({ available: 30, pending: 60, held: 60, becomingAvailable: [] });
    expect(releasePending({ ctx: { db }, input: { asOf: '2025-04-01T00:00:00Z' } })).toEqual({ released: 0, points: 0 });
    expect(() => redeemPoints({ ctx: { db }, input: { transactionId: 'r1', programId: P, memberId: 'm1', points: 31, occurredAt: '2025-03-02T00:00:00Z' } })).toThrow(/has 30 points to spend, 31 are needed/);
    expirePoints({ ctx: { db }, input: { programId: P, asOf: '2025-04-02T00:00:00Z', expiry: { kind: 'rolling', months: 1 } } });
    expect(balance()).toMatchObject({ available: 0, pending: 60, held: 60, lifetimeExpired: 30 });
    expect(listHeldPoints(db, { programId: P })).toEqual([
      { earnTransactionId: 'e1', memberId: 'm1', lotId: 'lot:e1', points: 60, earnedAt: '2025-03-01T10:00:00.000Z', heldAt: '2025-03-01T10:00:01.000Z', reason: '12 purchases within 60 minutes', sourceRef: null },
    ]);

    const released = decide('e1', 'release', '2025-04-03T00:00:00Z');
    expect(released.transaction).toMatchObject({ kind: 'release-hold', actor: 'ana', reason: 'Reviewed the receipts' });
    // Released after its own expiry date: spendable no more, the next expiry run takes it.
    expect(balance('m1', '2025-04-03T00:00:00Z')).toMatchObject({ available: 60, pending: 0, held: 0 });
    expect(decide('e1', 'release', '2025-04-03T00:00:00Z').replayed).toBe(true);
    expect(() => decide('e1', 'forfeit')).toThrow(/not held \(their lot is available\)/);
    expect(listHeldPoints(db, { programId: P })).toEqual([]);
    const types = db.select({ type: outbox.type }).from(outbox).all().map((r) => r.type);
    expect(types.filter((t) => t.startsWith('points-hold') || t === 'points-held')).toEqual(['points-held', 'points-hold-released']);
  });

  it('releases a hold inside the return window back to pending, to be released on its date', () => {
    earn('e1', 60, 14);
    hold('e1');
    decide('e1', 'release', '2025-03-05T00:00:00Z');
    expect(balance('m1', '2025-03-05T00:00:00Z')).toMatchObject({ available: 0, pending: 60, held: 0, becomingAvailable: [{ date: '2025-03-15T10:00:00.000Z', points: 60 }] });
    expect(releasePending({ ctx: { db }, input: { asOf: '2025-03-15T10:00:00Z' } })).toEqual({ released: 1, points: 60 });
  });

  it('forfeits held points as a reversal that lowers lifetime earned', () => {
    earn('e1', 60);
    hold('e1');
    const forfeited = decide('e1', 'forfeit');
    expect(forfeited.transaction).toMatchObject({ id: 'forfeit:e1', kind: 'reverse', sourceRef: 'fraud-review', metadata: expect.objectContaining({ reversed: 60, recovered: 60, writtenOff: 0, actor: 'ana' }) });
    expect(balance()).toMatchObject({ available: 0, pending: 0, held: 0, lifetimeEarned: 0 });
    expect(db.select().from(ledgerLots).where(eq(ledgerLots.id, 'lot:e1')).get()?.status).toBe('consumed');
  });

  it('holds once per earn and has nothing to hold when the points were spent', () => {
    earn('e1', 60);
    expect(hold('e1')?.replayed).toBe(false);
    expect(hold('e1')?.replayed).toBe(true);
    earn('e2', 20);
    redeemPoints({ ctx: { db }, input: { transactionId: 'r1', programId: P, memberId: 'm1', points: 20, occurredAt: '2025-03-02T00:00:00Z' } });
    expect(hold('e2')).toBeUndefined();
    expect(() => hold('nope')).toThrow(/no earn transaction 'nope'/);
    expect(() => decide('e2', 'release')).toThrow(/not held/);
  });

  it('takes a return from the held lot, and a merge keeps the lot held on the target', () => {
    earn('e1', 60);
    hold('e1');
    reverseEarn({ ctx: { db }, input: { transactionId: 'ret-1', programId: P, earnTransactionId: 'e1', amount: { fraction: 0.5 } } });
    expect(balance()).toMatchObject({ pending: 30, held: 30 });
    mergeBalances({ ctx: { db }, input: { transactionId: 'merge:m1:m2', programId: P, fromMemberId: 'm1', toMemberId: 'm2', actor: 'ana' } });
    expect(balance('m2')).toMatchObject({ available: 0, pending: 30, held: 30 });
    expect(listHeldPoints(db, { programId: P, memberId: 'm2' })).toEqual([expect.objectContaining({ earnTransactionId: 'e1', memberId: 'm2', points: 30, lotId: 'merge:m1:m2:lot:e1' })]);
    decide('e1', 'release');
    expect(balance('m2')).toMatchObject({ available: 30, pending: 0, held: 0 });
  });

  it('keeps points held when a reservation made before the hold is cancelled', () => {
    earn('e1', 60);
    reservePoints({ ctx: { db }, input: { transactionId: 'res-1', programId: P, memberId: 'm1', points: 20, holdMinutes: 15, occurredAt: '2025-03-01T10:00:00Z' } });
    hold('e1');
    expect(balance('m1', '2025-03-01T10:00:02Z')).toMatchObject({ available: 0, pending: 40, held: 40, reserved: 20 });
    cancelReservation({ ctx: { db }, input: { transactionId: 'cancel-1', programId: P, reservationId: 'res-1', occurredAt: '2025-03-01T10:01:00Z' } });
    expect(balance('m1', '2025-03-01T10:02:00Z')).toMatchObject({ available: 0, pending: 60, held: 60, reserved: 0 });
  });
});
