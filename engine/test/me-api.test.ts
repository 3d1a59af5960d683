import { afterAll, describe, expect, it } from 'vitest';
import { releasePending } from '../src/ledger';
import { apiHarness } from './api-harness';

const h = apiHarness();
afterAll(h.cleanup);
const shop = h.client(h.key('web'));
const MONTHS_23_AND_20_DAYS_AGO = new Date(Date.now() - (730 - 10) * 86_400_000).toISOString();

describe('member self-service API', () => {
  let me: ReturnType<typeof h.client>;
  let memberId = '';

  it('the shop signs the member up and issues a token after its own login', async () => {
    memberId = (await shop.post<{ member: { id: string } }>('/members', { email: 'mia@example.com', firstName: 'Mia', channel: 'online' })).body.member.id;
    await shop.post('/purchases', { receiptNumber: 'OLD-1', channel: 'online', member: { memberId }, occurredAt: MONTHS_23_AND_20_DAYS_AGO, items: [{ ref: '1', sku: 'NC-SCARF', quantity: 1, price: 100 }] });
    await shop.post('/purchases', { receiptNumber: 'NEW-1', channel: 'online', member: { memberId }, items: [{ ref: '1', sku: 'NC-BAG', quantity: 1, price: 120 }] });
    releasePending({ ctx: { db: h.db }, input: { memberId } });
    const issued = await shop.post<{ token: string; expiresAt: string }>(`/members/${memberId}/tokens`, { ttlHours: 2 });
    expect(issued.status).toBe(201);
    me = h.client(issued.body.token);
  });

  it('shows balance: available, pending, and points expiring soon with dates', async () => {
    const b = await me.get<{ pointsName: string; available: number; pending: number; expiringSoon: { date: string; points: number }[]; becomingAvailable: { points: number }[] }>('/me/balance');
    expect(b.status).toBe(200);
    // Old online order: 100 base + 250 first online order; welcome 100; new order 120 pending.
    expect(b.body).toMatchObject({ pointsName: 'Points', available: 450, pending: 120 });
    expect(b.body.expiringSoon).toHaveLength(1);
    expect(b.body.expiringSoon[0]!.points).toBe(350);
    expect(Date.parse(b.body.expiringSoon[0]!.date) - Date.now()).toBeLessThan(30 * 86_400_000);
    expect(b.body.becomingAvailable[0]!.points).toBe(120);
  });

  it('shows tier and progress to the next', async () => {
    const t = await me.get('/me/tier');
    expect(t.body).toMatchObject({ current: { id: 'member', name: 'Member' }, next: { id: 'silver', threshold: 500 }, metric: 'spend', value: 120, remaining: 380 });
  });

  it('lists rewards the member can afford, and why not the others', async () => {
    const r = await me.get<{ available: number; rewards: { id: string; redeemable: boolean; reason: string | null; message: string | null }[] }>('/me/rewards');
    expect(r.body.available).toBe(450);
    expect(r.body.rewards.filter((x) => x.redeemable).map((x) => x.id)).toEqual(['reward-voucher-5', 'reward-tote-bag']);
    expect(r.body.rewards.find((x) => x.id === 'reward-voucher-10')).toMatchObject({ reason: 'insufficient', message: "Reward '10 euro voucher' costs 500 Points; the member has 450 available." });
  });

  it('redeems for the member, then shows it in the history', async () => {
    const red = await me.post<{ status: string; available: number; code: string }>('/me/redemptions', { rewardId: 'reward-voucher-5' });
    expect(red.status).toBe(201);
    expect(red.body).toMatchObject({ status: 'redeemed', available: 200 });
    const hist = await me.get<{ items: { kind: string; points: number; description: string }[]; nextCursor: string | null }>('/me/history?limit=2');
    expect(hist.body.items[0]).toMatchObject({ kind: 'redeem', points: -250, description: 'Points redeemed' });
    expect(hist.body.nextCursor).not.toBeNull();
    const more = await me.get<{ items: unknown[] }>(`/me/history?cursor=${hist.body.nextCursor}`);
    expect(more.body.items.length).toBeGreaterThan(0);
  });

  it('shows the profile and lets the member edit contact data, not the rest', async () => {
    expect((await me.get('/me')).body).toMatchObject({ id: memberId, email: 'mia@example.com', firstName: 'Mia', tier: { id: 'member' } });
    const bad = await me.patch('/me', { tier: 'gold' });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toBe("The body has a field that cannot be set here: 'tier'. Leave it out; the engine decides it.");
    const ok = await me.patch('/me', { consents: { email: true }, locale: 'nl' });
    expect(ok.body).toMatchObject({ locale: 'nl', consents: { email: { granted: true } } });
  });
});
