import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerReservations, pointsPayments } from '../src/db/schema';
import { adjustPoints, verifyLedger } from '../src/ledger';
import { apiHarness, countRows } from './api-harness';

// retail-tiers: 1 point = 0.02 EUR, at least 250 points, at most 50% of a basket, holds of 15 minutes.
const h = apiHarness();
afterAll(h.cleanup);
afterEach(() => {
  vi.useRealTimers();
  expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
});
const till = h.client(h.key('amsterdam'));
const web = h.client(h.key('web'));
type Member = { member: { id: string; cardNumber: string } };
type Payment = { id: string; status: string; amount: number; points: number; available: number; holdExpiresAt: string | null; purchaseId: string | null };
type Purchase = { purchaseId: string; points: number; pointsPayment: { id: string; amount: number; points: number } | null };
const BASKET = [{ ref: '1', sku: 'NC-COAT-PARKA-M', category: 'womenswear', quantity: 1, price: 80 }];

/** A member with 100 welcome points and `points` more. */
async function memberWith(name: string, points: number): Promise<Member['member']> {
  const m = (await till.post<Member>('/members', { email: `${name}@example.com` })).body.member;
  adjustPoints({ ctx: { db: h.db }, input: { transactionId: `grant-${m.id}`, programId: h.program.programId, memberId: m.id, points, reason: 'test balance', actor: 'test' } });
  return m;
}

