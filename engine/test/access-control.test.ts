import { afterAll, describe, expect, it } from 'vitest';
import { activeTemplateProgram } from '../src/events/test-fixtures';
import { apiHarness, domainCounts } from './api-harness';

/**
 * Two programs, two stores of one program, two members with their own tokens: nobody reaches
 * another's data (403 or 404) and refused requests change nothing.
 */
const h = apiHarness();
afterAll(h.cleanup);
const other = activeTemplateProgram(h.db);
const ams = h.client(h.key('amsterdam'));
const rtm = h.client(h.key('rotterdam'));
const readOnly = h.client(h.key('kiosk', ['members:read']));
const foreign = h.client(h.key('amsterdam', undefined, other.programId));
const anonymous = h.client(undefined);
const items = [{ ref: '1', sku: 'NC-SCARF', quantity: 1, price: 40 }];

type Setup = { ana: string; ben: string; anaToken: string; benToken: string; benTokenId: string; purchaseId: string; reservationId: string };
let s: Setup;

async function setup(): Promise<Setup> {
  const ana = (await ams.post<{ member: { id: string } }>('/members', { email: 'ana@example.com' })).body.member.id;
  const ben = (await ams.post<{ member: { id: string } }>('/members', { email: 'ben@example.com' })).body.member.id;
  const anaToken = (await ams.post<{ token: string }>(`/members/${ana}/tokens`)).body.token;
  const benIssued = (await ams.post<{ token: string; tokenId: string }>(`/members/${ben}/tokens`, { ttlHours: 1 })).body;
  const purchaseId = (await ams.post<{ purchaseId: string }>('/purchases', { receiptNumber: 'AC-1', member: { memberId: ana }, items })).body.purchaseId;
  const reservationId = (await ams.post<{ id: string }>('/redemptions/reservations', { memberId: ana, rewardId: 'reward-voucher-5' })).body.id;
  return { ana, ben, anaToken, benToken: benIssued.token, benTokenId: benIssued.tokenId, purchaseId, reservationId };
}

/** Runs a request and checks it was refused with one of `statuses` and wrote nothing. */
async function refused(request: Promise<{ status: number; body: unknown }>, statuses: number[]) {
  const before = domainCounts(h.db);
  const res = await request;
  expect(statuses).toContain(res.status);
  expect(domainCounts(h.db)).toEqual(before);
  return res;
}

