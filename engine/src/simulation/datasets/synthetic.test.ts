import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SimEvent, SimMember } from './model';
import type { SimPurchase } from './model';
import { syntheticDataset } from './synthetic';

function digest(events: Iterable<SimEvent>): { hash: string; count: number } {
  const h = createHash('sha256');
  let count = 0;
  for (const e of events) {
    h.update(JSON.stringify(e));
    count++;
  }
  return { hash: h.digest('hex'), count };
}

describe('syntheticDataset', () => {
  const options = { seed: 42, members: 2_000, events: 20_000, start: '2025-01-01T00:00:00Z', days: 120 };

  it('gives the identical stream for the same seed, sync and async, every time', async () => {
    const a = digest(syntheticDataset(options).eventsSync());
    const ds = syntheticDataset(options);
    expect(digest(ds.eventsSync())).toEqual(a);
    const asyncEvents: SimEvent[] = [];
    for await (const e of ds.events()) asyncEvents.push(e);
    expect(digest(asyncEvents)).toEqual(a);
    expect(digest(syntheticDataset({ ...options, seed: 43 }).eventsSync()).hash).not.toBe(a.hash);
    expect(JSON.stringify([...ds.members()])).toBe(JSON.stringify([...syntheticDataset(options).members()]));
  });

  it("gives each member's event the member's position in members()", () => {
    const ds = syntheticDataset(options);
    const ids = [...ds.members()].map((m) => m.id);
    let hinted = 0;
    for (const e of ds.eventsSync()) {
      if (e.memberId === null) expect(e.memberIndex).toBeUndefined();
      else {
        expect(ids[e.memberIndex!]).toBe(e.memberId);
        hinted++;
      }
    }
    expect(hinted).toBeGreaterThan(15_000);
  });

  it('produces valid, time-ordered events with consistent returns and sign-ups', () => {
    const ds = syntheticDataset(options);
    const members = new Map([...ds.members()].map((m) => [m.id, SimMember.parse(m)]));
    expect(members.size).toBe(2_000);
    const purchases = new Map<string, SimPurchase>();
    const returned = new Map<string, number>();
    const counts = { purchase: 0, return: 0, 'sign-up': 0, custom: 0, guest: 0 };
    let last = -Infinity;
    for (const e of ds.eventsSync()) {
      expect(SimEvent.parse(e)).toEqual(e);
      expect(e.at).toBeGreaterThanOrEqual(last);
      expect(e.at).toBeLessThan(Date.parse(options.start) + options.days * 86_400_000);
      last = e.at;
      counts[e.kind]++;
      if (e.memberId) expect(members.get(e.memberId)!.joinedAt).toBeLessThanOrEqual(e.at);
      if (e.kind === 'sign-up') expect(members.get(e.memberId)!.joinedAt).toBe(e.at);
      if (e.kind === 'purchase') {
        purchases.set(e.id, e);
        if (e.memberId === null) counts.guest++;
        const sum = e.items.reduce((s, i) => s + Math.round(i.price * 100) * i.quantity, 0) / 100;
        expect(e.total).toBeCloseTo(sum, 2);
      }
      if (e.kind === 'return') {
        const p = purchases.get(e.purchaseId)!;
        expect(p.at).toBeLessThan(e.at);
        expect(p.memberId).toBe(e.memberId);
        for (const item of e.items) {
          const line = p.items.find((i) => i.ref === item.ref)!;
          const key = `${p.id}/${item.ref}`;
          returned.set(key, (returned.get(key) ?? 0) + item.quantity);
          expect(returned.get(key)).toBeLessThanOrEqual(line.quantity);
        }
      }
    }
    expect(counts.purchase / 20_000).toBeCloseTo(1, 1);
    expect(counts.guest / counts.purchase).toBeCloseTo(0.15, 1);
    expect(counts.return / counts.purchase).toBeGreaterThan(0.04);
    expect(counts.return / counts.purchase).toBeLessThan(0.08);
    const joinedInPeriod = [...members.values()].filter((m) => m.joinedAt >= Date.parse(options.start)).length;
    expect(counts['sign-up']).toBe(joinedInPeriod);
    expect(joinedInPeriod / 2_000).toBeCloseTo(0.7, 1);
  });

  it('has heavy-tailed visits, weekend and time-of-day patterns', () => {
    const ds = syntheticDataset({ seed: 5, members: 5_000, events: 60_000, days: 364, existingMemberShare: 1 });
    const perMember = new Map<string, number>();
    const byWeekday = new Array<number>(7).fill(0);
    const byHour = new Array<number>(24).fill(0);
    for (const e of ds.eventsSync()) {
      if (e.kind !== 'purchase' || !e.memberId) continue;
      perMember.set(e.memberId, (perMember.get(e.memberId) ?? 0) + 1);
      const d = new Date(e.at);
      byWeekday[(d.getUTCDay() + 6) % 7]!++;
      byHour[d.getUTCHours()]!++;
    }
    const visits = [...perMember.values()].sort((a, b) => a - b);
    const median = visits[visits.length >> 1]!;
    const top1 = visits.slice(Math.floor(visits.length * 0.99)).reduce((a, b) => a + b, 0);
    expect(visits.at(-1)!).toBeGreaterThan(8 * median);
    expect(top1 / visits.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.05);
    expect(byWeekday[5]!).toBeGreaterThan(byWeekday[6]! * 1.4); // Saturday vs Sunday
    expect(byHour[3]).toBe(0);
    expect(byHour[18]!).toBeGreaterThan(byHour[8]! * 2);
  });

  it('uses a custom catalog', () => {
    const ds = syntheticDataset({
      seed: 1,
      members: 50,
      events: 300,
      days: 30,
      catalog: { categories: [{ id: 'books', weight: 1, brands: ['Penguin'], skus: 5, price: { min: 8, max: 20 } }] },
    });
    for (const e of ds.eventsSync()) {
      if (e.kind !== 'purchase') continue;
      for (const i of e.items) {
        expect(i).toMatchObject({ category: 'books', brand: 'Penguin' });
        expect(i.sku).toMatch(/^BOO-000[1-5]$/);
        expect(i.price).toBeGreaterThanOrEqual(8);
        expect(i.price).toBeLessThanOrEqual(20);
      }
    }
  });
});