describe('points payment API', () => {
  it('till: reserve by card, post the purchase with the payment, earn on the money share', async () => {
    const ana = await memberWith('ana', 1900); // 2000 available
    const held = await till.post<Payment>('/points-payments/reservations', { member: { cardNumber: ana.cardNumber }, basketTotal: 80, amount: 20 }, { key: 'pay-ana-1' });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ status: 'reserved', amount: 20, points: 1000, available: 1000, purchaseId: null });

    const retry = await till.post<Payment>('/points-payments/reservations', { member: { cardNumber: ana.cardNumber }, basketTotal: 80, amount: 20 }, { key: 'pay-ana-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(held.body);
    expect(h.db.select().from(pointsPayments).where(eq(pointsPayments.memberId, ana.id)).all()).toHaveLength(1);
    const changed = await till.post('/points-payments/reservations', { member: { cardNumber: ana.cardNumber }, basketTotal: 80, amount: 25 }, { key: 'pay-ana-1' });
    expect(changed.status).toBe(422);

    const body = { receiptNumber: 'PP-1', member: { cardNumber: ana.cardNumber }, items: BASKET, pointsPaymentId: held.body.id };
    const bought = await till.post<Purchase>('/purchases', body, { key: 'purchase-PP-1' });
    expect(bought.status).toBe(201);
    expect(bought.body.pointsPayment).toEqual({ id: held.body.id, amount: 20, points: 1000 });
    const replayed = await till.post<Purchase>('/purchases', body, { key: 'purchase-PP-1' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(bought.body);
    const again = await till.post('/purchases', { ...body, receiptNumber: 'PP-2' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ purchaseId: bought.body.purchaseId });

    const bea = await memberWith('bea', 1900);
    const cash = await till.post<Purchase>('/purchases', { receiptNumber: 'PP-3', member: { memberId: bea.id }, items: [{ ...BASKET[0], price: 60 }] });
    expect(bought.body.points).toBe(cash.body.points); // 80 EUR with 20 paid in points earns like 60 EUR in money
    expect(h.db.select().from(pointsPayments).where(eq(pointsPayments.id, held.body.id)).get()).toMatchObject({ status: 'committed', purchaseId: bought.body.purchaseId });
  });

  it('till: commit and cancel, retried safely; only the store that reserved may', async () => {
    const ben = await memberWith('ben', 1900);
    const held = await till.post<Payment>('/points-payments/reservations', { memberId: ben.id, basketTotal: 80, points: 500 });
    expect(held.body).toMatchObject({ amount: 10, points: 500 });
    expect((await web.post(`/points-payments/reservations/${held.body.id}/commit`)).status).toBe(404);
    const committed = await till.post<Payment>(`/points-payments/reservations/${held.body.id}/commit`, undefined, { key: 'commit-ben' });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', available: 1500 });
    const retried = await till.post<Payment>(`/points-payments/reservations/${held.body.id}/commit`, undefined, { key: 'commit-ben' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(committed.body);
    const twice = await till.post(`/points-payments/reservations/${held.body.id}/commit`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ status: 409, state: 'committed', detail: `Points payment '${held.body.id}' is already committed.` });

    const other = await till.post<Payment>('/points-payments/reservations', { memberId: ben.id, basketTotal: 80, amount: 5 });
    const cancelled = await till.post<Payment>(`/points-payments/reservations/${other.body.id}/cancel`, {});
    expect(cancelled.body).toMatchObject({ status: 'cancelled', available: 1500 });
    expect((await till.post('/points-payments/reservations', { memberId: ben.id, basketTotal: 80, amount: 5, storeId: 'web' })).status).toBe(403);
  });

  it('web shop: pays in one step, then posts the order with it', async () => {
    const cem = await memberWith('cem', 900);
    const quote = await web.post<{ points: number; pointsPayment: { maxAmount: number; maxPoints: number } }>('/quotes', { channel: 'online', member: { memberId: cem.id }, items: BASKET, paidWithPoints: 10 });
    expect(quote.body.pointsPayment).toEqual({ maxAmount: 20, maxPoints: 1000 });
    const paid = await web.post<Payment>('/points-payments', { memberId: cem.id, basketTotal: 80, amount: 10 });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ status: 'committed', points: 500, available: 500, holdExpiresAt: null });
    const order = await web.post<Purchase>('/purchases', { receiptNumber: 'W-1', channel: 'online', member: { memberId: cem.id }, items: BASKET, pointsPaymentId: paid.body.id });
    expect(order.status).toBe(201);
    expect(order.body.pointsPayment?.id).toBe(paid.body.id);
    expect(order.body.points).toBe(quote.body.points);
    expect((await till.post('/purchases', { receiptNumber: 'X-1', member: { memberId: cem.id }, items: BASKET, pointsPaymentId: paid.body.id })).status).toBe(404);
  });

  it('refuses with problem+json that says what to do, writing nothing', async () => {
    const dan = await memberWith('dan', 220); // 320 available
    const before = countRows(h.db, 'points_payments');
    const share = await web.post('/points-payments', { memberId: dan.id, basketTotal: 80, amount: 41 });
    expect(share.status).toBe(422);
    expect(share.headers.get('content-type')).toContain('application/problem+json');
    expect(share.body).toMatchObject({ reason: 'basket-share', maxAmount: 40, maxPoints: 2000, detail: 'At most 50% of this 80.00 EUR basket can be paid with Points: 40.00 EUR (2000 Points); asked for 41.00 EUR.' });
    const short = await web.post('/points-payments', { memberId: dan.id, basketTotal: 80, amount: 10 });
    expect(short.body).toMatchObject({ reason: 'insufficient', available: 320, detail: 'Paying 10.00 EUR takes 500 Points; the member has 320 available (worth 6.40 EUR).' });
    const both = await web.post('/points-payments', { memberId: dan.id, basketTotal: 80, amount: 1, points: 50 });
    expect(both.status).toBe(400);
    expect(String(both.body.detail)).toContain('give exactly one of amount (money) or points');
    const nobody = await web.post('/points-payments', { member: { cardNumber: '0000 0000 0000 0000' }, basketTotal: 80, amount: 1 });
    expect(nobody.status).toBe(404);
    const foreign = await web.post('/purchases', { receiptNumber: 'W-9', member: { memberId: dan.id }, items: BASKET, pointsPaymentId: 'no-such-payment' });
    expect(foreign.status).toBe(404);
    expect(countRows(h.db, 'points_payments')).toBe(before);
  });

  it('a lapsed hold cannot be committed; the points come back', async () => {
    const eva = await memberWith('eva', 900);
    vi.useFakeTimers({ toFake: ['Date'] });
    const held = await till.post<Payment>('/points-payments/reservations', { memberId: eva.id, basketTotal: 80, amount: 10 });
    expect(held.body.available).toBe(500);
    vi.setSystemTime(Date.now() + 16 * 60_000);
    const late = await till.post(`/points-payments/reservations/${held.body.id}/commit`);
    expect(late.status).toBe(409);
    expect(String(late.body.detail)).toMatch(/lapsed at .*; the points were given back to the member\. Reserve the payment again\./);
    const bought = await till.post('/purchases', { receiptNumber: 'L-1', member: { memberId: eva.id }, items: BASKET, pointsPaymentId: held.body.id });
    expect(bought.status).toBe(409);
    const next = await till.post<Payment>('/points-payments/reservations', { memberId: eva.id, basketTotal: 80, amount: 1 }); // sweeps lapsed holds
    expect(next.body.available).toBe(1000 - 50);
    expect(h.db.select().from(ledgerReservations).where(eq(ledgerReservations.id, `pay-reserve:${held.body.id}`)).get()?.status).toBe('lapsed');
  });

  it('the member sees the payment in their history', async () => {
    const fay = await memberWith('fay', 900);
    await web.post('/points-payments', { memberId: fay.id, basketTotal: 80, points: 400 });
    const token = (await web.post<{ token: string }>(`/members/${fay.id}/tokens`, { ttlHours: 1 })).body.token;
    const history = await h.client(token).get<{ items: { description: string; points: number }[] }>('/me/history');
    expect(history.body.items[0]).toMatchObject({ description: 'Paid part of a purchase with points', points: -400 });
  });

  it('is documented with its scope and Idempotency-Key', async () => {
    const doc = (await (await h.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { 'x-required-scope'?: string; parameters?: { name: string }[] }>> };
    for (const path of ['/api/v1/points-payments', '/api/v1/points-payments/reservations', '/api/v1/points-payments/reservations/{id}/commit', '/api/v1/points-payments/reservations/{id}/cancel']) {
      expect(doc.paths[path]?.post?.['x-required-scope'], path).toBe('redemptions:write');
      expect(doc.paths[path]?.post?.parameters?.map((p) => p.name), path).toContain('Idempotency-Key');
    }
  });
});
