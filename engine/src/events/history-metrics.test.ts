import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/temp-db';
import { memberById } from '../members/member-store';
import { instantsAround, metricOver } from './history-metrics';
import { capWindowsOfDay, dayOfIsoDate } from '../rules';
import { processPurchase } from './process-purchase';
import { processReturn } from './process-return';
import { recordAwards } from './rule-awards';
import { activeTemplateProgram, testMember } from './test-fixtures';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A member of a program in `timezone` with purchases of 10, 20 and 40 at the given instants. */
function memberWithPurchases(timezone: string, instants: string[]) {
  const temp = tempDatabase();
  cleanup = temp.cleanup;
  const { db } = temp;
  const { programId } = activeTemplateProgram(db, 'retail-tiers', (spec) => ({ ...spec, program: { ...spec.program, timezone } }));
  const memberId = testMember(db, programId, 'ada');
  const purchases = instants.map((occurredAt, i) =>
    processPurchase({ ctx: { db }, input: { programId, storeId: 's', receiptNumber: `R-${i}`, member: { memberId }, occurredAt, items: [{ ref: '1', sku: 'X', quantity: 1, price: 10 * 2 ** i }] } }),
  );
  return { db, programId, purchases, member: memberById(db, memberId)! };
}

describe('metricOver by local date', () => {
  it('counts purchases by their date in the program time zone, not in UTC (UTC+14)', () => {
    // Local 2026-03-01 23:00, 2026-03-02 01:00 and 2026-03-02 13:59 in Kiritimati.
    const { db, member } = memberWithPurchases('Pacific/Kiritimati', ['2026-03-01T09:00:00.000Z', '2026-03-01T11:00:00.000Z', '2026-03-01T23:59:00.000Z']);
    expect(metricOver(db, member, 'spend', { by: 'local-date', from: '2026-03-02', to: '2026-03-02' })).toBe(60);
    expect(metricOver(db, member, 'visits', { by: 'local-date', from: '2026-03-02', to: '2026-03-02' })).toBe(2);
    expect(metricOver(db, member, 'visits', { by: 'local-date', from: '2026-03-01', to: '2026-03-01' })).toBe(1);
  });

  it('counts purchases by their date in the program time zone, not in UTC (UTC-11)', () => {
    // Local 2026-03-01 23:30 and 2026-03-02 00:30 in Pago Pago.
    const { db, member } = memberWithPurchases('Pacific/Pago_Pago', ['2026-03-02T10:30:00.000Z', '2026-03-02T11:30:00.000Z']);
    expect(metricOver(db, member, 'spend', { by: 'local-date', from: '2026-02-01', to: '2026-03-01' })).toBe(10);
    expect(metricOver(db, member, 'spend', { by: 'local-date', from: '2026-03-02', to: '2026-03-31' })).toBe(20);
  });
});

describe('metricOver points', () => {
  it('adds what purchases earned (kept on the purchase), award rows of purchases booked before that, and takes returns off', () => {
    const { db, programId, purchases, member } = memberWithPurchases('Europe/Amsterdam', ['2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-04T10:00:00.000Z']);
    const earned = purchases.map((p) => p.points);
    expect(earned.every((p) => p > 0)).toBe(true);
    const march = { by: 'local-date', from: '2026-03-01', to: '2026-03-31' } as const;
    expect(metricOver(db, member, 'points', march)).toBe(earned[0]! + earned[1]! + earned[2]!);
    expect(metricOver(db, member, 'points', { by: 'instant', from: '2026-03-03T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' })).toBe(earned[1]);
    processReturn({ ctx: { db }, input: { programId, storeId: 's', returnRef: 'RT-1', purchaseId: purchases[1]!.purchaseId, occurredAt: '2026-03-05T10:00:00.000Z' } });
    // A purchase booked before migration 0026: its awards are rows.
    const versionId = purchases[0]!.versionId;
    recordAwards(db, { programId, memberId: member.id, versionId, sourceKind: 'purchase', sourceId: 'old', purchaseId: null, occurredAt: '2026-03-06T10:00:00.000Z', windows: capWindowsOfDay(dayOfIsoDate('2026-03-06')) }, [{ ruleId: 'rule-base-points', lineRef: '1', points: 7 }]);
    expect(metricOver(db, member, 'points', march)).toBe(earned[0]! + earned[2]! + 7);
    expect(metricOver(db, member, 'points-earned', { by: 'local-date', from: '2026-03-04', to: '2026-03-06' })).toBe(earned[2]! + 7);
  });
});

describe('instantsAround', () => {
  it('spans the local dates in every time zone', () => {
    expect(instantsAround({ from: '2026-01-01', to: '2026-12-31' })).toEqual(['2025-12-31T00:00:00.000Z', '2027-01-02T00:00:00.000Z']);
  });
});
