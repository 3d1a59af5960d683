import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { planAdjust } from './plan-adjust';
import { planEarn } from './plan-earn';
import { planExpire } from './plan-expire';
import { planMerge } from './plan-merge';
import { planRedeem } from './plan-redeem';
import { planRelease } from './plan-release';
import { planCancelReservation, planCommitReservation, planReserve } from './plan-reservation';
import { planReverse } from './plan-reverse';
import { postingsTotal, type LedgerPlan, type LotView } from './plan-types';

const T0 = '2025-03-01T10:00:00.000Z';
const lot = (id: string, remaining: number, extra: Partial<LotView> = {}): LotView => ({
  id,
  memberId: 'm1',
  points: remaining,
  remaining,
  status: 'available',
  earnedAt: T0,
  availableAt: T0,
  expiresAt: null,
  ...extra,
});
const summary = (plan: LedgerPlan) => plan.postings.map((p) => `${p.account.kind} ${p.amount}${p.lotId ? ` @${p.lotId}` : ''}`);

describe('planEarn and planRelease', () => {
  it('issues into a pending lot during the return window, then releases it', () => {
    const plan = planEarn({ transactionId: 't1', memberId: 'm1', points: 50, earnedAt: T0, pendingDays: 14, expiry: { kind: 'rolling', months: 24 } });
    expect(summary(plan)).toEqual(['program-issued -50', 'member-pending 50 @lot:t1']);
    const created = plan.lots[0];
    expect(created?.op === 'create' && created.lot).toMatchObject({ status: 'pending', availableAt: '2025-03-15T10:00:00.000Z', expiresAt: '2027-03-01T10:00:00.000Z' });
    const pendingLot = lot('lot:t1', 50, { status: 'pending', availableAt: '2025-03-15T10:00:00.000Z' });
    expect(() => planRelease(pendingLot, '2025-03-10T00:00:00.000Z')).toThrow(/pending until/);
    expect(summary(planRelease(pendingLot, '2025-03-15T10:00:00.000Z'))).toEqual(['member-pending -50 @lot:t1', 'member-available 50 @lot:t1']);
  });

  it('is available at once without a return window', () => {
    const plan = planEarn({ transactionId: 't1', memberId: 'm1', points: 5, earnedAt: T0, pendingDays: 0, expiry: { kind: 'none' } });
    expect(summary(plan)).toEqual(['program-issued -5', 'member-available 5 @lot:t1']);
  });
});

describe('planRedeem', () => {
  it('spends the soonest-expiring lot first, then the oldest, and skips lots past expiry', () => {
    const lots = [
      lot('never', 100, { earnedAt: '2025-01-01T00:00:00.000Z' }),
      lot('late', 30, { expiresAt: '2026-06-01T00:00:00.000Z' }),
      lot('soon', 20, { expiresAt: '2026-01-01T00:00:00.000Z' }),
      lot('gone', 500, { expiresAt: '2025-02-01T00:00:00.000Z' }),
      lot('pending', 500, { status: 'pending' }),
    ];
    const plan = planRedeem({ memberId: 'm1', points: 60, lots, asOf: T0 });
    expect(summary(plan)).toEqual([
      'member-available -20 @soon',
      'member-available -30 @late',
      'member-available -10 @never',
      'program-redeemed 60',
    ]);
    expect(plan.lots).toEqual([
      { op: 'update', lotId: 'soon', remaining: 0, status: 'consumed' },
      { op: 'update', lotId: 'late', remaining: 0, status: 'consumed' },
      { op: 'update', lotId: 'never', remaining: 90, status: 'available' },
    ]);
  });

  it('refuses more than the spendable points and below the minimum balance', () => {
    expect(() => planRedeem({ memberId: 'm1', points: 11, lots: [lot('a', 10)], asOf: T0 })).toThrow(/has 10 points to spend, 11 are needed/);
    expect(() => planRedeem({ memberId: 'm1', points: 5, lots: [lot('a', 10)], asOf: T0, minBalance: 50 })).toThrow(DomainError);
  });
});

describe('reservations', () => {
  it('reserve moves to reserved, commit to redeemed, cancel back to the same lots', () => {
    expect(summary(planReserve({ memberId: 'm1', points: 15, lots: [lot('a', 10), lot('b', 10)], asOf: T0 }))).toEqual([
      'member-available -10 @a',
      'member-available -5 @b',
      'member-reserved 15',
    ]);
    expect(summary(planCommitReservation({ memberId: 'm1', points: 15 }))).toEqual(['member-reserved -15', 'program-redeemed 15']);
    const cancel = planCancelReservation({
      memberId: 'm1',
      allocations: [
        { lot: lot('a', 0, { points: 10, status: 'consumed' }), amount: 10 },
        { lot: lot('b', 5, { points: 10, expiresAt: '2025-02-01T00:00:00.000Z' }), amount: 5 },
      ],
      asOf: T0,
    });
    expect(summary(cancel)).toEqual(['member-reserved -15', 'member-available 10 @a', 'program-expired 5']);
    expect(cancel.lots).toEqual([{ op: 'update', lotId: 'a', remaining: 10, status: 'available' }]);
  });
});

