import { beforeAll, describe, expect, it } from 'vitest';
import { SimEvent } from './model';
import { loadOnlineRetail } from './online-retail';
import type { OnlineRetailDataset } from './online-retail';
import { onlineRetailCategory } from './online-retail-categories';

describe('onlineRetailCategory', () => {
  it.each([
    ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 'home-lighting'],
    ['POST', 'POSTAGE', 'postage'],
    ['DOT', 'DOTCOM POSTAGE', 'postage'],
    ['85099B', 'JUMBO BAG RED RETROSPOT', 'bags'],
    ['22086', "PAPER CHAIN KIT 50'S CHRISTMAS ", 'seasonal'],
    ['gift_0001_20', 'Dotcomgiftshop Gift Voucher £20.00', 'gift-vouchers'],
    ['22423', 'REGENCY CAKESTAND 3 TIER', 'kitchen-dining'],
    ['47566', 'PARTY BUNTING', 'home-decor'],
    ['M', 'Manual', 'manual'],
    ['21754', 'HOME BUILDING BLOCK WORD', 'other'],
    ['84879', 'ASSORTED COLOUR BIRD ORNAMENT', 'home-decor'],
    ['22077', 'STRING OF PEARLS', 'other'],
  ])('%s %s → %s', (code, description, category) => {
    expect(onlineRetailCategory(code, description)).toBe(category);
  });
});

describe('loadOnlineRetail (the real 541,909-row file)', () => {
  let ds: OnlineRetailDataset;
  beforeAll(async () => {
    ds = await loadOnlineRetail();
  }, 60_000);

  it('reads every row and accounts for each one', () => {
    const r = ds.report;
    expect(r.rowsRead).toBe(541_909);
    expect(r.issues).toEqual([]);
    expect(r.skippedByReason).toEqual({ 'adjust-bad-debt': 3, 'zero-price': 2_515, 'unlinked-return': r.returns.unlinkedLines });
    expect(r.rowsRead).toBe(r.rowsImported + r.rowsSkipped);
    expect(r.rowsImported).toBe(r.purchases.lines + r.returns.lines);
    // 541,909 = 530,103 purchase lines + 9,288 cancellation rows + 2,515 zero-price + 3 bad debt
    expect(r.purchases.lines).toBe(530_103);
    expect(r.returns.lines + r.returns.unlinkedLines).toBe(9_288);
    expect(r.purchases).toMatchObject({ count: 19_959, byMembers: 18_532, byNonMembers: 1_427, value: 10_655_622.48 });
  });

  it('turns the 3,836 cancellation invoices into linked returns or reported unlinked rows', () => {
    const ret = ds.report.returns;
    const receipts = new Set([...ret.unlinked.map((u) => u.receipt)]);
    const events = [...ds.eventsSync()].filter((e) => e.kind === 'return');
    for (const e of events) receipts.add(e.id.split('/')[0]!);
    expect(ret.unlinked.length).toBe(1_000); // listed up to maxIssues
    expect(ret.count).toBe(events.length);
    expect(ret.receipts).toBe(3_836);
    expect(ret.linkedReceipts).toBeGreaterThan(3_000);
    expect(receipts.size).toBeGreaterThan(ret.linkedReceipts);
    expect(ret.unlinkedLines).toBeGreaterThan(383); // at least every cancellation row without a CustomerID
  });

  it('derives the members and emits valid, time-ordered events', () => {
    const members = [...ds.members()];
    // 4,372 CustomerIDs in the file; one (only zero-price rows) never makes an imported row.
    expect(members).toHaveLength(4_371);
    expect(new Set(members.map((m) => m.attributes.country)).size).toBe(37);
    expect(members[0]).toEqual({ id: '17850', joinedAt: Date.parse('2010-12-01T08:26:00Z'), attributes: { country: 'United Kingdom' } });
    let last = -Infinity;
    let n = 0;
    const kinds: Record<string, number> = {};
    for (const e of ds.eventsSync()) {
      if (n++ % 97 === 0) SimEvent.parse(e);
      expect(e.at).toBeGreaterThanOrEqual(last);
      last = e.at;
      kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    }
    expect(kinds).toEqual({ 'sign-up': 4_371, purchase: 19_959, return: ds.report.returns.count });
    expect(ds.stats).toMatchObject({ members: 4_371, purchases: 19_959, currency: 'GBP', start: Date.parse('2010-12-01T08:26:00Z'), end: Date.parse('2011-12-09T12:50:00Z') });
  });
});
