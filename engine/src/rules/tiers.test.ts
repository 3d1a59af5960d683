import { describe, expect, it } from 'vitest';
import { TierPolicy, beanClub } from '../spec';
import { qualificationWindow, qualifiedTier, reviewTier, tierAfterActivity, tierCanChangeAfterActivity, tierProgress } from './tiers';

const { tiers, tierPolicy } = beanClub(); // green 0, silver 500, gold 1500; one-tier, 30 grace days
const policy = (retention: object, upgrade: 'immediate' | 'next-evaluation' = 'immediate') => TierPolicy.parse({ upgrade, retention });

describe('tier qualification', () => {
  it('qualifies for the highest threshold reached', () => {
    expect(qualifiedTier(tiers, 0)?.id).toBe('green');
    expect(qualifiedTier(tiers, 499.99)?.id).toBe('green');
    expect(qualifiedTier(tiers, 500)?.id).toBe('silver');
    expect(qualifiedTier(tiers, 99999)?.id).toBe('gold');
    expect(qualifiedTier([], 10)).toBeUndefined();
    expect(qualifiedTier([{ ...tiers[1]! }], 10)).toBeUndefined();
  });

  it('reports progress to the next tier and what keeps the current one', () => {
    expect(tierProgress(tiers, 700, 'silver')).toMatchObject({ qualified: { id: 'silver' }, next: { id: 'gold' }, remaining: 800, toKeep: 0 });
    expect(tierProgress(tiers, 2000, 'gold')).toMatchObject({ next: undefined, remaining: 0 });
    // kept on gold by retention while qualifying for green: next is above gold (none), 1300 to keep gold
    expect(tierProgress(tiers, 200, 'gold')).toMatchObject({ qualified: { id: 'green' }, next: undefined, toKeep: 1300 });
    // qualified above the current tier (upgrade waits for the re-check): next is above the qualified one
    expect(tierProgress(tiers, 600, 'green')).toMatchObject({ next: { id: 'gold' }, remaining: 900 });
    expect(tierProgress(tiers, 0)).toMatchObject({ current: undefined, next: { id: 'silver' }, remaining: 500 });
  });

  it('upgrades after activity only when the policy says immediate, never downgrades there', () => {
    expect(tierAfterActivity(tiers, tierPolicy, 'green', 1600)).toBe('gold');
    expect(tierAfterActivity(tiers, policy({}, 'next-evaluation'), 'green', 1600)).toBe('green');
    expect(tierAfterActivity(tiers, tierPolicy, 'gold', 0)).toBe('gold');
    expect(tierAfterActivity(tiers, tierPolicy, undefined, 600)).toBe('silver');
  });

  it('says when activity cannot change the tier for any value, so the value need not be read', () => {
    const nextEvaluation = policy({}, 'next-evaluation');
    for (const current of [undefined, 'green', 'silver', 'gold', 'unknown']) {
      for (const p of [tierPolicy, nextEvaluation]) {
        const changes = [0, 499, 500, 1499, 1500, 99999].some((value) => tierAfterActivity(tiers, p, current, value) !== current);
        expect(tierCanChangeAfterActivity(tiers, p, current)).toBe(changes);
      }
    }
    expect(tierCanChangeAfterActivity(tiers, tierPolicy, 'gold')).toBe(false);
    expect(tierCanChangeAfterActivity([], tierPolicy, undefined)).toBe(false);
  });
});

describe('re-check (retention)', () => {
  it('one-tier drops a single tier after the grace days', () => {
    expect(reviewTier(tiers, tierPolicy, 'gold', 100, '2025-12-31')).toEqual({ tierId: 'silver', change: 'down', effectiveOn: '2026-01-30' });
  });
  it('to-qualified drops to the qualified tier; never keeps it', () => {
    expect(reviewTier(tiers, policy({ downgrade: 'to-qualified' }), 'gold', 100, '2025-12-31')).toEqual({ tierId: 'green', change: 'down', effectiveOn: '2025-12-31' });
    expect(reviewTier(tiers, policy({ downgrade: 'never' }), 'gold', 0, '2025-12-31')).toMatchObject({ tierId: 'gold', change: 'same' });
  });
  it('keeps a tier still qualified for and applies pending upgrades at once', () => {
    expect(reviewTier(tiers, tierPolicy, 'silver', 600, '2025-12-31')).toMatchObject({ tierId: 'silver', change: 'same' });
    expect(reviewTier(tiers, policy({ graceDays: 30 }, 'next-evaluation'), 'green', 1600, '2025-12-31')).toEqual({ tierId: 'gold', change: 'up', effectiveOn: '2025-12-31' });
  });
});

describe('qualification window', () => {
  it('rolling months end on the date; calendar year is the whole year', () => {
    expect(qualificationWindow({ kind: 'rolling', months: 12 }, '2025-09-06')).toEqual({ from: '2024-09-07', to: '2025-09-06' });
    expect(qualificationWindow({ kind: 'rolling', months: 1 }, '2025-03-31')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(qualificationWindow({ kind: 'rolling', months: 12 }, '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(qualificationWindow({ kind: 'calendar-year' }, '2025-09-06')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
