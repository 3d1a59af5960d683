import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { ledgerReservations } from '../db/schema';
import { cancelReservation } from './cancel-reservation';
import { commitReservation } from './commit-reservation';
import { getBalance } from './get-balance';
import { listMemberHistory } from './list-member-history';
import { mergeBalances } from './merge-balances';
import { postEarn } from './post-earn';
import { redeemPoints } from './redeem-points';
import { releaseExpiredReservations } from './release-expired-reservations';
import { releasePending } from './release-pending';
import { reservePoints } from './reserve-points';
import { reverseEarn } from './reverse-earn';
import { freshLedgerEachTest } from './test-fixtures';
import { verifyLedger } from './verify-ledger';

let db: Db;
const P = 'prog';
const ctx = () => ({ db });
const balance = (memberId = 'm1') => getBalance({ ctx: ctx(), input: { programId: P, memberId } });
const earn = (transactionId: string, points: number, memberId = 'm1', pendingDays = 0) =>
  postEarn({ ctx: ctx(), input: { transactionId, programId: P, memberId, points, pendingDays } });

freshLedgerEachTest(P, ['m1', 'm2'], (fresh) => (db = fresh));

describe('reservations', () => {
  it('reserve then commit redeems the held points', () => {
    earn('e', 100);
    const r = reservePoints({ ctx: ctx(), input: { transactionId: 'cart', programId: P, memberId: 'm1', points: 80 } });
    expect(balance()).toMatchObject({ available: 20, reserved: 80 });
    commitReservation({ ctx: ctx(), input: { transactionId: 'paid', programId: P, reservationId: 'cart' } });
    expect(balance()).toMatchObject({ available: 20, reserved: 0, lifetimeRedeemed: 80 });
    expect(reservePoints({ ctx: ctx(), input: { transactionId: 'cart', programId: P, memberId: 'm1', points: 80 } })).toMatchObject({ replayed: true, expiresAt: r.expiresAt });
    expect(() => cancelReservation({ ctx: ctx(), input: { transactionId: 'undo', programId: P, reservationId: 'cart' } })).toThrow(/already committed/);
  });

  it('cancel gives the points back to the same lots', () => {
    earn('e1', 50);
    earn('e2', 50);
    reservePoints({ ctx: ctx(), input: { transactionId: 'cart', programId: P, memberId: 'm1', points: 70 } });
    cancelReservation({ ctx: ctx(), input: { transactionId: 'abandoned', programId: P, reservationId: 'cart', reason: 'cart abandoned' } });
    expect(balance()).toMatchObject({ available: 100, reserved: 0 });
    const retry = cancelReservation({ ctx: ctx(), input: { transactionId: 'abandoned', programId: P, reservationId: 'cart', reason: 'cart abandoned' } });
    expect(retry.replayed).toBe(true);
  });

  it('lapsed holds are released by the job and can no longer be committed', () => {
    earn('e', 100);
    reservePoints({ ctx: ctx(), input: { transactionId: 'cart', programId: P, memberId: 'm1', points: 30, holdMinutes: 15, occurredAt: '2030-01-01T10:00:00Z' } });
    expect(() =>
      commitReservation({ ctx: ctx(), input: { transactionId: 'late', programId: P, reservationId: 'cart', occurredAt: '2030-01-01T10:15:00Z' } }),
    ).toThrow(/lapsed at 2030-01-01T10:15:00.000Z/);
    expect(releaseExpiredReservations({ ctx: ctx(), input: { asOf: '2030-01-01T10:14:59Z' } })).toEqual({ released: 0, points: 0 });
    expect(releaseExpiredReservations({ ctx: ctx(), input: { asOf: '2030-01-01T10:15:00Z' } })).toEqual({ released: 1, points: 30 });
    expect(releaseExpiredReservations({ ctx: ctx(), input: { asOf: '2030-01-01T11:00:00Z' } })).toEqual({ released: 0, points: 0 });
    expect(db.select().from(ledgerReservations).get()).toMatchObject({ status: 'lapsed', resolvedByTransactionId: 'lapse:cart' });
    expect(balance()).toMatchObject({ available: 100, reserved: 0 });
  });
});

