import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerTransactions, memberEvents, outbox, purchases, ruleAwards } from '../src/db/schema';
import { verifyLedger } from '../src/ledger';
import { compileProgram, evaluate } from '../src/rules';
import { awardLinesOfRows } from '../src/events/rule-awards';
import { apiHarness, BASKET, domainCounts, WEDNESDAY } from './api-harness';

const h = apiHarness();
afterAll(h.cleanup);
const till = h.client(h.key('amsterdam'));
type Member = { created: boolean; member: { id: string; cardNumber: string }; welcomePoints: number };

describe('POS and e-commerce API', () => {
  let ana: Member;

  it('signs up with minimal data and de-duplicates a phone written differently', async () => {
    const first = await till.post<Member>('/members', { phone: '+31 6 1234 5678', firstName: 'Ana', consents: { email: true } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, welcomePoints: 100, member: { tier: { id: 'member' } } });
    const again = await till.post<Member>('/members', { phone: '06-12345678', defaultCountry: 'NL', email: 'ana@example.com' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, member: { id: first.body.member.id }, welcomePoints: 0 });
    ana = first.body;
  });

  it('identifies by card, phone and email', async () => {
    await h.client(h.key('amsterdam')).post('/members', { email: 'Bea@Example.com ' });
    const byCard = await till.get(`/members/identify?card=${ana.member.cardNumber}`);
    expect(byCard.body).toMatchObject({ id: ana.member.id, firstName: 'Ana', balance: { available: 100, pending: 0 } });
    expect((await till.get('/members/identify?phone=%2B31612345678')).body).toMatchObject({ id: ana.member.id });
    expect((await till.get('/members/identify?email=bea%40example.com')).status).toBe(200);
    const nobody = await till.get('/members/identify?email=nobody%40example.com');
    expect(nobody.status).toBe(404);
    expect(nobody.body).toMatchObject({ detail: 'No member has this email address.' });
    expect((await till.get('/members/identify?email=a%40b.co&card=1')).status).toBe(400);
  });

  it('quotes a basket without side effects', async () => {
    const before = domainCounts(h.db);
    const q = await till.post<{ points: number; rewards: { id: string; reason: string | null }[] }>('/quotes', { member: { memberId: ana.member.id }, occurredAt: WEDNESDAY, items: BASKET });
    expect(q.status).toBe(200);
    expect(q.body.points).toBe(170 + 180 + 60 + 150); // 1/EUR on 170, own label 2/EUR on 90, beauty 1/EUR on 60, spend-150 bonus
    expect(q.body.rewards.find((r) => r.id === 'reward-voucher-5')?.reason).toBe('min-balance');
    expect(domainCounts(h.db)).toEqual(before);
  });

  let purchaseId = '';
  it('books a purchase earning exactly what the rules say, recording the version', async () => {
    const body = { registerId: '3', receiptNumber: 'A-1001', member: { cardNumber: ana.member.cardNumber }, occurredAt: WEDNESDAY, items: BASKET };
    const r = await till.post<{ purchaseId: string; points: number; versionId: string; rules: { ruleId: string; points: number }[] }>('/purchases', body, { key: 'purchase-A-1001' });
    expect(r.status).toBe(201);
    const expected = evaluate(compileProgram(h.program.spec), {
      event: { kind: 'purchase', at: Date.parse(WEDNESDAY), total: 170, itemCount: 7, channel: 'store', storeId: 'amsterdam', isFirstPurchase: true },
      items: BASKET,
      member: { tier: 'member' },
      aggregates: { spend: { '365': 0 }, visits: { '90': 0, '365': 0 } },
    });
    expect(expected.points).toBe(560);
    expect(r.body.points).toBe(expected.points);
    expect(r.body.rules.map((l) => [l.ruleId, l.points])).toEqual(expected.lines.map((l) => [l.ruleId, l.points]));
    expect(r.body.versionId).toBe(h.program.versionId);
    purchaseId = r.body.purchaseId;
    expect(h.db.select().from(purchases).where(eq(purchases.id, purchaseId)).get()).toMatchObject({ storeId: 'amsterdam', registerId: '3', versionId: h.program.versionId });

    const retry = await till.post('/purchases', body, { key: 'purchase-A-1001' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(r.body);

    const changed = await till.post('/purchases', { ...body, items: BASKET.slice(0, 1) }, { key: 'purchase-A-1001' });
    expect(changed.status).toBe(422);
    expect(changed.headers.get('content-type')).toContain('application/problem+json');
    expect(String(changed.body.detail)).toContain("Idempotency-Key 'purchase-A-1001' was already used for a different request");

    const duplicate = await till.post('/purchases', body, { key: 'another-key' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ purchaseId });
    expect(String(duplicate.body.detail)).toContain(`already posted as purchase '${purchaseId}'`);
    expect(h.db.select().from(purchases).where(eq(purchases.receiptNumber, 'A-1001')).all()).toHaveLength(1);
  });

  it('prints the receipt text for the till', async () => {
    const r = await till.get<{ lines: string[]; text: string }>(`/purchases/${purchaseId}/receipt`);
    expect(r.status).toBe(200);
    expect(r.body.lines).toContain('Meridian Style Club');
    expect(r.body.lines.some((l) => /^Points this purchase +560$/.test(l))).toBe(true);
    expect(r.body.text).toContain('330 EUR more to Silver');
  });

  it('reverses a partial return proportionally and refuses the same units twice', async () => {
    // Socks: 4 x 5 EUR. Line 3 earned 20 base + its share of the spend bonus.
    const awards = awardLinesOfRows(h.db.select().from(purchases).where(eq(purchases.id, purchaseId)).get()?.awards ?? []).filter((a) => a.lineRef === '3');
    const lineTotal = awards.reduce((s, a) => s + a.points, 0);
    const first = await till.post<{ points: number; lines: { points: number }[] }>('/returns', { returnRef: 'RT-1', purchaseId, lines: [{ ref: '3', quantity: 1 }] });
    expect(first.status).toBe(201);
    const expectedFirst = awards.reduce((s, a) => s + Math.floor(a.points / 4), 0);
    expect(first.body.points).toBe(expectedFirst);
    const rest = await till.post<{ points: number }>('/returns', { returnRef: 'RT-2', purchaseId, lines: [{ ref: '3', quantity: 3 }] });
    expect(first.body.points + rest.body.points).toBe(lineTotal);
    const again = await till.post('/returns', { returnRef: 'RT-3', purchaseId, lines: [{ ref: '3', quantity: 1 }] });
    expect(again.status).toBe(409);
    expect(String(again.body.detail)).toContain("Line '3' of purchase");
    expect(String(again.body.detail)).toContain('at most 0 can be returned');
  });

  it('upgrades the tier when spend crosses the threshold, with a tier-changed outbox event', async () => {
    // Spend so far 170 - 20 returned = 150; Silver starts at 500.
    const r = await till.post<{ tierChange: { from: string; to: string } | null }>('/purchases', {
      receiptNumber: 'A-1002',
      member: { memberId: ana.member.id },
      items: [{ ref: '1', sku: 'NC-COAT-PARKA-M', category: 'womenswear', quantity: 1, price: 350 }],
    });
    expect(r.body.tierChange).toEqual({ from: 'member', to: 'silver' });
    const events = h.db.select().from(outbox).where(eq(outbox.memberId, ana.member.id)).all();
    expect(events.filter((e) => e.type === 'tier-changed').map((e) => e.payload.to)).toEqual(['member', 'silver']);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['points-earned', 'purchase-recorded', 'points-reversed', 'purchase-returned']));
  });

  it('books custom events with the rules of their trigger', async () => {
    const first = await till.post<{ points: number }>('/events', { member: { memberId: ana.member.id }, kind: 'profile-completed', eventRef: 'profile-ana' });
    expect(first.status).toBe(201);
    expect(first.body.points).toBe(62); // 50, with the Silver multiplier 1.25, floored
    const nameless = await till.post('/events', { member: { memberId: ana.member.id }, kind: 'custom', eventRef: 'x-1' });
    expect(nameless.status).toBe(400);
  });

  it('records the evaluating version on every event, and the ledger verifies', () => {
    const v = h.program.versionId;
    expect(h.db.select().from(purchases).all().every((p) => p.versionId === v)).toBe(true);
    expect(h.db.select().from(memberEvents).all().every((e) => e.versionId === v)).toBe(true);
    expect(h.db.select().from(ruleAwards).all().every((a) => a.versionId === v)).toBe(true);
    const earns = h.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.kind, 'earn')).all();
    expect(earns.length).toBeGreaterThan(3);
    expect(earns.every((t) => t.programVersionId === v)).toBe(true);
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });
});
