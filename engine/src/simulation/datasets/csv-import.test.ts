import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsvHistory } from './csv-import';
import type { CsvImportOptions } from './import-options';
import { SimEvent } from './model';
import type { SimPurchase } from './model';

const mapping = { memberId: 'Customer', at: 'Date', receipt: 'Receipt', sku: 'Sku', quantity: 'Qty', unitPrice: 'Price', category: 'Cat' };
const header = 'Receipt,Sku,Qty,Date,Price,Customer,Cat';
const base: Omit<CsvImportOptions, 'transactions'> = { mapping, currency: 'EUR', cancellationPrefix: 'C', dateFormat: 'YYYY-MM-DD HH:mm' };

async function run(rows: string[], extra: Partial<CsvImportOptions> = {}) {
  const imported = await importCsvHistory({ ...base, transactions: { text: [header, ...rows].join('\n') }, ...extra });
  const events: SimEvent[] = [...imported.dataset({ id: 't', name: 't', description: 't' }).eventsSync()];
  return { ...imported, events };
}

describe('importCsvHistory', () => {
  it('groups lines into purchases and links returns to the latest earlier purchase of the member and SKU', async () => {
    const { events, report } = await run([
      'P1,A,2,2025-01-01 10:00,3.5,m1,food',
      'P1,B,1,2025-01-01 10:00,10,m1,',
      'P2,A,3,2025-01-05 10:00,3.5,m1,food',
      'G1,A,1,2025-01-05 11:00,3.5,,food',
      'C9,A,-4,2025-01-06 09:00,3.5,m1,food',
      'C9,B,-1,2025-01-06 09:00,10,m1,',
      'C10,Z,-1,2025-01-06 09:30,2,m1,',
      'R1,A,-1,2025-01-07 09:00,3.5,,',
    ]);
    expect(events.map((e) => `${e.kind}:${e.id}`)).toEqual([
      'sign-up:signup-m1', 'purchase:P1', 'purchase:P2', 'purchase:G1', 'return:C9', 'return:C9/2',
    ]);
    const p1 = events[1] as SimPurchase;
    expect(p1).toMatchObject({ memberId: 'm1', total: 17, currency: 'EUR', channel: 'store', at: Date.parse('2025-01-01T10:00:00Z') });
    expect(p1.items).toEqual([
      { ref: 'l1', sku: 'A', category: 'food', quantity: 2, price: 3.5 },
      { ref: 'l2', sku: 'B', quantity: 1, price: 10 },
    ]);
    expect(events.map((e) => e.memberIndex)).toEqual([0, 0, 0, undefined, 0, 0]);
    expect(events[4]).toMatchObject({ purchaseId: 'P2', items: [{ ref: 'l1', quantity: 3 }], total: 10.5 });
    expect(events[5]).toMatchObject({ purchaseId: 'P1', items: [{ ref: 'l1', quantity: 1 }, { ref: 'l2', quantity: 1 }], total: 13.5 });
    for (const e of events) SimEvent.parse(e);
    expect(report.returns).toMatchObject({ count: 2, receipts: 3, linkedReceipts: 1, lines: 2, unlinkedLines: 2, unlinkedQuantity: 2, unlinkedValue: 5.5 });
    expect(report.returns.unlinked.map((u) => [u.line, u.receipt, u.memberId])).toEqual([[8, 'C10', 'm1'], [9, 'R1', null]]);
    expect(report.purchases).toMatchObject({ count: 3, byMembers: 2, byNonMembers: 1, lines: 4, quantity: 7, value: 31 });
    expect(report).toMatchObject({ rowsRead: 8, rowsImported: 6, rowsSkipped: 2, skippedByReason: { 'unlinked-return': 2 } });
  });

  it('reports invalid rows with line numbers and plain messages, and reconciles', async () => {
    const { report, events } = await run([
      'P1,A,2,2025-01-01 10:00,3.5,m1,',
      'P1,A,abc,2025-01-01 10:00,3.5,m1,',
      'P1,A,1.5,2025-01-01 10:00,3.5,m1,',
      'P1,A,1,2025-02-30 10:00,3.5,m1,',
      'P1,A,1,2025-01-01 10:00,x,m1,',
      'P1,A,1,2025-01-01 10:00,0,m1,',
      'P1,A,1,2025-01-01 10:00,-2,m1,',
      'P1,A,0,2025-01-01 10:00,2,m1,',
      ',A,1,2025-01-01 10:00,2,m1,',
      'P1,A,1,2025-01-01 10:00,2',
      'P1,A,1,2025-01-01 10:00,2,m2,',
      'P2,"B, large",1,2025-01-02 10:00,2,m2,',
    ]);
    expect(report.issues.map((i) => i.message)).toEqual([
      "line 3: Qty 'abc' is not a whole number",
      "line 4: Qty '1.5' is not a whole number",
      "line 5: Date '2025-02-30 10:00' is not a valid date in the format YYYY-MM-DD HH:mm",
      "line 6: Price 'x' is not a number",
      'line 10: Receipt is empty',
      'line 11: expected 7 fields, found 5',
      "line 12: Customer 'm2' differs from 'm1' on earlier rows of Receipt P1",
    ]);
    expect(report.skippedByReason).toEqual({ invalid: 7, 'zero-price': 1, 'negative-price': 1, 'zero-quantity': 1 });
    expect(report.rowsRead).toBe(12);
    expect(report.rowsImported).toBe(2);
    expect(report.rowsRead).toBe(report.rowsImported + report.rowsSkipped);
    expect(events.filter((e) => e.kind === 'purchase').map((e) => e.id)).toEqual(['P1', 'P2']);
    expect((events.at(-1) as SimPurchase).items[0]?.sku).toBe('B, large');
  });

  it('uses a members file, flags bad member rows and derives the rest', async () => {
    const members = { text: 'Id,Joined,Country,Email,Birth\nm1,2024-06-01 00:00,DE,yes,4\nm3,2024-07-01 00:00,AT,maybe,\nm4,later,AT,,\n' };
    const { report, dataset } = await importCsvHistory({
      ...base,
      transactions: { text: `${header}\nP1,A,1,2025-01-01 10:00,2,m1,\nP2,A,1,2025-01-02 10:00,2,m2,` },
      members: { source: members, mapping: { id: 'Id', joinedAt: 'Joined', country: 'Country', hasEmailConsent: 'Email', birthMonth: 'Birth' } },
    });
    const ds = dataset({ id: 'x', name: 'x', description: 'x' });
    expect([...ds.members()]).toEqual([
      { id: 'm1', joinedAt: Date.parse('2024-06-01T00:00:00Z'), attributes: { country: 'DE', hasEmailConsent: true, birthMonth: 4 } },
      { id: 'm2', joinedAt: Date.parse('2025-01-02T10:00:00Z'), attributes: {} },
    ]);
    expect(report.members).toMatchObject({ count: 2, fromMembersFile: 1, derived: 1, signUps: 1, rowsRead: 3, rowsSkipped: 2 });
    expect(report.issues.map((i) => `${i.file} ${i.message}`)).toEqual([
      "members line 3: Email 'maybe' is not yes/no (true/false, y/n, 1/0)",
      "members line 4: Joined 'later' is not a valid date in the format YYYY-MM-DD HH:mm",
    ]);
  });

  it('says which mapped column is missing', async () => {
    await expect(importCsvHistory({ ...base, transactions: { text: 'Receipt,Sku\n' } })).rejects.toThrow(
      "transactions: column 'Date' (mapping.at) is not in the header: Receipt, Sku",
    );
  });

  it('keeps its invariants on random histories', async () => {
    const row = fc.record({
      receipt: fc.integer({ min: 1, max: 15 }),
      cancel: fc.boolean(),
      sku: fc.constantFrom('A', 'B', 'C'),
      qty: fc.oneof(fc.integer({ min: -5, max: 8 }), fc.constant('x')),
      day: fc.integer({ min: 1, max: 28 }),
      price: fc.constantFrom('1', '2.5', '0', '-1'),
      member: fc.constantFrom('', 'm1', 'm2'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
        const lines = rows.map((r) => `${r.cancel ? 'C' : ''}${r.receipt},${r.sku},${r.qty},2025-01-${String(r.day).padStart(2, '0')} 10:00,${r.price},${r.member},`);
        const { report, events } = await run(lines);
        expect(report.rowsRead).toBe(rows.length);
        expect(report.rowsRead).toBe(report.rowsImported + report.rowsSkipped);
        expect(Object.values(report.skippedByReason).reduce((a, b) => a + b, 0)).toBe(report.rowsSkipped);
        const bought = new Map<string, SimPurchase>();
        const given = new Map<string, number>();
        let last = -Infinity;
        for (const e of events) {
          expect(e.at).toBeGreaterThanOrEqual(last);
          last = e.at;
          if (e.kind === 'purchase') bought.set(e.id, e);
          if (e.kind !== 'return') continue;
          const p = bought.get(e.purchaseId);
          expect(p?.memberId).toBe(e.memberId);
          for (const i of e.items) {
            const key = `${e.purchaseId}/${i.ref}`;
            given.set(key, (given.get(key) ?? 0) + i.quantity);
            expect(given.get(key)).toBeLessThanOrEqual(p?.items.find((x) => x.ref === i.ref)?.quantity ?? 0);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
