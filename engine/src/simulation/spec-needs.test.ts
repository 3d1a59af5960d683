import { describe, expect, it } from 'vitest';
import { beanClub } from '../spec';
import type { Condition } from '../spec';
import { aggregateNeeds, readsField } from './spec-needs';

const visits = (lastDays: number): Condition => ({ op: 'aggregate', metric: 'visits', lastDays, cmp: 'gte', value: 1 });

describe('aggregateNeeds', () => {
  it('leaves out windows only an unsimulated segment-entry trigger reads', () => {
    expect(aggregateNeeds(beanClub())).toEqual([]);
  });

  it('follows segments from rules, journey audiences and branches, and reward eligibility', () => {
    const spec = beanClub();
    spec.segments.push({ id: 'seg-a', name: 'A', description: '', condition: { op: 'and', all: [visits(7), { op: 'in-segment', segmentId: 'seg-b' }] } });
    spec.segments.push({ id: 'seg-b', name: 'B', description: '', condition: { op: 'aggregate', metric: 'spend', lastDays: 30, cmp: 'gte', value: 10 } });
    spec.journeys[0]!.audienceSegmentId = 'seg-a';
    expect(aggregateNeeds(spec)).toEqual([
      { metric: 'visits', lastDays: 7 },
      { metric: 'spend', lastDays: 30 },
    ]);
    const other = beanClub();
    other.rewards[0]!.eligibility = { op: 'in-segment', segmentId: 'seg-lapsed' };
    other.earningRules[0]!.condition = visits(90);
    expect(aggregateNeeds(other)).toEqual([
      { metric: 'visits', lastDays: 90 },
      { metric: 'visits', lastDays: 60 },
      { metric: 'visits', lastDays: 365 },
    ]);
  });
});

describe('readsField', () => {
  it('sees fields that journey branches and wait-until conditions read', () => {
    const spec = beanClub();
    expect(readsField(spec, 'member.lastPurchaseOn')).toBe(false);
    const journey = spec.journeys[0]!;
    journey.steps.unshift({ id: 'recent', kind: 'branch', condition: { op: 'gte', field: 'member.lastPurchaseOn', value: '2026-01-01' }, then: journey.steps[0]!.id, else: journey.steps[0]!.id });
    expect(readsField(spec, 'member.lastPurchaseOn')).toBe(true);
  });
});
