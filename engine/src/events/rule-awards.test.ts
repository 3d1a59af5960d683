import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../db';
import { purchases, ruleAwards } from '../db/schema';
import { capWindowsOfDay, compileProgram, dayOfIsoDate, type RuleCounters } from '../rules';
import { tempDatabase } from '../testing/temp-db';
import { addToRuleTotals, awardLinesOfRows, awardsPerRule, loadCounters, recordAwards, ruleCounters, type AwardLine } from './rule-awards';
import { activeTemplateProgram, migrationStatements, testMember } from './test-fixtures';

const { db, cleanup } = tempDatabase();
afterAll(cleanup);
const { programId, versionId, spec } = activeTemplateProgram(db);
const RULES = ['rule-a', 'rule-b', 'rule-c'];
const ALL = { lifetime: RULES, period: RULES, campaign: RULES };
const START = dayOfIsoDate('2026-01-20');

/** The counters straight from every award row: what the projections must agree with. */
type Full = Required<Omit<RuleCounters, 'campaign'>>;

function fromAllAwards(memberId: string, day: number): Record<string, Full> {
  const w = capWindowsOfDay(day);
  const out: Record<string, Full> = {};
  const sources = new Map<string, Set<string>>();
  const purchased = db.select().from(purchases).where(eq(purchases.memberId, memberId)).all();
  const awards = [
    ...db.select().from(ruleAwards).where(eq(ruleAwards.memberId, memberId)).all(),
    ...purchased.flatMap((p) => (p.awards ?? []).map((a) => ({ ...a, ...capWindowsOfDay(dayOfIsoDate(p.localDate)), sourceKind: 'purchase', sourceId: p.id }))),
  ];
  for (const a of awards) {
    const c = (out[a.ruleId] ??= { day: 0, week: 0, month: 0, total: 0, times: 0 });
    c.total += a.points;
    if (a.day === w.day) c.day += a.points;
    if (a.week === w.week) c.week += a.points;
    if (a.month === w.month) c.month += a.points;
    if (a.sourceKind !== 'return' && a.points > 0) (sources.get(a.ruleId) ?? sources.set(a.ruleId, new Set()).get(a.ruleId)!).add(a.sourceId);
  }
  for (const [ruleId, s] of sources) out[ruleId]!.times = s.size;
  return out;
}

/** A purchase as `processPurchase` books it: its awards on the row, the rules' totals alongside. */
function bookPurchaseAwards(memberId: string, id: string, day: number, lines: AwardLine[]): void {
  const windows = capWindowsOfDay(day);
  const awards = awardsPerRule(lines);
  const points = awards.reduce((s, a) => s + a.points, 0);
  const row = { id, programId, storeId: 'counters', registerId: '1', receiptNumber: id, memberId, versionId, channel: 'store', occurredAt: `${windows.day}T12:00:00.000Z` };
  db.insert(purchases).values({ ...row, localDate: windows.day, total: points, itemCount: 1, points, awards }).run();
  addToRuleTotals(db, { programId, memberId, sourceKind: 'purchase', windows }, awards);
}

const batch = fc.record({
  kind: fc.constantFrom('purchase' as const, 'event' as const, 'return' as const),
  /** Purchases booked before migration 0026 have award rows; later ones keep awards on the purchase. */
  awardRows: fc.boolean(),
  day: fc.integer({ min: 0, max: 120 }),
  lines: fc.array(fc.record({ rule: fc.constantFrom(...RULES), points: fc.integer({ min: 1, max: 500 }) }), { minLength: 1, maxLength: 4 }),
});

