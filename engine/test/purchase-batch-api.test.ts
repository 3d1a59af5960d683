import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, purchases } from '../src/db/schema';
import type { Problem } from '../src/http/rest/problem';
import type { PurchaseBatchResponse } from '../src/http/rest/schemas/events';
import { verifyLedger } from '../src/ledger';
import { ALL_SCOPES, apiHarness, BASKET, countRows, domainCounts, WEDNESDAY, type ApiResponse } from './api-harness';

// POST /purchases/batch over real HTTP, checked against what POST /purchases gives for the same
// purchases: a second app over its own database posts them one by one.
const h = apiHarness();
const solo = apiHarness();
afterAll(() => {
  h.cleanup();
  solo.cleanup();
});
const till = h.client(h.key('amsterdam'));
const soloTill = solo.client(solo.key('amsterdam'));

const SCARF = [{ ref: '1', sku: 'NC-SCARF', category: 'accessories', brand: 'northcoast', quantity: 1, price: 40 }];
const PERFUME = [{ ref: '1', sku: 'MV-EDP-50', category: 'beauty', brand: 'maison-verre', quantity: 1, price: 30 }];

type Member = { member: { id: string; cardNumber: string }; welcomePoints: number };
type Balance = { available: number; pending: number };
type Posted = Extract<PurchaseBatchResponse['results'][number], { status: 201 }>;
type Refused = Exclude<PurchaseBatchResponse['results'][number], { status: 201 }>;
type Purchase = Posted['purchase'];

const batch = (client: typeof till, purchasesToPost: unknown[], key?: string) => client.post<PurchaseBatchResponse>('/purchases/batch', { purchases: purchasesToPost }, key ? { key } : {});
const posted = (r: ApiResponse<PurchaseBatchResponse>, i: number) => r.body.results[i] as Posted;
const refused = (r: ApiResponse<PurchaseBatchResponse>, i: number) => r.body.results[i] as Refused;
/** The body of a request refused as a whole. */
const problemOf = (r: ApiResponse<PurchaseBatchResponse>) => r.body as unknown as Problem;

async function signUp(client: typeof till, email: string): Promise<Member> {
  const r = await client.post<Member>('/members', { email, firstName: email.split('@')[0] });
  expect(r.status).toBe(201);
  return r.body;
}

async function balanceOf(client: typeof till, email: string): Promise<Balance> {
  const r = await client.get<{ balance: Balance }>(`/members/identify?email=${encodeURIComponent(email)}`);
  expect(r.status).toBe(200);
  return r.body.balance;
}

/** What a caller can compare between two databases (ids differ). */
const earned = (p: Purchase) => ({ identified: p.identified, points: p.points, pointsHeld: p.pointsHeld, total: p.total, rules: p.rules, tierChange: p.tierChange, availableAt: p.availableAt });

