import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox, rewardStock } from '../db/schema';
import { adjustPoints, getBalance, verifyLedger } from '../ledger';
import { tempDatabase } from '../testing/temp-db';
import { cancelRewardReservation } from './cancel-reward-reservation';
import { commitRewardReservation } from './commit-reward-reservation';
import { redeemReward } from './redeem-reward';
import { reserveReward } from './reserve-reward';
import { activeTemplateProgram, testMember } from './test-fixtures';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
// One tote bag left in stock, to see stock run out.
const { programId } = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, rewards: s.rewards.map((r) => (r.id === 'reward-tote-bag' ? { ...r, stock: 1 } : r)) }));
const member = (name: string, points: number) => {
  const memberId = testMember(db, programId, name);
  adjustPoints({ ctx: { db }, input: { transactionId: `grant-${memberId}`, programId, memberId, points, reason: 'test balance', actor: 'test' } });
  return memberId;
};
const available = (memberId: string) => getBalance({ ctx: { db }, input: { programId, memberId } }).available;
const totes = () => db.select().from(rewardStock).where(and(eq(rewardStock.programId, programId), eq(rewardStock.rewardId, 'reward-tote-bag'))).get()?.remaining;

describe('reward redemption', () => {
  it('redeems in one step with a voucher code and a reward-redeemed event', () => {
    const memberId = member('web', 900);
    const r = redeemReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-5', storeId: 'web' } });
    expect(r).toMatchObject({ status: 'redeemed', points: 250, available: 100 + 900 - 250 });
    expect(r.code).toMatch(/^MER5-[A-Z2-9]{8}$/);
    expect(db.select().from(outbox).where(and(eq(outbox.memberId, memberId), eq(outbox.type, 'reward-redeemed'))).all()).toHaveLength(1);
  });

  it('says what is missing when points are short', () => {
    const memberId = member('short', 200); // 100 welcome + 200
    expect(() => redeemReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-10', storeId: 'web' } })).toThrow("Reward '10 euro voucher' costs 500 Points; the member has 300 available.");
    expect(available(memberId)).toBe(300);
  });

  it('reserves with stock, cancels (stock and points back), then commits', () => {
    const memberId = member('till', 1000);
    const held = reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-tote-bag', storeId: 'ams', basketTotal: 60 } });
    expect(held.status).toBe('reserved');
    expect(Date.parse(held.holdExpiresAt!) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(totes()).toBe(0);
    expect(available(memberId)).toBe(700);
    const other = member('second', 1000);
    expect(() => reserveReward({ ctx: { db }, input: { programId, memberId: other, rewardId: 'reward-tote-bag', storeId: 'ams' } })).toThrow("Reward 'Meridian canvas tote bag' is out of stock.");
    expect(() => commitRewardReservation({ ctx: { db }, input: { programId, storeId: 'rotterdam', reservationId: held.id } })).toThrow(/no reservation/);
    expect(cancelRewardReservation({ ctx: { db }, input: { programId, storeId: 'ams', reservationId: held.id } }).status).toBe('cancelled');
    expect(totes()).toBe(1);
    expect(available(memberId)).toBe(1100);
    expect(() => commitRewardReservation({ ctx: { db }, input: { programId, storeId: 'ams', reservationId: held.id } })).toThrow(/already cancelled/);
    const again = reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-tote-bag', storeId: 'ams' } });
    const done = commitRewardReservation({ ctx: { db }, input: { programId, storeId: 'ams', reservationId: again.id } });
    expect(done).toMatchObject({ status: 'redeemed', available: 700 });
    expect(totes()).toBe(0);
  });

  it('a lapsed hold cannot be committed; points and stock come back', () => {
    const memberId = member('lapse', 2000);
    const past = new Date(Date.now() - 20 * 60_000).toISOString();
    const held = reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-10', storeId: 'ams', occurredAt: past } });
    expect(() => commitRewardReservation({ ctx: { db }, input: { programId, storeId: 'ams', reservationId: held.id } })).toThrow(/lapsed at .*Reserve again/);
    reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-5', storeId: 'ams' } }); // sweeps lapsed holds
    expect(available(memberId)).toBe(2100 - 250);
  });

  it('refuses more than the basket share at checkout', () => {
    const memberId = member('basket', 2000);
    expect(() => reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-voucher-25', storeId: 'ams', basketTotal: 40 } })).toThrow(/at most 50% of this 40.00 EUR basket/);
  });

  it('leaves the ledger consistent', () => {
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
