import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ledgerReservations, members, outbox, pointsPayments } from '../../db/schema';
import { runProgramHousekeeping } from '../../housekeeping';
import { adjustPoints, getBalance, verifyLedger } from '../../ledger';
import { tempDatabase } from '../../testing/temp-db';
import { listMemberActivity } from '../list-member-activity';
import { reserveReward } from '../reserve-reward';
import { activeTemplateProgram, testMember } from '../test-fixtures';
import { cancelPointsPayment } from './cancel-points-payment';
import { commitPointsPayment } from './commit-points-payment';
import { payWithPoints } from './pay-with-points';
import { releaseLapsedPointsPayments } from './points-payment-store';
import { reservePointsPayment } from './reserve-points-payment';

// retail-tiers: 1 point = 0.02 EUR, at least 250 points, at most 50% of a basket, holds of 15 minutes.
const { db, cleanup } = tempDatabase();
afterAll(cleanup);
afterEach(() => expect(verifyLedger(db)).toEqual({ ok: true, problems: [] }));
const { programId } = activeTemplateProgram(db);
const member = (name: string, points: number) => {
  const memberId = testMember(db, programId, name);
  adjustPoints({ ctx: { db }, input: { transactionId: `grant-${memberId}`, programId, memberId, points, reason: 'test balance', actor: 'test' } });
  return memberId;
};
const balance = (memberId: string) => getBalance({ ctx: { db }, input: { programId, memberId } });
const events = (type: string, memberId: string) => db.select().from(outbox).where(and(eq(outbox.memberId, memberId), eq(outbox.type, type))).all();
const row = (id: string) => db.select().from(pointsPayments).where(eq(pointsPayments.id, id)).get();
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('points payment at the till (two steps)', () => {
  it('reserves the points for an amount, then commits them', () => {
    const memberId = member('till', 900); // 100 welcome + 900
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', member: { email: 'till@example.com' }, basketTotal: 80, amount: 10 } });
    expect(held).toMatchObject({ status: 'reserved', memberId, amount: 10, currency: 'EUR', points: 500, basketTotal: 80, purchaseId: null, available: 500 });
    expect(Date.parse(held.holdExpiresAt!) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(balance(memberId)).toMatchObject({ available: 500, reserved: 500 });
    expect(events('points-payment-reserved', memberId)).toHaveLength(1);

    const paid = commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } });
    expect(paid).toMatchObject({ status: 'committed', points: 500, available: 500 });
    expect(balance(memberId)).toMatchObject({ available: 500, reserved: 0 });
    expect(events('points-paid', memberId)[0]?.payload).toMatchObject({ pointsPaymentId: held.id, points: 500, amount: 10 });
    expect(row(held.id)).toMatchObject({ reserveTransactionId: `pay-reserve:${held.id}`, paymentTransactionId: `pay-commit:${held.id}` });
    expect(() => commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } })).toThrow(`Points payment '${held.id}' is already committed.`);
  });

  it('cancels: the points go back, and the payment can no longer be committed', () => {
    const memberId = member('cancel', 900);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 50, points: 300 } });
    expect(held).toMatchObject({ amount: 6, points: 300, available: 700 });
    const cancelled = cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } });
    expect(cancelled).toMatchObject({ status: 'cancelled', available: 1000 });
    expect(events('points-payment-cancelled', memberId)).toHaveLength(1);
    expect(() => commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } })).toThrow(/is already cancelled/);
  });

  it('only the store that reserved can commit or cancel', () => {
    const memberId = member('store', 900);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 50, amount: 5 } });
    expect(() => commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'rotterdam', pointsPaymentId: held.id } })).toThrow(`There is no points payment '${held.id}' at store 'rotterdam'.`);
    expect(() => cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'rotterdam', pointsPaymentId: held.id } })).toThrow(/no points payment/);
    cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } });
  });

  it('shows the payment in the member history', () => {
    const memberId = member('history', 900);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 50, amount: 5 } });
    commitPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } });
    const items = listMemberActivity({ ctx: { db }, input: { programId, memberId } }).items;
    expect(items.slice(0, 2).map((i) => [i.description, i.points])).toEqual([
      ['Paid part of a purchase with points', -250],
      ['Points reserved to pay part of a purchase', 0],
    ]);
  });
});

describe('points payment in one step (web shop)', () => {
  it('spends the points at once', () => {
    const memberId = member('web', 900);
    const paid = payWithPoints({ ctx: { db }, input: { programId, storeId: 'web', memberId, basketTotal: 80, points: 333 } });
    expect(paid).toMatchObject({ status: 'committed', amount: 6.66, points: 333, holdExpiresAt: null, available: 667 });
    expect(balance(memberId)).toMatchObject({ available: 667, reserved: 0 });
    expect(row(paid.id)).toMatchObject({ reserveTransactionId: null, paymentTransactionId: `pay:${paid.id}` });
    expect(events('points-paid', memberId)).toHaveLength(1);
    expect(listMemberActivity({ ctx: { db }, input: { programId, memberId } }).items[0]).toMatchObject({ description: 'Paid part of a purchase with points', points: -333 });
  });
});