describe('POST /purchases/batch', () => {
  const emails = ['ana@example.com', 'ben@example.com', 'cas@example.com'];
  const members: Member[] = [];
  const baskets = [BASKET, SCARF, PERFUME];
  const purchaseOf = (receiptNumber: string, m: Member, items: unknown[], registerId = '7') => ({ registerId, receiptNumber, member: { cardNumber: m.member.cardNumber }, occurredAt: WEDNESDAY, items });

  beforeAll(async () => {
    for (const email of emails) members.push(await signUp(till, email));
  });

  let first: ApiResponse<PurchaseBatchResponse>;
  it('posts every purchase of a batch, each earning what POST /purchases gives', async () => {
    const body = members.map((m, i) => purchaseOf(`B-${i + 1}`, m, baskets[i]!));
    first = await batch(till, body, 'batch-1');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(first.body.posted).toBe(3);
    expect(first.body.refused).toBe(0);
    expect(first.body.results.map((r) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 201],
      [2, 201],
    ]);

    // The same purchases, one by one, for the same kind of members in another database.
    const soloMembers = [];
    for (const email of emails) soloMembers.push(await signUp(soloTill, email));
    for (let i = 0; i < 3; i++) {
      const single = await soloTill.post<Purchase>('/purchases', purchaseOf(`B-${i + 1}`, soloMembers[i]!, baskets[i]!));
      expect(single.status).toBe(201);
      expect(earned(posted(first, i).purchase)).toEqual(earned(single.body));
    }
    // 1/EUR on 170, own label 2/EUR on 90, beauty 1/EUR on 60, spend-150 bonus (as in pos-api.test.ts).
    expect(posted(first, 0).purchase.points).toBe(560);
    expect(posted(first, 1).purchase.points).toBe(40); // base 1/EUR
    expect(posted(first, 2).purchase.points).toBe(60); // base and beauty 1/EUR each

    for (let i = 0; i < 3; i++) {
      const p = posted(first, i).purchase;
      expect(p).toMatchObject({ identified: 'member', memberId: members[i]!.member.id, versionId: h.program.versionId, total: baskets[i]!.reduce((s, l) => s + l.quantity * l.price, 0) });
      expect(h.db.select().from(purchases).where(eq(purchases.id, p.purchaseId)).get()).toMatchObject({ storeId: 'amsterdam', registerId: '7', receiptNumber: `B-${i + 1}`, memberId: members[i]!.member.id });
      const balance = await balanceOf(till, emails[i]!);
      // Purchase points are pending until availableAt; the welcome points are available.
      expect(p.availableAt).not.toBeNull();
      expect(balance).toEqual({ available: members[i]!.welcomePoints, pending: p.points });
      expect(balance).toEqual(await balanceOf(soloTill, emails[i]!));
    }
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });

  it('replays the original response for the same Idempotency-Key and body, and refuses another body', async () => {
    const before = domainCounts(h.db);
    const body = members.map((m, i) => purchaseOf(`B-${i + 1}`, m, baskets[i]!));
    const replay = await batch(till, body, 'batch-1');
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(domainCounts(h.db)).toEqual(before);

    const other = await batch(till, body.slice(0, 2), 'batch-1');
    expect(other.status).toBe(422);
    expect(problemOf(other).detail).toContain("Idempotency-Key 'batch-1' was already used for a different request");
    expect(domainCounts(h.db)).toEqual(before);
  });

  it('answers 409 for each purchase of a batch re-sent with another Idempotency-Key, naming the existing purchase', async () => {
    const before = domainCounts(h.db);
    const again = await batch(
      till,
      members.map((m, i) => purchaseOf(`B-${i + 1}`, m, baskets[i]!)),
      'batch-1-resent',
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ posted: 0, refused: 3 });
    for (let i = 0; i < 3; i++) {
      const existing = posted(first, i).purchase.purchaseId;
      expect(refused(again, i)).toMatchObject({ index: i, status: 409, problem: { status: 409, title: 'Conflict', purchaseId: existing } });
      expect(refused(again, i).problem.detail).toBe(`Receipt 'B-${i + 1}' of register '7' at store 'amsterdam' was already posted as purchase '${existing}'; fetch that purchase instead of posting it again.`);
    }
    expect(domainCounts(h.db)).toEqual(before);
  });

  it('reports repeated receipts in their place (posted before, or earlier in the same batch) and keeps the others', async () => {
    const [ana, ben, cas] = members as [Member, Member, Member];
    const single = await till.post<Purchase>('/purchases', purchaseOf('C-1', ana, SCARF, 'main'));
    expect(single.status).toBe(201);
    const balances = { ben: await balanceOf(till, 'ben@example.com'), cas: await balanceOf(till, 'cas@example.com') };

    const r = await batch(till, [purchaseOf('C-1', ana, SCARF, 'main'), purchaseOf('C-2', ben, SCARF, 'main'), purchaseOf('C-2', cas, PERFUME, 'main'), purchaseOf('C-3', cas, SCARF, 'main')]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ posted: 2, refused: 2 });
    expect(r.body.results.map((x) => x.status)).toEqual([409, 201, 409, 201]);

    expect(refused(r, 0).problem).toMatchObject({ type: 'https://loyalty.dev/problems/conflict', status: 409, purchaseId: single.body.purchaseId });
    expect(refused(r, 0).problem.detail).toContain(`Receipt 'C-1' of register 'main' at store 'amsterdam' was already posted as purchase '${single.body.purchaseId}'`);
    const c2 = posted(r, 1).purchase;
    expect(c2).toMatchObject({ memberId: ben.member.id, identified: 'member' });
    expect(refused(r, 2)).toMatchObject({ index: 2, status: 409, problem: { status: 409, purchaseId: c2.purchaseId } });
    expect(refused(r, 2).problem.detail).toContain(`was already posted as purchase '${c2.purchaseId}'`);
    const c3 = posted(r, 3).purchase;
    expect(c3).toMatchObject({ memberId: cas.member.id, identified: 'member', total: 40 });

    const stored = h.db.select().from(purchases).where(eq(purchases.registerId, 'main')).all();
    expect(stored.map((p) => [p.receiptNumber, p.memberId]).sort()).toEqual([
      ['C-1', ana.member.id],
      ['C-2', ben.member.id],
      ['C-3', cas.member.id],
    ]);
    // The refused C-2 of cas booked nothing: cas earned the C-3 points only.
    const total = (b: Balance) => b.available + b.pending;
    expect(total(await balanceOf(till, 'ben@example.com'))).toBe(total(balances.ben) + c2.points);
    expect(total(await balanceOf(till, 'cas@example.com'))).toBe(total(balances.cas) + c3.points);
    expect([c2.points, c3.points]).toEqual([40, 40]);
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });

  it('refuses an empty batch and one of 501 purchases with a 400 problem, writing nothing', async () => {
    const before = domainCounts(h.db);
    const empty = await batch(till, []);
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
    expect(empty.body).toMatchObject({
      status: 400,
      detail: 'The body is not valid: purchases: Send at least one purchase; an empty batch posts nothing.',
      errors: [{ path: 'purchases', message: 'Send at least one purchase; an empty batch posts nothing' }],
    });

    const many = Array.from({ length: 501 }, (_, i) => ({ receiptNumber: `M-${i}`, items: SCARF }));
    const tooMany = await batch(till, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
    expect(tooMany.body).toMatchObject({
      status: 400,
      errors: [{ path: 'purchases', message: 'A batch takes at most 500 purchases and this one has 501: split it into batches of up to 500' }],
    });
    expect(problemOf(tooMany).detail).toBe('The body is not valid: purchases: A batch takes at most 500 purchases and this one has 501: split it into batches of up to 500.');

    const invalid = await batch(till, [{ receiptNumber: 'V-1', items: SCARF }, { items: SCARF }]);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ errors: [{ path: 'purchases.1.receiptNumber' }] });
    expect(domainCounts(h.db)).toEqual(before);
  });

  it('accepts exactly 500 purchases', async () => {
    const r = await batch(
      till,
      Array.from({ length: 500 }, (_, i) => ({ registerId: 'web', receiptNumber: `W-${i}`, items: SCARF })),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ posted: 500, refused: 0 });
    expect(r.body.results.map((x) => x.index)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(posted(r, 499).purchase).toMatchObject({ identified: 'none', memberId: null, points: 0 });
    expect(h.db.select().from(purchases).where(eq(purchases.registerId, 'web')).all()).toHaveLength(500);
  });

  it('refuses the whole batch (403) when one purchase names another store, before anything is written', async () => {
    const before = domainCounts(h.db);
    const r = await batch(till, [purchaseOf('S-1', members[0]!, SCARF), { ...purchaseOf('S-2', members[1]!, SCARF), storeId: 'rotterdam' }]);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(problemOf(r).detail).toBe("This API key belongs to store 'amsterdam'; it cannot act for store 'rotterdam'. Use that store's key.");
    expect(domainCounts(h.db)).toEqual(before);
  });

  it('refuses a key without purchases:write (403), writing nothing', async () => {
    const before = domainCounts(h.db);
    const readOnly = h.client(h.key('amsterdam', ALL_SCOPES.filter((s) => s !== 'purchases:write')));
    const r = await batch(readOnly, [purchaseOf('K-1', members[0]!, SCARF)]);
    expect(r.status).toBe(403);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 403, requiredScope: 'purchases:write' });
    expect(domainCounts(h.db)).toEqual(before);
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });

  it('fails the whole batch (500) on an unexpected error, writing nothing but an event-failed per purchase; a retry with the same key runs again', async () => {
    const [ana, ben] = members as [Member, Member];
    const failedBefore = h.db.select().from(outbox).where(eq(outbox.type, 'event-failed')).all().length;
    const before = { purchases: countRows(h.db, 'purchases'), ledger: countRows(h.db, 'ledger_transactions') };
    h.db.$client.exec(`create trigger fail_batch before insert on purchases when new.receipt_number = 'BOOM' begin select raise(abort, 'disk on fire'); end`);
    const body = [purchaseOf('X-1', ana, SCARF), purchaseOf('BOOM', ben, SCARF)];
    const failed = await batch(till, body, 'batch-boom');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toContain('application/problem+json');
    expect({ purchases: countRows(h.db, 'purchases'), ledger: countRows(h.db, 'ledger_transactions') }).toEqual(before);
    const events = h.db.select().from(outbox).where(eq(outbox.type, 'event-failed')).all().slice(failedBefore);
    expect(events.map((e) => [e.memberId, e.payload.route, e.payload.versionId])).toEqual([
      [ana.member.id, 'POST /purchases/batch', h.program.versionId],
      [ben.member.id, 'POST /purchases/batch', h.program.versionId],
    ]);

    h.db.$client.exec('drop trigger fail_batch');
    const retried = await batch(till, body, 'batch-boom');
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body).toMatchObject({ posted: 2, refused: 0 });
    expect(verifyLedger(h.db)).toEqual({ ok: true, problems: [] });
  });
});