describe('reversals', () => {
  it('a full return of pending points takes them all back', () => {
    earn('buy', 60, 'm1', 14);
    const r = reverseEarn({ ctx: ctx(), input: { transactionId: 'ret', programId: P, earnTransactionId: 'buy' } });
    expect(r.transaction.metadata).toMatchObject({ reversed: 60, recovered: 60, writtenOff: 0 });
    expect(balance()).toMatchObject({ pending: 0, available: 0, lifetimeEarned: 0 });
    expect(releasePending({ ctx: ctx(), input: { asOf: '2099-01-01T00:00:00Z' } }).released).toBe(0);
  });

  it('points already spent are written off to return-shortfall; the balance never goes negative', () => {
    earn('buy', 100);
    redeemPoints({ ctx: ctx(), input: { transactionId: 'spend', programId: P, memberId: 'm1', points: 80 } });
    const half = reverseEarn({ ctx: ctx(), input: { transactionId: 'ret-1', programId: P, earnTransactionId: 'buy', amount: { fraction: 0.5 } } });
    expect(half.transaction.metadata).toMatchObject({ reversed: 50, recovered: 20, writtenOff: 30 });
    expect(half.postings.find((p) => p.accountId === `${P}:program-return-shortfall`)?.amount).toBe(-30);
    const rest = reverseEarn({ ctx: ctx(), input: { transactionId: 'ret-2', programId: P, earnTransactionId: 'buy', amount: { points: 500 } } });
    expect(rest.transaction.metadata).toMatchObject({ reversed: 50, recovered: 0, writtenOff: 50 });
    expect(() => reverseEarn({ ctx: ctx(), input: { transactionId: 'ret-3', programId: P, earnTransactionId: 'buy' } })).toThrow(/already reversed in full/);
    expect(balance()).toMatchObject({ available: 0, lifetimeEarned: 0 });
  });
});

describe('merging balances', () => {
  it('moves every lot with its dates, and the history and reversals follow', () => {
    earn('a1', 40, 'm1');
    earn('a2', 25, 'm1', 14);
    earn('b1', 10, 'm2');
    mergeBalances({ ctx: ctx(), input: { transactionId: 'merge:m1:m2', programId: P, fromMemberId: 'm1', toMemberId: 'm2', actor: 'ana' } });
    expect(balance('m1')).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
    expect(balance('m2')).toMatchObject({ available: 50, pending: 25, lifetimeEarned: 75 });
    reverseEarn({ ctx: ctx(), input: { transactionId: 'ret', programId: P, earnTransactionId: 'a2' } });
    expect(balance('m2')).toMatchObject({ pending: 0, lifetimeEarned: 50 });
    const history = listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: 'm2' } });
    expect(history.items.map((i) => i.transaction.id).sort()).toEqual(['a1', 'a2', 'b1', 'merge:m1:m2', 'ret']);
  });

  it('is refused while the source holds a reservation', () => {
    earn('a1', 40, 'm1');
    reservePoints({ ctx: ctx(), input: { transactionId: 'cart', programId: P, memberId: 'm1', points: 10 } });
    expect(() => mergeBalances({ ctx: ctx(), input: { transactionId: 'mg', programId: P, fromMemberId: 'm1', toMemberId: 'm2', actor: 'ana' } })).toThrow(/open reservation/);
  });
});

describe('history', () => {
  it('pages newest first with postings', () => {
    for (let i = 1; i <= 5; i++) earn(`e${i}`, i);
    const first = listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: 'm1', limit: 2 } });
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.postings).toHaveLength(2);
    const second = listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: 'm1', limit: 2, cursor: first.nextCursor ?? '' } });
    const third = listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: 'm1', limit: 2, cursor: second.nextCursor ?? '' } });
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.transaction.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    expect(() => listMemberHistory({ ctx: ctx(), input: { programId: P, memberId: 'm1', cursor: 'nonsense' } })).toThrow(/cursor is not valid/);
  });
});

describe('verifyLedger', () => {
  it('reports a projection that drifted from the postings', () => {
    earn('e', 10);
    db.$client.prepare("update ledger_balances set available = 12, lifetime_earned = 3 where member_id = 'm1'").run();
    db.$client.prepare("update ledger_lots set remaining = 9 where id = 'lot:e'").run();
    const report = verifyLedger(db);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['balance differs from postings', 'lot remaining differs from its postings', 'lots differ from balance', 'lifetime counters differ']),
    );
    db.$client.prepare("update ledger_balances set available = 10, lifetime_earned = 10 where member_id = 'm1'").run();
    db.$client.prepare("update ledger_lots set remaining = 10 where id = 'lot:e'").run();
  });
});
