import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { members, memberTierHistory, memberTierReviews, outbox, rewardRedemptions, rewardStock } from '../db/schema';
import { activeTemplateProgram, testMember } from '../events/test-fixtures';
import { processPurchase } from '../events/process-purchase';
import { reserveReward } from '../events/reserve-reward';
import { adjustPoints, getBalance, verifyLedger } from '../ledger';
import { changeTier } from '../members';
import { recordRelease } from '../releases';
import type { ProgramSpec } from '../spec';
import { tempDatabase } from '../testing/temp-db';
import { saveVersion } from '../versions/save-version';
import { announcementDays, DEFAULT_ANNOUNCEMENT_DAYS } from './announce-expiring';
import { runProgramHousekeeping } from './run-program-housekeeping';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);

// A batch size of 2 makes every step go through several batches and pages.
const run = async (programId: string, asOf: string) => (await runProgramHousekeeping({ ctx: { db }, input: { programId, asOf, batchSize: 2 } })).programs[0]!;
const balance = (programId: string, memberId: string) => getBalance({ ctx: { db }, input: { programId, memberId } });
const tierOf = (memberId: string) => db.select({ t: members.currentTierId }).from(members).where(eq(members.id, memberId)).get()?.t;
const events = (memberId: string, type: string) => db.select().from(outbox).where(and(eq(outbox.memberId, memberId), eq(outbox.type, type))).all();
let receipt = 0;
const purchase = (programId: string, memberId: string, occurredAt: string, price: number) =>
  processPurchase({ ctx: { db }, input: { programId, storeId: 'ams', registerId: '1', receiptNumber: `HK-${++receipt}`, member: { memberId }, occurredAt, items: [{ ref: '1', sku: 'NC-SHIRT', category: 'menswear', quantity: 1, price }] } });
const member = (programId: string, name: string, joinedAt: string) => testMember(db, programId, `${name}-${programId.slice(0, 8)}`, { joinedAt });
const lifecycle = (pendingDays: number, expiry: ProgramSpec['pointsLifecycle']['expiry']) => (s: ProgramSpec): ProgramSpec => ({ ...s, pointsLifecycle: { ...s.pointsLifecycle, pendingDays, expiry } });
const retention = (r: Partial<ProgramSpec['tierPolicy']['retention']>, extra: Partial<ProgramSpec['tierPolicy']> = {}) => (s: ProgramSpec): ProgramSpec => ({
  ...s,
  tierPolicy: { ...s.tierPolicy, ...extra, retention: { ...s.tierPolicy.retention, ...r } },
});

/** Everything the run could write, to prove a second run for the same time writes nothing. */
function snapshot() {
  const count = (table: string) => db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))?.n;
  return {
    counts: ['ledger_transactions', 'ledger_postings', 'outbox', 'member_tier_history', 'program_releases'].map(count),
    lots: db.all(sql`select id, status, remaining from ledger_lots order by id`),
    balances: db.all(sql`select * from ledger_balances order by member_id`),
    tiers: db.all(sql`select id, current_tier_id, tier_since from members order by id`),
    reviews: db.select().from(memberTierReviews).orderBy(memberTierReviews.memberId).all(),
    redemptions: db.all(sql`select id, status from reward_redemptions order by id`),
    stock: db.all(sql`select * from reward_stock order by program_id, reward_id`),
  };
}

/** Runs again for the same time and checks that nothing changed. */
async function expectRerunWritesNothing(programId: string, asOf: string) {
  const before = snapshot();
  const report = await run(programId, asOf);
  expect(snapshot()).toEqual(before);
  expect(report).toMatchObject({ pendingReleased: { lots: 0 }, holdsLapsed: { holds: 0 }, expired: { points: 0 }, tiers: { reviewed: 0, downgraded: 0, upgraded: 0 } });
}

