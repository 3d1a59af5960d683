import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { rewardStock } from '../src/db/schema';
import { adjustPoints, releasePending, verifyLedger } from '../src/ledger';
import { apiHarness } from './api-harness';

const h = apiHarness();
afterAll(h.cleanup);
afterEach(() => vi.useRealTimers());
const till = h.client(h.key('amsterdam'));
const web = h.client(h.key('web'));
const DAYS_AGO_40 = new Date(Date.now() - 40 * 86_400_000).toISOString();
type Redemption = { id: string; status: string; points: number; available: number; code: string | null; holdExpiresAt: string | null };

let receipt = 0;
/** A member with 100 welcome points and `points` more, available (a purchase 40 days ago, released, topped up). */
async function memberWith(name: string, points: number): Promise<string> {
  const m = await till.post<{ member: { id: string } }>('/members', { email: `${name}@example.com`, attributes: { country: 'NL' } });
  const id = m.body.member.id;
  const p = await till.post<{ points: number }>('/purchases', { receiptNumber: `P-${++receipt}`, member: { memberId: id }, occurredAt: DAYS_AGO_40, items: [{ ref: '1', sku: 'GIFT', quantity: 1, price: 100 }] });
  releasePending({ ctx: { db: h.db }, input: { memberId: id } });
  adjustPoints({ ctx: { db: h.db }, input: { transactionId: `top-up-${id}`, programId: h.program.programId, memberId: id, points: points - p.body.points, reason: 'test balance', actor: 'test' } });
  return id;
}
const stock = (rewardId: string) => h.db.select().from(rewardStock).where(and(eq(rewardStock.programId, h.program.programId), eq(rewardStock.rewardId, rewardId))).get()?.remaining;

describe('redemption API', () => {
  it('two-step at the till: reserve holds points and stock, commit redeems, cancel gives back', async () => {
    const memberId = await memberWith('tote', 500); // 100 + 500 = 600 available
    const held = await till.post<Redemption>('/redemptions/reservations', { memberId, rewardId: 'reward-tote-bag', basketTotal: 80 });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: 'reserved', points: 400, available: 200 });
    expect(stock('reward-tote-bag')).toBe(2499);
    const cancelled = await till.post<Redemption>(`/redemptions/reservations/${held.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', available: 600 });
    expect(stock('reward-tote-bag')).toBe(2500);
    const again = await till.post<Redemption>('/redemptions/reservations', { memberId, rewardId: 'reward-tote-bag', basketTotal: 80 });
    const committed = await till.post<Redemption>(`/redemptions/reservations/${again.body.id}/commit`, {});
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'redeemed', available: 200 });
    expect(stock('reward-tote-bag')).toBe(2499);
    const twice = await till.post(`/redemptions/reservations/${again.body.id}/commit`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ status: 409, state: 'redeemed', detail: `Reservation '${again.body.id}' is already redeemed.` });
    // Another store cannot see or touch this reservation.
    expect((await web.post(`/redemptions/reservations/${again.body.id}/cancel`)).status).toBe(404);
  });

  it('a reservation lapses after the hold: commit is refused and points and stock come back', async () => {
    const memberId = await memberWith('lapse', 1500);
    vi.useFakeTimers({ toFake: ['Date'] });
    const held = await till.post<Redemption>('/redemptions/reservations', { memberId, rewardId: 'reward-tote-bag' });
    expect(held.status).toBe(201);
    expect(stock('reward-tote-bag')).toBe(2498);
    vi.setSystemTime(Date.now() + 16 * 60_000);
    const late = await till.post(`/redemptions/reservations/${held.body.id}/commit`);
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toMatch(/lapsed at .*; the points and the reward were given back\. Reserve again/);
    // The next redemption sweeps lapsed holds.
    await till.post('/redemptions/reservations', { memberId, rewardId: 'reward-voucher-5' });
    expect(stock('reward-tote-bag')).toBe(2499);
    expect((await till.get<{ balance: { available: number } }>(`/members/identify?email=lapse%40example.com`)).body.balance.available).toBe(1600 - 250);
  });

  it('one step on the web, with a voucher code', async () => {
    const memberId = await memberWith('web', 400);
    const r = await web.post<Redemption>('/redemptions', { memberId, rewardId: 'reward-voucher-5' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'redeemed', points: 250, available: 250 });
    expect(r.body.code).toMatch(/^MER5-/);
  });

  it('explains refusals: too few points, minimum tier, basket share', async () => {
    const memberId = await memberWith('short', 320); // 420 available
    const short = await web.post('/redemptions', { memberId, rewardId: 'reward-voucher-10' });
    expect(short.status).toBe(422);
    expect(short.headers.get('content-type')).toContain('application/problem+json');
    expect(short.body).toMatchObject({ detail: "Reward '10 euro voucher' costs 500 Points; the member has 420 available.", reason: 'insufficient' });
    const tier = await web.post('/redemptions', { memberId, rewardId: 'reward-gold-15-percent' });
    expect(tier.body.detail).toBe("Reward '15% off one purchase (Gold)' is for Gold members and above; the member is Member.");
    const rich = await memberWith('rich', 1400);
    const share = await till.post('/redemptions/reservations', { memberId: rich, rewardId: 'reward-voucher-25', basketTotal: 40 });
    expect(share.status).toBe(422);
    expect(share.body.detail).toBe("Reward '25 euro voucher' is worth 25.00 EUR; at most 50% of this 40.00 EUR basket (20.00 EUR) can be paid with Points.");
    expect((await till.post('/redemptions/reservations', { memberId: rich, rewardId: 'reward-voucher-25', basketTotal: 50 })).status).toBe(201);
  });

  it('leaves the ledger consistent', () => {
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });
});
