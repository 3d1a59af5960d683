import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../db';
import { members, purchaseReturns, ruleAwards, ruleMemberTotals } from '../db/schema';
import { getBalance, redeemPoints, releasePending, verifyLedger } from '../ledger';
import { loadTransaction } from '../ledger/ledger-store';
import { historyMembers, memberById, mergeMembers } from '../members';
import { tempDatabase } from '../testing/temp-db';
import { eventFacts } from './event-facts';
import { getMemberStatus } from './get-member-status';
import type { PurchaseLine } from './inputs';
import { processCustomEvent } from './process-custom-event';
import { processPurchase } from './process-purchase';
import { processReturn } from './process-return';
import { runtimeFor } from './program-runtime';
import { activeTemplateProgram, migrationStatements, testMember } from './test-fixtures';

// retail-tiers: own label 2 extra points per euro, at most 1,000 per month; profile completed 50
// points once per member; first online purchase 250 points once; Silver from 500 EUR in 12 months.
const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId } = activeTemplateProgram(db);
const COAT: PurchaseLine[] = [{ ref: '1', sku: 'MA-COAT', brand: 'meridian-atelier', quantity: 1, price: 400 }];
const TEE: PurchaseLine[] = [{ ref: '1', sku: 'NC-TEE', category: 'menswear', quantity: 1, price: 100 }];
let n = 0;
const buy = (memberId: string, items: PurchaseLine[], occurredAt: string, channel: 'store' | 'online' = 'store') =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', receiptNumber: `R-${++n}`, member: { memberId }, occurredAt, channel, items } });
const event = (memberId: string, kind: 'profile-completed', occurredAt: string) =>
  processCustomEvent({ ctx: { db }, input: { programId, member: { memberId }, kind, eventRef: `E-${++n}`, occurredAt } });
const merge = (sourceMemberId: string, targetMemberId: string, at = '2026-11-10T12:00:00Z') =>
  mergeMembers({ ctx: { db }, input: { programId, sourceMemberId, targetMemberId, actor: 'support', at } });
const pointsOf = (r: { rules: { ruleId: string; points: number }[] }, ruleId: string) => r.rules.find((l) => l.ruleId === ruleId)?.points ?? 0;
const row = (id: string) => memberById(db, id)!;