describe('object-level access', () => {
  it('sets up two members with tokens', async () => {
    s = await setup();
    expect(s.anaToken).toMatch(/^lmt_/);
  });

  it('a key of another program reaches nothing of this one', async () => {
    await refused(foreign.get('/members/identify?email=ana%40example.com'), [404]);
    await refused(foreign.post('/purchases', { receiptNumber: 'X-1', member: { memberId: s.ana }, items }), [404]);
    await refused(foreign.post('/returns', { returnRef: 'X-R1', purchaseId: s.purchaseId }), [404]);
    await refused(foreign.get(`/purchases/${s.purchaseId}/receipt`), [404]);
    await refused(foreign.post('/redemptions', { memberId: s.ana, rewardId: 'reward-voucher-5' }), [404]);
    await refused(foreign.post(`/redemptions/reservations/${s.reservationId}/cancel`), [404]);
    await refused(foreign.post('/events', { member: { memberId: s.ana }, kind: 'profile-completed', eventRef: 'x' }), [404]);
    await refused(foreign.post(`/members/${s.ana}/tokens`), [404]);
    await refused(foreign.delete(`/members/${s.ben}/tokens/${s.benTokenId}`), [404]);
    await refused(foreign.post('/quotes', { member: { memberId: s.ana }, items }), [404]);
  });

  it('a key of another store cannot act for this store or touch its purchases and reservations', async () => {
    const posing = await refused(rtm.post('/purchases', { storeId: 'amsterdam', receiptNumber: 'AC-2', member: { memberId: s.ana }, items }), [403]);
    expect(posing.body).toMatchObject({ detail: "This API key belongs to store 'rotterdam'; it cannot act for store 'amsterdam'. Use that store's key." });
    await refused(rtm.get(`/purchases/${s.purchaseId}/receipt`), [404]);
    await refused(rtm.post('/returns', { returnRef: 'RT-X', purchaseId: s.purchaseId }), [404]);
    await refused(rtm.post(`/redemptions/reservations/${s.reservationId}/commit`), [404]);
    await refused(rtm.post('/redemptions', { storeId: 'amsterdam', memberId: s.ana, rewardId: 'reward-voucher-5' }), [403]);
  });

  it('a key without the scope is refused, and no credential is 401', async () => {
    const scoped = await refused(readOnly.post('/purchases', { receiptNumber: 'AC-3', items }), [403]);
    expect(scoped.body).toMatchObject({ requiredScope: 'purchases:write' });
    const none = await anonymous.get('/me');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    await refused(anonymous.post('/purchases', { receiptNumber: 'AC-4', items }), [401]);
    await refused(h.client('lsk_0123456789_' + 'x'.repeat(43)).post('/purchases', { receiptNumber: 'AC-5', items }), [401]);
  });

  it('a member token reaches only its own member, and only /me', async () => {
    const ana = h.client(s.anaToken);
    const ben = h.client(s.benToken);
    expect((await ana.get<{ id: string }>('/me')).body.id).toBe(s.ana);
    expect((await ben.get<{ id: string }>('/me')).body.id).toBe(s.ben);
    await refused(ana.get(`/members/identify?email=ben%40example.com`), [401]);
    await refused(ana.post('/redemptions', { memberId: s.ben, rewardId: 'reward-voucher-5' }), [401]);
    await refused(ana.delete(`/members/${s.ben}/tokens/${s.benTokenId}`), [401]);
    await refused(ams.get('/me'), [401]);
    const history = await ana.get<{ items: { id: string }[] }>('/me/history');
    expect(history.body.items.every((i) => !i.id.includes(s.ben))).toBe(true);
    // Ben signs out; his token no longer works, Ana's still does.
    expect((await ben.delete('/me/token')).status).toBe(204);
    await refused(ben.get('/me'), [401]);
    expect((await ana.get('/me')).status).toBe(200);
    // The shop revokes Ana's token.
    const anaTokenId = (await ams.post<{ tokenId: string; token: string }>(`/members/${s.ana}/tokens`)).body;
    expect((await ams.delete(`/members/${s.ana}/tokens/${anaTokenId.tokenId}`)).status).toBe(204);
    await refused(h.client(anaTokenId.token).get('/me/balance'), [401]);
  });
});

describe('fields a caller may not set', () => {
  it('are refused with 400 naming the field, not ignored', async () => {
    const signUp = await refused(ams.post('/members', { email: 'eve@example.com', tier: 'gold', balance: 5000 }), [400]);
    expect(signUp.body).toMatchObject({ errors: [{ path: 'tier' }, { path: 'balance' }] });
    expect(String((signUp.body as { detail: string }).detail)).toContain("'tier', 'balance'");
    await refused(ams.post('/members', { email: 'eve@example.com', attributes: { role: 'admin' } }), [400]);
    const patch = await refused(h.client(s.anaToken).patch('/me', { firstName: 'Ana', points: 5000, status: 'active' }), [400]);
    expect(patch.body).toMatchObject({ errors: [{ path: 'points' }, { path: 'status' }] });
    await refused(ams.post('/purchases', { receiptNumber: 'AC-6', items, points: 1000 }), [400]);
    await refused(ams.post('/purchases', { receiptNumber: 'AC-7', member: { memberId: s.ana, tier: 'gold' }, items }), [400]);
    await refused(ams.post('/redemptions', { memberId: s.ana, rewardId: 'reward-voucher-5', points: 1 }), [400]);
    await refused(ams.post('/returns', { returnRef: 'RT-9', purchaseId: s.purchaseId, points: 10 }), [400]);
  });

  it('lets members change their own contact data and consents', async () => {
    const me = h.client(s.anaToken);
    const r = await me.patch<{ firstName: string; phone: string; consents: { sms?: { granted: boolean } } }>('/me', { firstName: 'Ana Maria', phone: '0612345678', defaultCountry: 'NL', consents: { sms: true } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ firstName: 'Ana Maria', phone: '+31612345678', consents: { sms: { granted: true } } });
  });
});