describe('runProgramHousekeeping: points', () => {
  it('releases pending points once the pending period is over', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', lifecycle(30, { kind: 'none' }));
    const memberId = member(programId, 'pending', '2026-01-05T09:00:00Z');
    const p = purchase(programId, memberId, '2026-01-06T10:00:00Z', 40);
    expect(p.availableAt).toBe('2026-02-05T10:00:00.000Z');
    const before = balance(programId, memberId);
    expect(before.pending).toBe(p.points);

    expect((await run(programId, '2026-02-05T09:59:59Z')).pendingReleased).toEqual({ members: 0, lots: 0, points: 0 });
    const r = await run(programId, '2026-02-05T10:00:00Z');
    expect(r.pendingReleased).toEqual({ members: 1, lots: 1, points: p.points });
    expect(balance(programId, memberId)).toMatchObject({ pending: 0, available: before.available + p.points });
    expect(events(memberId, 'points-released')).toHaveLength(1);
    await expectRerunWritesNothing(programId, '2026-02-05T10:00:00Z');
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });

  it('announces points expiring within the window, then expires them by policy', async () => {
    const { programId, spec } = activeTemplateProgram(db, 'retail-tiers', lifecycle(0, { kind: 'rolling', months: 2 }));
    expect(announcementDays(spec)).toBe(30); // the template's expiry reminder journey, 30 days before
    const memberId = member(programId, 'expiry', '2026-01-05T09:00:00Z'); // welcome points expire 2026-03-05
    const welcome = balance(programId, memberId).available;
    const p = purchase(programId, memberId, '2026-02-10T10:00:00Z', 40); // expires 2026-04-10

    const early = await run(programId, '2026-02-02T00:00:00Z');
    expect(early.announced).toEqual({ events: 0, withinDays: 30 });
    const announce = await run(programId, '2026-02-20T00:00:00Z');
    expect(announce.announced).toEqual({ events: 1, withinDays: 30 });
    expect(events(memberId, 'points-expiring').map((e) => e.payload)).toEqual([{ points: welcome, expiresAt: '2026-03-05T09:00:00.000Z' }]);
    await expectRerunWritesNothing(programId, '2026-02-20T00:00:00Z');

    const expire = await run(programId, '2026-03-05T09:00:00Z');
    expect(expire.expired).toEqual({ members: 1, points: welcome });
    expect(balance(programId, memberId)).toMatchObject({ available: p.points });
    expect(events(memberId, 'points-expired').map((e) => e.payload)).toEqual([{ points: welcome, asOf: '2026-03-05T09:00:00.000Z', policy: 'rolling' }]);
    await expectRerunWritesNothing(programId, '2026-03-05T09:00:00Z');
    // A later run has nothing more to expire until the next lot's date.
    expect((await run(programId, '2026-04-10T08:00:00Z')).expired).toEqual({ members: 0, points: 0 });
    expect((await run(programId, '2026-04-10T10:00:00Z')).expired).toEqual({ members: 1, points: p.points });
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });

  it('uses the policy of the version that runs for each member (canary)', async () => {
    const { programId, versionId, spec } = activeTemplateProgram(db, 'retail-tiers', lifecycle(0, { kind: 'none' }));
    const canary = member(programId, 'canary', '2024-01-01T09:00:00Z');
    const main = member(programId, 'main', '2024-01-01T09:00:00Z');
    const v2 = saveVersion({ ctx: { db }, input: { programId, spec: lifecycle(0, { kind: 'inactivity', months: 12 })(spec), author: 'test', note: 'inactivity' } });
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId, canaryVersionId: v2.id, canaryMembers: [canary], reason: 'canary' } });
    const welcome = balance(programId, canary).available;
    expect(welcome).toBeGreaterThan(0);

    const r = await run(programId, '2025-06-01T00:00:00Z');
    expect(r.expired).toEqual({ members: 1, points: welcome });
    expect(balance(programId, canary).available).toBe(0);
    expect(balance(programId, main).available).toBe(welcome);
    await expectRerunWritesNothing(programId, '2025-06-01T00:00:00Z');
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });

  it('gives back points and stock of a till reservation whose hold lapsed', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, rewards: s.rewards.map((r) => (r.id === 'reward-tote-bag' ? { ...r, stock: 1 } : r)) }));
    const memberId = member(programId, 'till', '2026-01-05T09:00:00Z');
    adjustPoints({ ctx: { db }, input: { transactionId: `grant-${memberId}`, programId, memberId, points: 1000, reason: 'test balance', actor: 'test' } });
    const before = balance(programId, memberId).available;
    const held = reserveReward({ ctx: { db }, input: { programId, memberId, rewardId: 'reward-tote-bag', storeId: 'ams', occurredAt: new Date(Date.now() - 20 * 60_000).toISOString() } });
    const stock = () => db.select().from(rewardStock).where(and(eq(rewardStock.programId, programId), eq(rewardStock.rewardId, 'reward-tote-bag'))).get()?.remaining;
    expect(stock()).toBe(0);
    expect(balance(programId, memberId).available).toBe(before - held.points);

    const asOf = new Date().toISOString();
    const r = await run(programId, asOf);
    expect(r.holdsLapsed).toEqual({ holds: 1, points: held.points, redemptions: 1, pointsPayments: 0 });
    expect(stock()).toBe(1);
    expect(balance(programId, memberId)).toMatchObject({ available: before, reserved: 0 });
    expect(db.select().from(rewardRedemptions).where(eq(rewardRedemptions.id, held.id)).get()?.status).toBe('lapsed');
    await expectRerunWritesNothing(programId, asOf);
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });

  it('announces with the default window when no journey asks for one', () => {
    const { spec } = activeTemplateProgram(db, 'retail-tiers', (s) => ({ ...s, journeys: s.journeys.filter((j) => j.id !== 'journey-points-expiry') }));
    expect(announcementDays(spec)).toBe(DEFAULT_ANNOUNCEMENT_DAYS);
  });
});