describe('rule counters', () => {
  it('equal the sums over every award (rows and purchases), for any history and any day', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 30 }), fc.integer({ min: 0, max: 130 }), (history, queryDay) => {
        const memberId = testMember(db, programId, `counters-${++n}`);
        for (const [i, b] of history.entries()) {
          const day = START + b.day;
          if (b.kind === 'purchase' && !b.awardRows) {
            bookPurchaseAwards(memberId, `counters-${n}-${i}`, day, b.lines.map((l, j) => ({ ruleId: l.rule, lineRef: String(j), points: l.points })));
            continue;
          }
          recordAwards(
            db,
            { programId, memberId, versionId, sourceKind: b.kind, sourceId: `s-${i}`, purchaseId: null, occurredAt: `${capWindowsOfDay(day).day}T12:00:00Z`, windows: capWindowsOfDay(day) },
            b.lines.map((l, j) => ({ ruleId: l.rule, lineRef: String(j), points: b.kind === 'return' ? -l.points : l.points })),
          );
        }
        const day = START + queryDay;
        const got = ruleCounters(db, programId, { id: memberId, mergedMembers: 0 }, ALL, capWindowsOfDay(day));
        const want = fromAllAwards(memberId, day);
        for (const rule of RULES) {
          // A rule only other members earned has just its campaign total.
          const { campaign: _campaign, ...mine } = { day: 0, week: 0, month: 0, total: 0, times: 0, ...got[rule] };
          expect(mine).toEqual(want[rule] ?? { day: 0, week: 0, month: 0, total: 0, times: 0 });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('are projected from the award rows already stored when the migration runs', () => {
    const memberId = testMember(db, programId, 'backfill');
    const day = START + 3;
    for (const [i, points] of [40, 60, -25].entries()) {
      recordAwards(
        db,
        { programId, memberId, versionId, sourceKind: points < 0 ? 'return' : 'purchase', sourceId: `b-${i}`, purchaseId: null, occurredAt: '2026-01-23T12:00:00Z', windows: capWindowsOfDay(day) },
        [{ ruleId: 'rule-a', lineRef: '1', points }],
      );
    }
    const before = ruleCounters(db, programId, { id: memberId, mergedMembers: 0 }, ALL, capWindowsOfDay(day));
    db.$client.prepare('delete from rule_member_totals where member_id = ?').run(memberId);
    const migration = fs.readFileSync(path.join(MIGRATIONS_DIR, '0016_rule_member_totals.sql'), 'utf8').split('--> statement-breakpoint')[1]!;
    db.$client.exec(migration.replace('GROUP BY', `WHERE member_id = '${memberId}' GROUP BY`));
    // Unknown latest periods: the awards are summed.
    expect(ruleCounters(db, programId, { id: memberId, mergedMembers: 0 }, ALL, capWindowsOfDay(day))).toEqual(before);
    for (const statement of migrationStatements('0025_rule_period_totals.sql', 'UPDATE')) db.$client.exec(statement);
    expect(db.$client.prepare('select day, day_points, week_points, month_points from rule_member_totals where member_id = ?').get(memberId)).toEqual({ day: capWindowsOfDay(day).day, day_points: 75, week_points: 75, month_points: 75 });
    expect(ruleCounters(db, programId, { id: memberId, mergedMembers: 0 }, ALL, capWindowsOfDay(day))).toEqual(before);
    expect(before['rule-a']).toMatchObject({ total: 75, times: 2 });
  });

  it('are loaded only for capped rules that run on the event day, and only the kinds their caps read', () => {
    const memberId = testMember(db, programId, 'needs');
    const compiled = compileProgram(spec);
    // Double points weekends (week cap and budget) runs 6-29 March 2026; the spend bonus has a month cap.
    const saturday = dayOfIsoDate('2026-03-07');
    recordAwards(
      db,
      { programId, memberId, versionId, sourceKind: 'purchase', sourceId: 'needs-1', purchaseId: null, occurredAt: '2026-03-07T12:00:00Z', windows: capWindowsOfDay(saturday) },
      [
        { ruleId: 'rule-double-points-weekends', lineRef: '1', points: 90 },
        { ruleId: 'rule-spend-150-bonus', lineRef: null, points: 150 },
      ],
    );
    const member = { id: memberId, mergedMembers: 0 };
    const at = (day: number) => ({ kind: 'purchase' as const, at: Date.parse(`${capWindowsOfDay(day).day}T12:00:00Z`) });
    const inCampaign = loadCounters(db, programId, member, compiled, at(saturday), capWindowsOfDay(saturday));
    expect(inCampaign['rule-double-points-weekends']).toMatchObject({ week: 90, campaign: 90 });
    expect(inCampaign['rule-spend-150-bonus']).toMatchObject({ month: 150 });
    // Month caps read period counters only: no lifetime total is loaded for them.
    expect(inCampaign['rule-spend-150-bonus']).toMatchObject({ total: 0, times: 0 });
    const later = dayOfIsoDate('2026-03-30');
    const after = loadCounters(db, programId, member, compiled, at(later), capWindowsOfDay(later));
    expect(after['rule-double-points-weekends']).toBeUndefined();
    expect(after['rule-spend-150-bonus']).toMatchObject({ month: 150 });
  });
});

describe('stored award rows', () => {
  it('hold one row per rule with its split over lines, read back as the lines recorded (rows stored one per line read as they are)', () => {
    const memberId = testMember(db, programId, 'split');
    const source = { programId, memberId, versionId, sourceKind: 'purchase' as const, sourceId: 'split-1', purchaseId: null, occurredAt: '2026-01-23T12:00:00Z', windows: capWindowsOfDay(START) };
    const lines = [
      { ruleId: 'rule-a', lineRef: '1', points: 90 },
      { ruleId: 'rule-a', lineRef: '2', points: 60 },
      { ruleId: 'rule-b', lineRef: null, points: 150 },
    ];
    recordAwards(db, source, lines);
    const rows = db.select().from(ruleAwards).where(eq(ruleAwards.sourceId, 'split-1')).orderBy(ruleAwards.ruleId).all();
    expect(rows.map((r) => [r.ruleId, r.points, r.lineRef, r.lines])).toEqual([
      ['rule-a', 150, null, [{ lineRef: '1', points: 90 }, { lineRef: '2', points: 60 }]],
      ['rule-b', 150, null, null],
    ]);
    expect(awardLinesOfRows(rows)).toEqual(lines);
    const perLine = [
      { ruleId: 'rule-a', lineRef: '1', points: 90, lines: null },
      { ruleId: 'rule-a', lineRef: '2', points: 60, lines: null },
    ];
    expect(awardLinesOfRows(perLine)).toEqual(lines.slice(0, 2));
  });
});
