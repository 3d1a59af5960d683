import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { purchaseReturns } from '../db/schema';
import { adjustPoints, getBalance, redeemPoints, releasePending, verifyLedger } from '../ledger';
import { tempDatabase } from '../testing/temp-db';
import { processPurchase } from './process-purchase';
import { processReturn } from './process-return';
import { SHIRTS_AND_SCARF, WEDNESDAY } from './test-baskets';
import { activeTemplateProgram, testMember } from './test-fixtures';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId } = activeTemplateProgram(db);
let n = 0;
const buy = (memberId: string, items = SHIRTS_AND_SCARF, occurredAt = WEDNESDAY) =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: `R-${++n}`, member: { memberId }, occurredAt, items } });
const giveBack = (purchaseId: string, lines?: { ref: string; quantity: number }[], storeId = 'ams') =>
  processReturn({ ctx: { db }, input: { programId, storeId, returnRef: `RT-${++n}`, purchaseId, lines } });
const pending = (memberId: string) => getBalance({ ctx: { db }, input: { programId, memberId } }).pending;

describe('processReturn', () => {
  it('reverses proportionally for part of a line, exactly what the line earned in the end', () => {
    const memberId = testMember(db, programId, 'partial');
    const p = buy(memberId); // shirts 3 x 20 = 60 points, scarf 15 points
    expect(p.points).toBe(75);
    const first = giveBack(p.purchaseId, [{ ref: 'a', quantity: 1 }]);
    expect(first).toMatchObject({ points: 20, amount: 20, recovered: 20, writtenOff: 0, lines: [{ ref: 'a', quantity: 1, points: 20 }] });
    expect(pending(memberId)).toBe(55);
    expect(giveBack(p.purchaseId, [{ ref: 'a', quantity: 2 }]).points).toBe(40);
    expect(giveBack(p.purchaseId).points).toBe(15); // the rest: the scarf
    expect(pending(memberId)).toBe(0);
  });

  it('refuses to return units twice, saying how many are left', () => {
    const memberId = testMember(db, programId, 'twice');
    const p = buy(memberId);
    giveBack(p.purchaseId, [{ ref: 'a', quantity: 2 }]);
    expect(() => giveBack(p.purchaseId, [{ ref: 'a', quantity: 2 }])).toThrow(/had 3 unit\(s\); 2 were already returned, so at most 1 can be returned, not 2/);
    giveBack(p.purchaseId);
    expect(() => giveBack(p.purchaseId)).toThrow(/already returned in full/);
    expect(() => giveBack(p.purchaseId, [{ ref: 'zz', quantity: 1 }])).toThrow(/has no line 'zz'; its lines are 'a', 'b'/);
    expect(db.select().from(purchaseReturns).where(eq(purchaseReturns.purchaseId, p.purchaseId)).all()).toHaveLength(2);
  });

  it('only the store of the purchase can take the return', () => {
    const memberId = testMember(db, programId, 'otherstore');
    const p = buy(memberId);
    expect(() => giveBack(p.purchaseId, undefined, 'rotterdam')).toThrow(`There is no purchase '${p.purchaseId}' at store 'rotterdam'.`);
  });

  it('writes off points the member already spent, never going below zero', () => {
    const memberId = testMember(db, programId, 'spender');
    const p = buy(memberId, SHIRTS_AND_SCARF, '2026-09-02T10:00:00Z');
    releasePending({ ctx: { db }, input: { memberId } });
    adjustPoints({ ctx: { db }, input: { transactionId: `gift-${memberId}`, programId, memberId, points: 300, reason: 'test balance', actor: 'test' } });
    redeemPoints({ ctx: { db }, input: { transactionId: `spend-${memberId}`, programId, memberId, points: 450 } });
    const r = giveBack(p.purchaseId);
    expect(r.points).toBe(75);
    expect(r.recovered + r.writtenOff).toBe(75);
    expect(getBalance({ ctx: { db }, input: { programId, memberId } }).available).toBeGreaterThanOrEqual(0);
  });

  it('reverses a purchase booked before migration 0026 from its award rows', () => {
    const memberId = testMember(db, programId, 'before-0026');
    const p = buy(memberId);
    // As such a purchase was stored: no awards on the row, a rule_awards row per rule.
    const sql = db.$client;
    const trigger = sql.prepare("select sql from sqlite_master where name = 'purchases_no_update'").pluck().get() as string;
    sql.exec('drop trigger purchases_no_update');
    sql
      .prepare(
        `insert into rule_awards (program_id, member_id, version_id, source_kind, source_id, purchase_id, rule_id, points, lines, day, week, month, occurred_at)
         select p.program_id, p.member_id, p.version_id, 'purchase', p.id, p.id, a.value ->> 'ruleId', a.value ->> 'points', a.value -> 'lines',
           p.local_date, strftime('%G-W%V', p.local_date), substr(p.local_date, 1, 7), p.occurred_at
         from purchases p, json_each(p.awards) a where p.id = ?`,
      )
      .run(p.purchaseId);
    sql.prepare('update purchases set awards = null where id = ?').run(p.purchaseId);
    sql.exec(trigger);
    expect(giveBack(p.purchaseId, [{ ref: 'a', quantity: 1 }]).points).toBe(20);
    expect(giveBack(p.purchaseId).points).toBe(55);
    expect(pending(memberId)).toBe(0);
  });

  it('leaves the ledger consistent', () => {
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
