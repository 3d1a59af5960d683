import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/schema';
import { DRESS_AND_PERFUME } from '../src/events/test-baskets';
import { testMember } from '../src/events/test-fixtures';
import { versionFigures } from '../src/rollouts';
import { apiHarness, countRows } from './api-harness';

// The retail-tiers template's rules: more than 8 purchases in 60 minutes (hold-points), a purchase above 3,000 (flag).
const h = apiHarness();
afterAll(h.cleanup);
const till = h.client(h.key('amsterdam'));
const { programId, versionId } = h.program;
const since = '2026-01-01T00:00:00.000Z';
const at = (min: number) => new Date(Date.parse('2026-11-18T10:00:00Z') + min * 60_000).toISOString();
let receipt = 0;
const purchase = (memberId: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  till.post<{ purchaseId: string; points: number }>('/purchases', { receiptNumber: `F-${++receipt}`, member: { memberId }, occurredAt, items: DRESS_AND_PERFUME, ...extra });
const ofType = (type: string) => h.db.select().from(outbox).where(eq(outbox.type, type)).all();

describe('fraud screening over HTTP', () => {
  it('a burst of purchases trips velocity, an oversized one trips amount, and the guardrail figures count them', async () => {
    const memberId = testMember(h.db, programId, 'burst');
    for (let i = 0; i < 9; i++) expect((await purchase(memberId, at(i))).status).toBe(201);
    const big = await purchase(memberId, at(20), { total: 5000 });
    expect(big.status).toBe(201);
    const flags = ofType('fraud-flagged').map((e) => e.payload);
    expect(flags).toEqual([
      expect.objectContaining({ ruleId: 'fraud-velocity', action: 'hold-points', reason: '9 purchases within 60 minutes (limit 8)', versionId }),
      expect.objectContaining({ ruleId: 'fraud-velocity', reason: '10 purchases within 60 minutes (limit 8)', versionId, eventRef: `purchase:${big.body.purchaseId}` }),
      expect.objectContaining({ ruleId: 'fraud-large-purchase', action: 'flag', reason: 'Purchase of 5000 is above the limit of 3000', versionId, eventRef: `purchase:${big.body.purchaseId}` }),
    ]);
    const figures = versionFigures(h.db, versionId, since);
    expect(figures.fraudFlags).toBe(3);
    expect(figures.purchases).toBe(10);
    expect(figures.fraudFlagsPer1000).toBeCloseTo(3000 / 11); // events: 10 purchases + the member's sign-up event
  });

  it('a purchase failing unexpectedly answers 500, writes nothing but event-failed, and counts as an error', async () => {
    const memberId = testMember(h.db, programId, 'failing');
    h.db.$client.exec(`create trigger fail_purchase before insert on purchases when new.receipt_number = 'BOOM' begin select raise(abort, 'disk on fire'); end`);
    const before = countRows(h.db, 'purchases');
    const res = await till.post('/purchases', { receiptNumber: 'BOOM', member: { memberId }, occurredAt: at(100), items: DRESS_AND_PERFUME });
    expect(res.status).toBe(500);
    expect(countRows(h.db, 'purchases')).toBe(before);
    const failed = ofType('event-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ programId, memberId, payload: { versionId, route: 'POST /purchases', memberId } });
    expect(JSON.stringify(failed[0]!.payload)).not.toContain('@');
    expect(versionFigures(h.db, versionId, since).errors).toBe(1);
  });

  it('a failing return names the member of the purchase; client errors (4xx) write nothing', async () => {
    const memberId = testMember(h.db, programId, 'returner');
    const p = await purchase(memberId, at(200));
    h.db.$client.exec(`create trigger fail_return before insert on purchase_returns when new.return_ref = 'BOOM' begin select raise(abort, 'disk on fire'); end`);
    expect((await till.post('/returns', { returnRef: 'BOOM', purchaseId: p.body.purchaseId, occurredAt: at(201) })).status).toBe(500);
    expect(ofType('event-failed').at(-1)).toMatchObject({ memberId, payload: { versionId, route: 'POST /returns' } });
    const count = ofType('event-failed').length;
    expect((await till.post('/returns', { returnRef: 'RT-x', purchaseId: 'nope', occurredAt: at(201) })).status).toBe(404);
    expect(ofType('event-failed')).toHaveLength(count);
  });
});
