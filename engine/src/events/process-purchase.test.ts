import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox, purchases, ruleAwards } from '../db/schema';
import { getBalance, postEarn, verifyLedger } from '../ledger';
import { loadTransaction } from '../ledger/ledger-store';
import { recordRelease } from '../releases';
import { compileProgram, evaluate } from '../rules';
import { saveVersion } from '../versions/save-version';
import { tempDatabase } from '../testing/temp-db';
import { processPurchase, processPurchases } from './process-purchase';
import { cachedRuntimeCount, runtimeOfVersion } from './program-runtime';
import { DRESS_AND_PERFUME, SHIRTS_AND_SCARF, WEDNESDAY } from './test-baskets';
import { activeTemplateProgram, testMember } from './test-fixtures';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId, versionId, spec } = activeTemplateProgram(db);
let receipt = 0;
const post = (memberId: string | undefined, items = DRESS_AND_PERFUME, extra: { occurredAt?: string; member?: object } = {}) =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', registerId: '1', receiptNumber: `R-${++receipt}`, member: memberId ? { memberId } : undefined, occurredAt: WEDNESDAY, items, ...extra } });

describe('processPurchase', () => {
  it('earns exactly what the version evaluates, and records version, awards and ledger earn', () => {
    const memberId = testMember(db, programId, 'exact');
    const r = post(memberId);
    const expected = evaluate(compileProgram(spec), {
      event: { kind: 'purchase', at: Date.parse(WEDNESDAY), total: 150, itemCount: 2, channel: 'store', storeId: 'ams', isFirstPurchase: true },
      items: DRESS_AND_PERFUME,
      member: { tier: 'member' },
      aggregates: { spend: { '365': 0 }, visits: { '90': 0, '365': 0 } },
    });
    // 150 base + 180 own label + 60 beauty + 150 spend bonus = 540 (Member tier x1)
    expect(expected.points).toBe(540);
    expect(r.points).toBe(540);
    expect(r.rules.map((l) => [l.ruleId, l.points])).toEqual(expected.lines.map((l) => [l.ruleId, l.points]));
    expect(r.versionId).toBe(versionId);
    const row = db.select().from(purchases).where(eq(purchases.id, r.purchaseId)).get();
    expect(row).toMatchObject({ versionId, points: 540, memberId, earnTransactionId: `purchase:${r.purchaseId}`, localDate: '2026-11-18' });
    expect(loadTransaction(db, `purchase:${r.purchaseId}`)?.transaction).toMatchObject({ kind: 'earn', programVersionId: versionId });
    // The awards are kept on the purchase: one per rule, its points split over the basket's lines.
    const awards = row?.awards ?? [];
    expect(awards.reduce((s, a) => s + a.points, 0)).toBe(540);
    expect(awards.map((a) => a.ruleId).sort()).toEqual(expected.lines.filter((l) => l.points > 0).map((l) => l.ruleId).sort());
    expect(awards.every((a) => a.lines !== null && a.lines.reduce((s, l) => s + l.points, 0) === a.points)).toBe(true);
    expect(db.select().from(ruleAwards).where(eq(ruleAwards.sourceId, r.purchaseId)).all()).toEqual([]);
    expect(r.availableAt).toBe('2026-12-18T10:00:00.000Z');
  });

  it('keeps non-member purchases for reporting without points', () => {
    const r = post(undefined, SHIRTS_AND_SCARF, { member: { cardNumber: '4111111111111111' } });
    expect(r).toMatchObject({ identified: 'unknown', memberId: null, points: 0, earnTransactionId: null, versionId });
    expect(post(undefined, SHIRTS_AND_SCARF)).toMatchObject({ identified: 'none', points: 0 });
  });

  it('an earn posted from outside with the id of a purchase earn is a conflict, not a replay of it', () => {
    const memberId = testMember(db, programId, 'earn-id');
    const r = post(memberId);
    const earn = loadTransaction(db, `purchase:${r.purchaseId}`)!.transaction;
    const same = { transactionId: earn.id, programId, memberId, points: r.points, programVersionId: versionId, sourceRef: earn.sourceRef, occurredAt: r.occurredAt, pendingDays: 30 };
    expect(() => postEarn({ ctx: { db }, input: same })).toThrow(`Transaction '${earn.id}' was already booked with different content`);
    expect(getBalance({ ctx: { db }, input: { programId, memberId } }).pending).toBe(r.points);
  });

  it('refuses a receipt posted twice, naming the first purchase', () => {
    const memberId = testMember(db, programId, 'twice');
    const input = { programId, storeId: 'ams', registerId: '2', receiptNumber: 'DUP-1', member: { memberId }, items: SHIRTS_AND_SCARF };
    const first = processPurchase({ ctx: { db }, input });
    expect(() => processPurchase({ ctx: { db }, input })).toThrow(`as purchase '${first.purchaseId}'`);
    expect(db.select().from(purchases).where(eq(purchases.receiptNumber, 'DUP-1')).all()).toHaveLength(1);
  });

  it('caps a rule per member per month from stored awards', () => {
    const memberId = testMember(db, programId, 'capped');
    const coat = [{ ref: '1', sku: 'MA-COAT', brand: 'meridian-atelier', quantity: 1, price: 400 }];
    const first = post(memberId, coat);
    expect(first.rules.find((l) => l.ruleId === 'rule-own-label-bonus')?.points).toBe(800);
    const second = post(memberId, coat);
    expect(second.rules.find((l) => l.ruleId === 'rule-own-label-bonus')?.points).toBe(200);
    expect(post(memberId, coat).rules.find((l) => l.ruleId === 'rule-own-label-bonus')).toBeUndefined();
  });

  it('upgrades the tier at once when spend crosses a threshold, with a tier-changed event', () => {
    const memberId = testMember(db, programId, 'climber');
    const r = post(memberId, [{ ref: '1', sku: 'NC-PARKA', quantity: 1, price: 349 }, { ref: '2', sku: 'LB-BOOTS', quantity: 1, price: 179 }]);
    expect(r.tierChange).toEqual({ from: 'member', to: 'silver' });
    const events = db.select().from(outbox).where(eq(outbox.memberId, memberId)).all().map((e) => [e.type, e.payload.to ?? null]);
    expect(events).toContainEqual(['tier-changed', 'silver']);
    // The next purchase earns with the Silver multiplier.
    expect(post(memberId, [{ ref: '1', sku: 'X', quantity: 1, price: 100 }]).points).toBe(125);
  });

  it('compiles a version once, not per event', () => {
    const memberId = testMember(db, programId, 'cache');
    post(memberId, SHIRTS_AND_SCARF);
    const count = cachedRuntimeCount();
    const runtime = runtimeOfVersion(db, versionId);
    for (let i = 0; i < 5; i++) post(memberId, SHIRTS_AND_SCARF);
    expect(cachedRuntimeCount()).toBe(count);
    expect(runtimeOfVersion(db, versionId)).toBe(runtime);
  });

  it('evaluates canary members with the canary version and records it', () => {
    const memberId = testMember(db, programId, 'canary');
    const other = testMember(db, programId, 'stable');
    const edited = structuredClone(spec);
    edited.earningRules[0]!.effect = { kind: 'per-currency-unit', points: 2, unitAmount: 1 };
    const v2 = saveVersion({ ctx: { db }, input: { programId, spec: edited, author: 'test', note: 'double base' } });
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId, canaryVersionId: v2.id, canaryShare: 0, canaryMembers: [memberId], reason: 'canary' } });
    expect(post(memberId, SHIRTS_AND_SCARF)).toMatchObject({ versionId: v2.id, points: 150 });
    expect(post(other, SHIRTS_AND_SCARF)).toMatchObject({ versionId, points: 75 });
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId, reason: 'back' } });
  });

  it('books a batch as the purchases one by one would, reporting a repeated receipt in its place', () => {
    const [a, b] = [testMember(db, programId, 'batch-a'), testMember(db, programId, 'batch-b')];
    const single = processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', registerId: '3', receiptNumber: 'BATCH-0', member: { memberId: a }, occurredAt: WEDNESDAY, items: DRESS_AND_PERFUME } });
    const purchase = (receiptNumber: string, memberId: string) => ({ programId, storeId: 'ams', registerId: '3', receiptNumber, member: { memberId }, occurredAt: WEDNESDAY, items: DRESS_AND_PERFUME });
    const outcomes = processPurchases({ ctx: { db }, input: [purchase('BATCH-1', b), purchase('BATCH-0', b), purchase('BATCH-2', b), purchase('BATCH-2', a)] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    const [first, repeated, third, again] = outcomes.map((o) => (o.ok ? o.value : o.error));
    // The same basket on a member's first purchase earns what the single call earned.
    expect(first).toMatchObject({ memberId: b, points: single.points });
    expect(third).toMatchObject({ memberId: b, points: expect.any(Number) });
    expect((third as { points: number }).points).toBeGreaterThan(0);
    expect((repeated as Error).message).toContain(`as purchase '${single.purchaseId}'`);
    expect((again as Error).message).toContain(`as purchase '${(third as { purchaseId: string }).purchaseId}'`);
    const stored = db.select().from(purchases).where(eq(purchases.registerId, '3')).all();
    expect(stored.map((p) => [p.receiptNumber, p.memberId]).sort()).toEqual([['BATCH-0', a], ['BATCH-1', b], ['BATCH-2', b]]);
    expect(verifyLedger(db).ok).toBe(true);
  });

  it('reports a purchase of a batch that does not parse in its place and books the others', () => {
    const memberId = testMember(db, programId, 'batch-parse');
    const purchase = (receiptNumber: string, items = DRESS_AND_PERFUME) => ({ programId, storeId: 'ams', registerId: '4', receiptNumber, member: { memberId }, occurredAt: WEDNESDAY, items });
    const outcomes = processPurchases({ ctx: { db }, input: [purchase('P-1'), purchase('P-2', []), purchase('P-3')] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const refused = outcomes[1]!;
    expect(refused.ok ? undefined : refused.error.message).toContain('a purchase needs at least one line');
    expect(db.select().from(purchases).where(eq(purchases.registerId, '4')).all().map((p) => p.receiptNumber).sort()).toEqual(['P-1', 'P-3']);
  });

  it('leaves the ledger consistent', () => {
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