describe('refusals', () => {
  const pay = (input: Partial<Parameters<typeof payWithPoints>[0]['input']>) => () =>
    payWithPoints({ ctx: { db }, input: { programId, storeId: 'web', basketTotal: 80, amount: 10, ...input } });

  it('when the program does not allow paying with points', () => {
    const closed = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, spending: { ...s.spending, allowPartialPayWithPoints: false } }));
    const memberId = testMember(db, closed.programId, 'closed');
    expect(() => payWithPoints({ ctx: { db }, input: { programId: closed.programId, storeId: 'web', memberId, basketTotal: 80, amount: 1 } })).toThrow(
      'This program does not let members pay part of a purchase with Points; redeem a reward instead.',
    );
  });

  it('over the basket share, naming the maximum', () => {
    expect(pay({ memberId: member('share', 5000), amount: 45 })).toThrow('At most 50% of this 80.00 EUR basket can be paid with Points: 40.00 EUR (2000 Points); asked for 45.00 EUR.');
  });

  it('below the minimum balance', () => {
    expect(pay({ memberId: member('min', 100), amount: 1 })).toThrow('Members need at least 250 Points available before they can pay with them; the member has 200 available.');
  });

  it('more points than available, saying how many there are', () => {
    expect(pay({ memberId: member('short', 220), amount: 10 })).toThrow('Paying 10.00 EUR takes 500 Points; the member has 320 available (worth 6.40 EUR).');
  });

  it('for a member who is not active', () => {
    const memberId = member('blocked', 900);
    db.update(members).set({ status: 'blocked' }).where(eq(members.id, memberId)).run();
    expect(pay({ memberId })).toThrow(`Member '${memberId}' is blocked; they cannot pay with points.`);
  });

  it('for a card nobody has, and with both amount and points', () => {
    expect(pay({ member: { cardNumber: '9999 0000 0000 0000' } })).toThrow(/No member of this program matches/);
    expect(pay({ memberId: 'x', points: 10 })).toThrow(/give exactly one of amount \(money\) or points/);
  });

  it('and writes nothing when it refuses', () => {
    const memberId = member('nothing', 100);
    expect(pay({ memberId, amount: 5 })).toThrow();
    expect(db.select().from(pointsPayments).where(eq(pointsPayments.memberId, memberId)).all()).toEqual([]);
    expect(balance(memberId)).toMatchObject({ available: 200, reserved: 0 });
  });
});

describe('lapsed holds', () => {
  it('cannot be committed or cancelled; the next points payment gives the points back', () => {
    const memberId = member('lapse', 900);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 80, amount: 10, occurredAt: minutesAgo(20) } });
    expect(commitPointsPayment.bind(null, { ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } })).toThrow(
      /lapsed at .*; the points were given back to the member\. Reserve the payment again\./,
    );
    expect(() => cancelPointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } })).toThrow(/lapsed at/);
    payWithPoints({ ctx: { db }, input: { programId, storeId: 'web', memberId, basketTotal: 80, amount: 1 } }); // sweeps lapsed holds
    expect(row(held.id)).toMatchObject({ status: 'lapsed', releaseTransactionId: `lapse:pay-reserve:${held.id}` });
    expect(balance(memberId)).toMatchObject({ available: 1000 - 50, reserved: 0 });
    expect(events('points-payment-lapsed', memberId)).toHaveLength(1);
  });

  it('follow the ledger when a reward sweep released the hold first', () => {
    const memberId = member('sweep', 2000);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 80, amount: 10, occurredAt: minutesAgo(20) } });
    reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-5', storeId: 'ams', occurredAt: minutesAgo(20) } });
    reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-5', storeId: 'ams' } }); // sweeps its lapsed reward hold, and with it every lapsed ledger hold
    expect(db.select().from(ledgerReservations).where(eq(ledgerReservations.id, `pay-reserve:${held.id}`)).get()?.status).toBe('lapsed');
    expect(commitPointsPayment.bind(null, { ctx: { db }, input: { programId, storeId: 'ams', pointsPaymentId: held.id } })).toThrow(/lapsed at/);
    expect(releaseLapsedPointsPayments(db, programId, new Date().toISOString())).toBe(1);
    expect(row(held.id)?.status).toBe('lapsed');
    expect(releaseLapsedPointsPayments(db, programId, new Date().toISOString())).toBe(0);
  });

  it('are given back by program housekeeping', async () => {
    const memberId = member('housekeeping', 900);
    const held = reservePointsPayment({ ctx: { db }, input: { programId, storeId: 'ams', memberId, basketTotal: 80, amount: 10, occurredAt: minutesAgo(20) } });
    const report = await runProgramHousekeeping({ ctx: { db }, input: { programId } });
    expect(report.programs[0]?.holdsLapsed).toMatchObject({ holds: 1, points: 500, pointsPayments: 1 });
    expect(row(held.id)?.status).toBe('lapsed');
    expect(balance(memberId)).toMatchObject({ available: 1000, reserved: 0 });
  });
});
