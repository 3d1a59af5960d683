import { describe, expect, it } from 'vitest';
import { beanClub } from '../spec';
import { compareVersions } from './compare';
import { syntheticDataset } from './datasets';
import type { SimEvent } from './datasets';
import { replay, replaySync } from './replay';
import { memoryDataset, tinyHistory, tinyProgram } from './test-fixtures';

const ALWAYS = { redemptions: { probability: 1 } };

describe('replay of a hand-checked history', () => {
  // p1 (1 Jan): 20 + 5 EUR = 25 points, pending until 3 Jan. r1 (2 Jan) returns line B: its 5 points
  // come back from the pending lot. p2 (5 Jan): 12 points. p3 (8 Jan, m2): 40 points. p4 (10 Jan):
  // 0.5 EUR = 0 points; m1 now has 20 + 12 = 32 available and redeems the 30-point reward (lot p1
  // fully, 10 of lot p2). r2 (20 Jan) returns p2: 12 to reverse, 2 left in its lot, 10 written off.
  // m2's 40 expire on 8 Feb (one month after earning). Issued 77 = redeemed 30 + expired 40 + reversed 7.
  it('gives the exact totals', () => {
    const r = replaySync(tinyProgram(), tinyHistory(), ALWAYS);
    expect(r.points).toEqual({ opening: 0, issued: 77, redeemed: 30, expired: 40, reversed: 7, writtenOff: 10, outstanding: 0, available: 0, pending: 0 });
    expect(r.counts).toMatchObject({ members: 2, activeMembers: 2, purchases: 4, returns: 2, events: 6 });
    expect(r.rewards[0]).toMatchObject({ rewardId: 'reward-30', redemptions: 1, points: 30, value: 3 });
    expect(r.money).toMatchObject({ issuedValue: 0.77, redeemedValue: 0.3, rewardValue: 3, liability: 0 });
    expect(r.breakage).toBeCloseTo(40 / 77, 4);
    expect(r.rules).toEqual([{ ruleId: 'rule-base', name: '1 per EUR', points: 77, share: 1, times: 3 }]);
  });

  it('books each month and the month-end liability', () => {
    const r = replaySync(tinyProgram(), tinyHistory(), ALWAYS);
    expect(r.months.map((m) => [m.month, m.issued, m.redeemed, m.expired, m.reversed, m.outstanding])).toEqual([
      ['2025-01', 77, 30, 0, 7, 40],
      ['2025-02', 0, 0, 40, 0, 0],
      ['2025-03', 0, 0, 0, 0, 0],
    ]);
    expect(r.months[0]?.liability).toBe(0.4);
  });

  it('keeps points when nobody redeems, and the async path agrees with the sync one', async () => {
    const sync = replaySync(tinyProgram(), tinyHistory(), { redemptions: { enabled: false } });
    // Without the redemption, r2 takes back all 12 of lot p2; lot p1 (20) and m2's 40 expire.
    expect(sync.points).toMatchObject({ issued: 77, redeemed: 0, reversed: 17, writtenOff: 0, expired: 60, outstanding: 0 });
    const { eventsSync: _drop, ...asyncOnly } = tinyHistory();
    const viaAsync = await replay(tinyProgram(), asyncOnly, { redemptions: { enabled: false } });
    expect(viaAsync).toEqual(sync);
  });
});

describe('replay of a synthetic history', () => {
  const dataset = () => syntheticDataset({ seed: 3, members: 400, events: 4_000, days: 800 });

  it('treats memberIndex as a hint: wrong or missing ones give the same result', () => {
    const ds = syntheticDataset({ seed: 5, members: 300, events: 3_000 });
    const events = [...ds.eventsSync()];
    const plain = memoryDataset([...ds.members()], events.map(({ memberIndex: _, ...e }) => e as SimEvent), ds.stats?.end);
    const wrong = memoryDataset([...ds.members()], events.map((e, i) => ({ ...e, memberIndex: (i * 7) % 400 })), ds.stats?.end);
    const expected = replaySync(beanClub(), ds);
    expect(replaySync(beanClub(), plain)).toEqual({ ...expected, dataset: expect.anything() });
    expect(replaySync(beanClub(), wrong)).toEqual({ ...expected, dataset: expect.anything() });
  });

  it('is deterministic', () => {
    expect(replaySync(beanClub(), dataset())).toEqual(replaySync(beanClub(), dataset()));
  });

  it('conserves points and fills tiers, rules, rewards, months and journey messages', () => {
    const r = replaySync(beanClub(), dataset());
    const p = r.points;
    expect(p.opening + p.issued).toBe(p.redeemed + p.expired + p.reversed + p.outstanding);
    expect(p.issued).toBeGreaterThan(0);
    expect(p.redeemed).toBeGreaterThan(0);
    expect(p.expired).toBeGreaterThan(0); // Beans earned in 2025 expire on 2027-01-01, inside the 800 days
    expect(Object.values(r.tiers.final).reduce((a, b) => a + b, 0)).toBe(r.counts.joinedMembers);
    expect(r.months).toHaveLength(27); // January 2025 to March 2027
    expect(r.months.find((m) => m.month === '2027-01')?.expired).toBeGreaterThan(0);
    expect(r.rules.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 3);
    expect(r.journeys.find((j) => j.journeyId === 'journey-welcome')?.messages[0]?.count).toBe(r.counts.signUps);
    expect(r.journeys.find((j) => j.journeyId === 'journey-winback')).toMatchObject({ simulated: false });
  });

  it('side by side with the same spec gives zero deltas and the single-run result', async () => {
    const { a, b, deltas } = await compareVersions(beanClub(), beanClub(), dataset());
    expect(a).toEqual(b);
    expect(a).toEqual(replaySync(beanClub(), dataset()));
    expect(Object.values(deltas.points).every((x) => x === 0)).toBe(true);
    expect(Object.values(deltas.money).every((x) => x === 0)).toBe(true);
    expect(Object.values(deltas.rules).every((x) => x === 0)).toBe(true);
    expect(deltas.months.every((m) => m.issued === 0 && m.outstanding === 0)).toBe(true);
  });

  it('shows the cost of a richer version side by side', async () => {
    const richer = beanClub();
    richer.earningRules[0]!.effect = { kind: 'per-currency-unit', points: 2, unitAmount: 1 };
    const { deltas } = await compareVersions(beanClub(), richer, dataset());
    expect(deltas.points.issued).toBeGreaterThan(0);
    expect(deltas.rules['rule-base-points']).toBeGreaterThan(0);
  });
});
