import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { ledgerBalances } from '../db/schema';
import { DomainError } from '../errors';
import { adjustPoints } from './adjust-points';
import { cancelReservation } from './cancel-reservation';
import { commitReservation } from './commit-reservation';
import { addDays } from './expiry-dates';
import { expirePoints } from './expire-points';
import { decideHeldPoints, holdEarnedPoints } from './hold-points';
import { mergeBalances } from './merge-balances';
import { postEarn } from './post-earn';
import { redeemPoints } from './redeem-points';
import { releaseExpiredReservations } from './release-expired-reservations';
import { releasePending } from './release-pending';
import { reservePoints } from './reserve-points';
import { reverseEarn } from './reverse-earn';
import { seedProgram, tempDatabase } from './test-fixtures';
import { verifyLedger } from './verify-ledger';

const P = 'prog';
const MEMBERS = ['m0', 'm1', 'm2'] as const;
const member = fc.constantFrom(...MEMBERS);
const points = fc.integer({ min: 1, max: 300 });
const smallPoints = fc.integer({ min: 1, max: 60 });
const expiry = fc.constantFrom(
  { kind: 'none' } as const,
  { kind: 'rolling', months: 1 } as const,
  { kind: 'end-of-period', period: 'month', afterPeriods: 0 } as const,
  { kind: 'inactivity', months: 1 } as const,
);

/** One step: wait some days, then do something. `pick` chooses an earlier id. */
const op = fc.record({
  wait: fc.constantFrom(0, 0, 0, 1, 3, 20),
  pick: fc.nat(),
  action: fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('earn' as const), member, points, pendingDays: fc.constantFrom(0, 0, 3), expiry }), weight: 5 },
    fc.record({ kind: fc.constant('release' as const) }),
    { arbitrary: fc.record({ kind: fc.constant('redeem' as const), member, points: smallPoints }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('reserve' as const), member, points: smallPoints, holdMinutes: fc.constantFrom(15, 60 * 24) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('commit' as const) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('cancel' as const) }), weight: 2 },
    fc.record({ kind: fc.constant('lapse' as const) }),
    fc.record({ kind: fc.constant('expire' as const), expiry }),
    fc.record({ kind: fc.constant('reverse' as const), fraction: fc.constantFrom(0.25, 0.5, 1), points: fc.option(points, { nil: undefined }) }),
    fc.record({ kind: fc.constant('adjust' as const), member, points: fc.integer({ min: -100, max: 200 }).filter((n) => n !== 0) }),
    fc.record({ kind: fc.constant('merge' as const), from: member, to: member }),
    fc.record({ kind: fc.constant('hold' as const) }),
    fc.record({ kind: fc.constant('decide-hold' as const), decision: fc.constantFrom('release' as const, 'forfeit' as const) }),
    { arbitrary: fc.record({ kind: fc.constant('retry' as const) }), weight: 2 },
  ),
});
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
type Call = () => unknown;

function snapshot(db: Db) {
  return db.select().from(ledgerBalances).orderBy(ledgerBalances.memberId).all().map(({ updatedAt: _u, ...rest }) => rest);
}

function run(db: Db, ops: Op[]): void {
  const ctx = { db };
  let clock = '2025-01-01T09:00:00.000Z';
  const earns: string[] = [];
  const reservations: string[] = [];
  const done: Call[] = [];
  ops.forEach((step, i) => {
    clock = addDays(clock, step.wait);
    const id = `t${i}`;
    const at = clock;
    const a = step.action;
    const pick = <T,>(list: T[]) => list[step.pick % Math.max(list.length, 1)];
    let call: Call | undefined;
    switch (a.kind) {
      case 'earn':
        call = () => postEarn({ ctx, input: { transactionId: id, programId: P, memberId: a.member, points: a.points, pendingDays: a.pendingDays, expiry: a.expiry, occurredAt: at } });
        break;
      case 'release':
        call = () => releasePending({ ctx, input: { asOf: at } });
        break;
      case 'redeem':
        call = () => redeemPoints({ ctx, input: { transactionId: id, programId: P, memberId: a.member, points: a.points, occurredAt: at } });
        break;
      case 'reserve':
        call = () => reservePoints({ ctx, input: { transactionId: id, programId: P, memberId: a.member, points: a.points, holdMinutes: a.holdMinutes, occurredAt: at } });
        break;
      case 'commit': {
        const r = pick(reservations);
        if (r) call = () => commitReservation({ ctx, input: { transactionId: id, programId: P, reservationId: r, occurredAt: at } });
        break;
      }
      case 'cancel': {
        const r = pick(reservations);
        if (r) call = () => cancelReservation({ ctx, input: { transactionId: id, programId: P, reservationId: r, occurredAt: at } });
        break;
      }
      case 'lapse':
        call = () => releaseExpiredReservations({ ctx, input: { asOf: at } });
        break;
      case 'expire':
        call = () => expirePoints({ ctx, input: { programId: P, expiry: a.expiry, asOf: at } });
        break;
      case 'reverse': {
        const e = pick(earns);
        const amount = a.points ? { points: a.points } : { fraction: a.fraction };
        if (e) call = () => reverseEarn({ ctx, input: { transactionId: id, programId: P, earnTransactionId: e, amount, occurredAt: at } });
        break;
      }
      case 'adjust':
        call = () => adjustPoints({ ctx, input: { transactionId: id, programId: P, memberId: a.member, points: a.points, reason: 'property test', actor: 'fc', occurredAt: at } });
        break;
      case 'merge':
        call = () => mergeBalances({ ctx, input: { transactionId: id, programId: P, fromMemberId: a.from, toMemberId: a.to, actor: 'fc', occurredAt: at } });
        break;
      case 'hold': {
        const e = pick(earns);
        if (e) call = () => holdEarnedPoints({ ctx, input: { programId: P, earnTransactionId: e, reason: 'property test', occurredAt: at } });
        break;
      }
      case 'decide-hold': {
        const e = pick(earns);
        if (e) call = () => decideHeldPoints({ ctx, input: { programId: P, earnTransactionId: e, decision: a.decision, reason: 'property test', actor: 'fc', occurredAt: at } });
        break;
      }
      case 'retry': {
        const previous = pick(done);
        if (previous) {
          const before = snapshot(db);
          attempt(previous);
          expect(snapshot(db)).toEqual(before);
        }
        return;
      }
    }
    if (!call) return;
    if (!attempt(call)) return;
    done.push(call);
    if (a.kind === 'earn') earns.push(id);
    if (a.kind === 'reserve') reservations.push(id);
    for (const b of snapshot(db)) {
      expect(b.available).toBeGreaterThanOrEqual(0);
      expect(b.pending).toBeGreaterThanOrEqual(0);
      expect(b.reserved).toBeGreaterThanOrEqual(0);
    }
    expect(verifyLedger(db).problems).toEqual([]);
  });
}

/** Runs a call; refusals the domain explains are fine, anything else fails the property. */
function attempt(call: Call): boolean {
  try {
    call();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

describe('ledger under random operations', () => {
  it('keeps the books balanced, never negative, and retries never double count', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 50 }), (ops) => {
        const { db, cleanup } = tempDatabase('loyalty-ledger-prop-');
        try {
          seedProgram(db, P, MEMBERS);
          run(db, ops);
          const report = verifyLedger(db);
          expect(report.problems).toEqual([]);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });
});
