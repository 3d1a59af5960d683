import { describe, expect, it } from 'vitest';
import { Journey } from '../spec';
import { journeyEventOf, startsOn } from './journey-events';

describe('journey events', () => {
  it('maps outbox rows to the events journeys start on', () => {
    expect(journeyEventOf('member-signed-up', {})).toEqual({ event: 'member-signed-up' });
    expect(journeyEventOf('purchase-recorded', { points: 0 })).toEqual({ event: 'purchase' });
    expect(journeyEventOf('points-earned', { points: 10 })).toEqual({ event: 'points-earned' });
    expect(journeyEventOf('points-earned', { points: 0 })).toBeUndefined();
    expect(journeyEventOf('member-event-recorded', { kind: 'custom', name: 'app-installed' })).toEqual({ event: 'custom', name: 'app-installed' });
    expect(journeyEventOf('member-event-recorded', { kind: 'referral' })).toBeUndefined();
    expect(journeyEventOf('points-expired', {})).toBeUndefined();
    expect(journeyEventOf('tier-changed', { from: 'silver', to: 'gold' })).toEqual({ event: 'tier-changed' });
    expect(journeyEventOf('tier-changed', { from: null, to: 'member' })).toBeUndefined(); // the entry tier at sign-up
  });
  it('starts enabled journeys on their trigger, custom events by name', () => {
    const journey = Journey.parse({ id: 'j', name: 'J', trigger: { kind: 'event', event: 'custom', eventName: 'app-installed' }, entryStepId: 'x', steps: [{ id: 'x', kind: 'exit' }] });
    expect(startsOn(journey, { event: 'custom', name: 'app-installed' })).toBe(true);
    expect(startsOn(journey, { event: 'custom', name: 'other' })).toBe(false);
    expect(startsOn({ ...journey, enabled: false }, { event: 'custom', name: 'app-installed' })).toBe(false);
  });
});