describe('planExpire', () => {
  const lots = [lot('old', 10, { expiresAt: '2025-03-01T00:00:00.000Z' }), lot('new', 20, { expiresAt: '2026-03-01T00:00:00.000Z' }), lot('p', 5, { status: 'pending' })];
  it('expires dated lots that are due', () => {
    const plan = planExpire({ memberId: 'm1', lots, asOf: T0, expiry: { kind: 'rolling', months: 12 }, lastActivityAt: T0 });
    expect(summary(plan)).toEqual(['member-available -10 @old', 'program-expired 10']);
  });
  it('expires everything available after inactivity, and nothing before', () => {
    const expiry = { kind: 'inactivity', months: 6 } as const;
    expect(planExpire({ memberId: 'm1', lots, asOf: T0, expiry, lastActivityAt: '2024-09-01T10:00:00.000Z' }).postings).toHaveLength(3);
    expect(planExpire({ memberId: 'm1', lots: lots.slice(1), asOf: T0, expiry, lastActivityAt: '2024-09-02T00:00:00.000Z' }).postings).toEqual([]);
  });
});

describe('planReverse', () => {
  it('takes back from the lot and writes off what was spent', () => {
    const r = planReverse({ lot: lot('l', 30, { points: 100 }), earned: 100, alreadyReversed: 0, amount: { fraction: 0.5 } });
    expect(r).toMatchObject({ reversed: 50, recovered: 30, writtenOff: 20 });
    expect(summary(r.plan)).toEqual(['member-available -30 @l', 'program-returns 50', 'program-return-shortfall -20']);
  });
  it('reverses from pending, rounds fractions down, and never more than was earned', () => {
    const pendingLot = lot('l', 100, { status: 'pending' });
    expect(planReverse({ lot: pendingLot, earned: 100, alreadyReversed: 0, amount: { fraction: 0.333 } }).reversed).toBe(33);
    expect(summary(planReverse({ lot: pendingLot, earned: 100, alreadyReversed: 90, amount: { points: 50 } }).plan)).toEqual([
      'member-pending -10 @l',
      'program-returns 10',
    ]);
    expect(() => planReverse({ lot: pendingLot, earned: 100, alreadyReversed: 100, amount: { fraction: 1 } })).toThrow(/already reversed/);
  });
});

describe('planAdjust and planMerge', () => {
  it('grants into a new lot and deducts first-expiring-first', () => {
    expect(summary(planAdjust({ transactionId: 'a1', memberId: 'm1', points: 7, at: T0, lots: [], expiresAt: null }))).toEqual([
      'program-adjustments -7',
      'member-available 7 @lot:a1',
    ]);
    expect(summary(planAdjust({ transactionId: 'a2', memberId: 'm1', points: -7, at: T0, lots: [lot('x', 10)], expiresAt: null }))).toEqual([
      'member-available -7 @x',
      'program-adjustments 7',
    ]);
  });
  it('moves each lot with its dates', () => {
    const plan = planMerge({ transactionId: 'mg', fromMemberId: 'm1', toMemberId: 'm2', lots: [lot('a', 10, { expiresAt: '2026-01-01T00:00:00.000Z' }), lot('b', 4, { status: 'pending' }), lot('c', 0, { status: 'consumed' })] });
    expect(summary(plan)).toEqual(['member-available -10 @a', 'member-available 10 @mg:a', 'member-pending -4 @b', 'member-pending 4 @mg:b']);
    expect(plan.postings.find((p) => p.lotId === 'mg:a')?.account.memberId).toBe('m2');
    expect(plan.lots[0]).toMatchObject({ op: 'create', mergedFromLotId: 'a', lot: { memberId: 'm2', expiresAt: '2026-01-01T00:00:00.000Z', points: 10 } });
  });
  it('every plan balances', () => {
    const plans = [
      planEarn({ transactionId: 't', memberId: 'm1', points: 3, earnedAt: T0, pendingDays: 0, expiry: { kind: 'none' } }),
      planReverse({ lot: lot('l', 1, { points: 9 }), earned: 9, alreadyReversed: 0, amount: { fraction: 1 } }).plan,
    ];
    for (const p of plans) expect(postingsTotal(p)).toBe(0);
  });
});