describe('a merged member keeps counting for the member it was merged into', () => {
  it('a once-per-member rule the duplicate earned is not earned again', () => {
    const dup = testMember(db, programId, 'once-dup');
    const ana = testMember(db, programId, 'once-ana');
    expect(event(dup, 'profile-completed', '2026-11-02T10:00:00Z').points).toBe(50);
    merge(dup, ana);
    expect(event(ana, 'profile-completed', '2026-11-12T10:00:00Z').points).toBe(0);
    // The duplicate's card or id leads to the target, which has used the rule up too.
    expect(event(dup, 'profile-completed', '2026-11-13T10:00:00Z')).toMatchObject({ memberId: ana, points: 0 });
  });

  it('the first online purchase bonus is not earned twice: the duplicate already bought', () => {
    const dup = testMember(db, programId, 'first-dup');
    const ana = testMember(db, programId, 'first-ana');
    expect(pointsOf(buy(dup, TEE, '2026-11-02T10:00:00Z', 'online'), 'rule-first-online-order')).toBe(250);
    const isFirstPurchase = () => eventFacts(db, runtimeFor(db, programId, ana), row(ana), { kind: 'purchase', at: Date.now(), channel: 'online' }).event.isFirstPurchase;
    expect(isFirstPurchase()).toBe(true);
    merge(dup, ana);
    expect(isFirstPurchase()).toBe(false);
    expect(pointsOf(buy(ana, TEE, '2026-11-12T10:00:00Z', 'online'), 'rule-first-online-order')).toBe(0);
  });

  it('a per-month cap counts what the duplicate earned in the month', () => {
    const dup = testMember(db, programId, 'month-dup');
    const ana = testMember(db, programId, 'month-ana');
    expect(pointsOf(buy(dup, COAT, '2026-11-03T10:00:00Z'), 'rule-own-label-bonus')).toBe(800);
    merge(dup, ana);
    expect(pointsOf(buy(ana, COAT, '2026-11-12T10:00:00Z'), 'rule-own-label-bonus')).toBe(200);
    expect(pointsOf(buy(ana, COAT, '2026-11-13T10:00:00Z'), 'rule-own-label-bonus')).toBe(0);
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });

  it('tier qualification counts both members’ spend', () => {
    const dup = testMember(db, programId, 'tier-dup');
    const ana = testMember(db, programId, 'tier-ana');
    expect(buy(dup, [{ ref: '1', sku: 'NC-PARKA', category: 'outerwear', quantity: 1, price: 349 }], '2026-11-02T10:00:00Z').tierChange).toBeNull();
    expect(buy(ana, TEE, '2026-11-03T10:00:00Z').tierChange).toBeNull();
    merge(dup, ana);
    expect(getMemberStatus({ ctx: { db }, input: { programId, memberId: ana, asOf: '2026-11-11T12:00:00Z' } }).tier).toMatchObject({ value: 449, remaining: 51 });
    expect(buy(ana, TEE, '2026-11-12T10:00:00Z').tierChange).toEqual({ from: 'member', to: 'silver' });
  });

  it('a chain of two merges counts all three members', () => {
    const a = testMember(db, programId, 'chain-a');
    const b = testMember(db, programId, 'chain-b');
    const c = testMember(db, programId, 'chain-c');
    expect(pointsOf(buy(a, COAT, '2026-11-02T10:00:00Z'), 'rule-own-label-bonus')).toBe(800);
    expect(event(a, 'profile-completed', '2026-11-02T11:00:00Z').points).toBe(50);
    merge(a, b, '2026-11-04T12:00:00Z');
    expect(pointsOf(buy(b, [{ ...COAT[0]!, price: 50 }], '2026-11-05T10:00:00Z'), 'rule-own-label-bonus')).toBe(100);
    merge(b, c, '2026-11-06T12:00:00Z');
    expect(row(a)).toMatchObject({ mergedInto: c, mergedMembers: 0 });
    expect(row(b)).toMatchObject({ mergedInto: c, mergedMembers: 0 });
    expect(row(c).mergedMembers).toBe(2);
    expect(JSON.parse(historyMembers(db, row(c)).arg)).toEqual(expect.arrayContaining([a, b, c]));
    expect(pointsOf(buy(c, COAT, '2026-11-12T10:00:00Z'), 'rule-own-label-bonus')).toBe(100);
    expect(event(c, 'profile-completed', '2026-11-12T11:00:00Z').points).toBe(0);
    // The totals live on the last member only: nothing is counted twice.
    const totals = db.select().from(ruleMemberTotals).where(inArray(ruleMemberTotals.memberId, [a, b, c])).all();
    expect(totals.every((t) => t.memberId === c)).toBe(true);
    expect(totals.find((t) => t.ruleId === 'rule-own-label-bonus')).toMatchObject({ points: 1000, times: 3 });
  });

  it('a return of the duplicate’s purchase made before the merge takes the points back from the target and frees its cap room', () => {
    const dup = testMember(db, programId, 'return-dup');
    const ana = testMember(db, programId, 'return-ana');
    const old = buy(dup, COAT, '2026-11-03T10:00:00Z');
    expect(pointsOf(old, 'rule-own-label-bonus')).toBe(800);
    merge(dup, ana);
    expect(pointsOf(buy(ana, COAT, '2026-11-12T10:00:00Z'), 'rule-own-label-bonus')).toBe(200);
    const pendingBefore = getBalance({ ctx: { db }, input: { programId, memberId: ana } }).pending;
    const r = processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: `RT-${++n}`, purchaseId: old.purchaseId, occurredAt: '2026-11-14T10:00:00Z' } });
    expect(r).toMatchObject({ memberId: ana, points: old.points, recovered: old.points, writtenOff: 0 });
    expect(getBalance({ ctx: { db }, input: { programId, memberId: ana } }).pending).toBe(pendingBefore - old.points);
    expect(db.select().from(purchaseReturns).where(eq(purchaseReturns.id, r.returnId)).get()?.memberId).toBe(ana);
    const taken = db.select().from(ruleAwards).where(eq(ruleAwards.sourceId, r.returnId)).all();
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.every((a) => a.memberId === ana && a.points < 0 && a.month === '2026-11')).toBe(true);
    // 800 of the month's 1,000 came back with the return.
    expect(pointsOf(buy(ana, COAT, '2026-11-15T10:00:00Z'), 'rule-own-label-bonus')).toBe(800);
    expect(db.select().from(ruleMemberTotals).where(eq(ruleMemberTotals.memberId, ana)).all().find((t) => t.ruleId === 'rule-own-label-bonus')).toMatchObject({ points: 1000 });
    // Spend is net of the return: 3 coats bought, 1 returned.
    expect(getMemberStatus({ ctx: { db }, input: { programId, memberId: ana, asOf: '2026-11-16T12:00:00Z' } }).tier?.value).toBe(800);
  });

  it('a return of a purchase whose points the duplicate spent before the merge corrects the target’s lifetime points', () => {
    const dup = testMember(db, programId, 'spent-dup');
    const ana = testMember(db, programId, 'spent-ana');
    const old = buy(dup, TEE, '2026-09-01T10:00:00Z');
    releasePending({ ctx: { db }, input: { memberId: dup, asOf: '2026-11-01T00:00:00Z' } });
    const available = getBalance({ ctx: { db }, input: { programId, memberId: dup } }).available;
    redeemPoints({ ctx: { db }, input: { transactionId: `spend-${dup}`, programId, memberId: dup, points: available } });
    merge(dup, ana);
    const lifetimeBefore = getBalance({ ctx: { db }, input: { programId, memberId: ana } }).lifetimeEarned;
    const r = processReturn({ ctx: { db }, input: { programId, storeId: 'ams', returnRef: `RT-${++n}`, purchaseId: old.purchaseId, occurredAt: '2026-11-14T10:00:00Z' } });
    expect(r).toMatchObject({ memberId: ana, points: old.points, recovered: 0, writtenOff: old.points });
    expect(loadTransaction(db, `return:${r.returnId}`)?.transaction.memberId).toBe(ana);
    expect(getBalance({ ctx: { db }, input: { programId, memberId: ana } }).lifetimeEarned).toBe(lifetimeBefore - old.points);
    expect(getBalance({ ctx: { db }, input: { programId, memberId: dup } })).toMatchObject({ available: 0, pending: 0, lifetimeEarned: 0 });
  });

  it('the migration folds merges made before it into the member they were merged into', () => {
    const dup = testMember(db, programId, 'backfill-dup');
    const ana = testMember(db, programId, 'backfill-ana');
    event(dup, 'profile-completed', '2026-11-02T10:00:00Z');
    buy(dup, COAT, '2026-11-02T11:00:00Z');
    buy(ana, COAT, '2026-11-03T10:00:00Z');
    merge(dup, ana);
    const folded = db.select().from(ruleMemberTotals).where(eq(ruleMemberTotals.memberId, ana)).all();
    // As in a database of the time: purchases kept their awards as rule_awards rows (until 0026).
    db.$client
      .prepare(
        `insert into rule_awards (program_id, member_id, version_id, source_kind, source_id, purchase_id, rule_id, points, lines, day, week, month, occurred_at)
         select p.program_id, p.member_id, p.version_id, 'purchase', p.id, p.id, a.value ->> 'ruleId', a.value ->> 'points', a.value -> 'lines',
           p.local_date, strftime('%G-W%V', p.local_date), substr(p.local_date, 1, 7), p.occurred_at
         from purchases p, json_each(p.awards) a where p.member_id in (?, ?)`,
      )
      .run(dup, ana);
    // As before the migration: totals per member from its own awards, no merge counts.
    db.$client.prepare('delete from rule_member_totals where member_id in (?, ?)').run(dup, ana);
    db.$client
      .prepare(
        `insert into rule_member_totals (member_id, rule_id, points, times)
         select member_id, rule_id, sum(points), count(distinct case when source_kind <> 'return' and points > 0 then source_id end)
         from rule_awards where member_id in (?, ?) group by member_id, rule_id`,
      )
      .run(dup, ana);
    db.update(members).set({ mergedMembers: 0 }).where(eq(members.id, ana)).run();
    const backfill = fs.readFileSync(path.join(MIGRATIONS_DIR, '0018_merged_member_history.sql'), 'utf8').split('--> statement-breakpoint').slice(1);
    for (const statement of backfill) db.$client.exec(statement);
    for (const statement of migrationStatements('0025_rule_period_totals.sql', 'UPDATE')) db.$client.exec(statement);
    expect(row(ana).mergedMembers).toBe(1);
    expect(db.select().from(ruleMemberTotals).where(eq(ruleMemberTotals.memberId, dup)).all()).toEqual([]);
    expect(db.select().from(ruleMemberTotals).where(eq(ruleMemberTotals.memberId, ana)).all()).toEqual(expect.arrayContaining(folded));
    expect(db.select().from(ruleMemberTotals).where(eq(ruleMemberTotals.memberId, ana)).all()).toHaveLength(folded.length);
  });

  it('leaves the ledger consistent', () => {
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