describe('runProgramHousekeeping: tier re-checks', () => {
  // retail-tiers: spend over a rolling 12 months; member 0, silver 500, gold 1500; re-check at
  // window end (12 months after the member got their tier), one tier down, 30 grace days.
  const goldMember = (programId: string, name: string) => {
    const memberId = member(programId, name, '2025-01-10T09:00:00Z');
    changeTier({ ctx: { db }, input: { programId, memberId, toTierId: 'gold', reason: 'test', at: '2025-01-10T09:00:00Z' } });
    return memberId;
  };

  it('downgrades one tier after the re-check date plus the grace days, once', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers');
    const memberId = goldMember(programId, 'lapsing');
    const kept = goldMember(programId, 'kept');
    purchase(programId, kept, '2025-06-01T10:00:00Z', 1600);

    // The re-check of 2026-01-10 happens once that (Amsterdam) day is over.
    expect((await run(programId, '2026-01-10T12:00:00Z')).tiers.reviewed).toBe(0);
    const review = await run(programId, '2026-01-11T12:00:00Z');
    expect(review.tiers).toEqual({ reviewed: 2, upgraded: 0, downgraded: 0, scheduled: 1, unchanged: 1, cancelled: 0 });
    expect(tierOf(memberId)).toBe('gold');
    expect(db.select().from(memberTierReviews).where(eq(memberTierReviews.memberId, memberId)).get()).toMatchObject({
      lastReviewDate: '2026-01-10',
      lastChange: 'down',
      pendingFromTierId: 'gold',
      pendingToTierId: 'silver',
      pendingEffectiveOn: '2026-02-09',
    });
    await expectRerunWritesNothing(programId, '2026-01-11T12:00:00Z');

    expect((await run(programId, '2026-02-08T12:00:00Z')).tiers.downgraded).toBe(0);
    const due = await run(programId, '2026-02-09T12:00:00Z');
    expect(due.tiers).toMatchObject({ downgraded: 1, reviewed: 0 });
    expect(tierOf(memberId)).toBe('silver');
    expect(tierOf(kept)).toBe('gold');
    const history = db.select().from(memberTierHistory).where(eq(memberTierHistory.memberId, memberId)).all().at(-1);
    expect(history).toMatchObject({ fromTierId: 'gold', toTierId: 'silver', at: '2026-02-09T12:00:00.000Z' });
    expect(history?.reason).toBe('Tier re-check of 2026-01-10: 0.00 EUR spent in the qualification window; Gold needs 1500 (after 30 grace days).');
    expect(events(memberId, 'tier-changed').map((e) => e.payload.to)).toEqual(['member', 'gold', 'silver']);
    await expectRerunWritesNothing(programId, '2026-02-09T12:00:00Z');
    // Next re-checks: 'kept' 24 months after getting Gold (2027-01-10; no spend since, and the
    // grace days are already over when the job first sees it), the downgraded member 12 months
    // after getting Silver (2027-02-09).
    expect((await run(programId, '2027-02-09T12:00:00Z')).tiers).toMatchObject({ reviewed: 1, downgraded: 1, scheduled: 0 });
    expect((await run(programId, '2027-02-10T12:00:00Z')).tiers).toMatchObject({ reviewed: 1, downgraded: 0, scheduled: 1 });
    const states = db.select().from(memberTierReviews).where(eq(memberTierReviews.programId, programId)).all();
    expect(Object.fromEntries(states.map((r) => [r.memberId, [r.lastReviewDate, r.pendingToTierId, r.pendingEffectiveOn]]))).toEqual({
      [kept]: ['2027-01-10', null, null],
      [memberId]: ['2027-02-09', 'member', '2027-03-11'],
    });
    expect([tierOf(kept), tierOf(memberId)]).toEqual(['silver', 'silver']);
  });

  it('downgrades at once without grace days, to the qualified tier', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', retention({ downgrade: 'to-qualified', graceDays: 0 }));
    const memberId = goldMember(programId, 'qualified');
    purchase(programId, memberId, '2025-03-01T10:00:00Z', 100);
    const r = await run(programId, '2026-01-11T12:00:00Z');
    expect(r.tiers).toMatchObject({ reviewed: 1, downgraded: 1, scheduled: 0 });
    expect(tierOf(memberId)).toBe('member');
    await expectRerunWritesNothing(programId, '2026-01-11T12:00:00Z');
  });

  it('does not postpone a waiting downgrade at later re-checks', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', retention({ evaluate: 'monthly', graceDays: 45 }));
    const memberId = goldMember(programId, 'monthly');
    expect((await run(programId, '2025-02-01T12:00:00Z')).tiers).toMatchObject({ reviewed: 1, scheduled: 1 });
    expect((await run(programId, '2025-03-01T12:00:00Z')).tiers).toMatchObject({ reviewed: 1, scheduled: 1 });
    expect(db.select().from(memberTierReviews).where(eq(memberTierReviews.memberId, memberId)).get()).toMatchObject({ lastReviewDate: '2025-02-28', pendingEffectiveOn: '2025-03-17' });
    expect((await run(programId, '2025-03-17T12:00:00Z')).tiers).toMatchObject({ downgraded: 1 });
    expect(tierOf(memberId)).toBe('silver');
  });

  it("keeps the tier with downgrade 'never'", async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', retention({ downgrade: 'never' }));
    const memberId = goldMember(programId, 'never');
    const r = await run(programId, '2026-03-01T12:00:00Z');
    expect(r.tiers).toMatchObject({ reviewed: 1, unchanged: 1, downgraded: 0, scheduled: 0 });
    expect(tierOf(memberId)).toBe('gold');
    expect(events(memberId, 'tier-changed').map((e) => e.payload.to)).toEqual(['member', 'gold']);
    await expectRerunWritesNothing(programId, '2026-03-01T12:00:00Z');
  });

  it('drops a waiting downgrade when the member changed tier meanwhile', async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers');
    const memberId = goldMember(programId, 'moved');
    expect((await run(programId, '2026-01-11T12:00:00Z')).tiers.scheduled).toBe(1);
    changeTier({ ctx: { db }, input: { programId, memberId, toTierId: 'silver', reason: 'support', at: '2026-01-20T12:00:00Z' } });
    const r = await run(programId, '2026-02-09T12:00:00Z');
    expect(r.tiers).toMatchObject({ downgraded: 0, cancelled: 1 });
    expect(tierOf(memberId)).toBe('silver');
    await expectRerunWritesNothing(programId, '2026-02-09T12:00:00Z');
  });

  it("upgrades at the monthly re-check with upgrade 'next-evaluation'", async () => {
    const { programId } = activeTemplateProgram(db, 'retail-tiers', retention({ evaluate: 'monthly' }, { upgrade: 'next-evaluation' }));
    const memberId = member(programId, 'climber', '2026-01-05T09:00:00Z');
    purchase(programId, memberId, '2026-01-20T10:00:00Z', 600);
    expect(tierOf(memberId)).toBe('member');
    const r = await run(programId, '2026-02-01T12:00:00Z');
    expect(r.tiers).toMatchObject({ reviewed: 1, upgraded: 1 });
    expect(tierOf(memberId)).toBe('silver');
    expect(db.select().from(memberTierHistory).where(eq(memberTierHistory.memberId, memberId)).all().at(-1)?.reason).toBe(
      'Tier re-check of 2026-01-31: 600.00 EUR spent in the qualification window; Silver starts at 500.',
    );
    await expectRerunWritesNothing(programId, '2026-02-01T12:00:00Z');
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});

describe('runProgramHousekeeping: all programs', () => {
  it('runs every program with an active version and reports per program', async () => {
    const report = await runProgramHousekeeping({ ctx: { db }, input: { asOf: '2027-06-01T00:00:00Z' } });
    const ids = db.all<{ id: string }>(sql`select distinct program_id as id from program_releases order by program_id`).map((r) => r.id);
    expect(report.programs.map((p) => p.programId)).toEqual(ids);
    expect(report.asOf).toBe('2027-06-01T00:00:00.000Z');
    const again = snapshot();
    await runProgramHousekeeping({ ctx: { db }, input: { asOf: '2027-06-01T00:00:00Z' } });
    expect(snapshot()).toEqual(again);
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
  });
});
