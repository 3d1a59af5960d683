import { describe, expect, it } from 'vitest';
import { CommunicationSettings } from '../spec';
import { frequencyCapReason, quietMinutesLeft, recipientFor } from './send-policy';
import { pickVariant } from './split';
import { journeyEventOf, startsOn } from './journey-events';
import { Journey } from '../spec';

const settings = CommunicationSettings.parse({});
const member = { id: 'm-1', email: 'anna@example.com', phone: '+31612345678', consents: { email: { granted: true, at: '2025-01-01T00:00:00Z' } } };

describe('quiet hours', () => {
  const overnight = { start: '21:00', end: '08:00' };
  it('hold a message until they end, also over midnight', () => {
    expect(quietMinutesLeft(overnight, 23 * 60)).toBe(9 * 60);
    expect(quietMinutesLeft(overnight, 7 * 60 + 30)).toBe(30);
    expect(quietMinutesLeft(overnight, 21 * 60)).toBe(11 * 60);
  });
  it('let messages through outside them, or when there are none', () => {
    expect(quietMinutesLeft(overnight, 8 * 60)).toBe(0);
    expect(quietMinutesLeft(overnight, 12 * 60)).toBe(0);
    expect(quietMinutesLeft({ start: '12:00', end: '14:00' }, 13 * 60)).toBe(60);
    expect(quietMinutesLeft(undefined, 23 * 60)).toBe(0);
  });
});

describe('recipient', () => {
  it('needs consent where the program asks for it, and the contact data', () => {
    expect(recipientFor('email', settings, member)).toEqual({ to: 'anna@example.com' });
    expect(recipientFor('sms', settings, member)).toEqual({ skip: 'The member has not agreed to text messages.' });
    expect(recipientFor('push', settings, member)).toEqual({ skip: 'The member has not agreed to push notifications.' });
    const noConsentNeeded = CommunicationSettings.parse({ consentRequired: { sms: false, push: false } });
    expect(recipientFor('sms', noConsentNeeded, { ...member, phone: null })).toEqual({ skip: 'The member has no phone number.' });
    expect(recipientFor('push', noConsentNeeded, member)).toEqual({ to: 'm-1' });
    expect(recipientFor('email', settings, { ...member, email: null })).toEqual({ skip: 'The member has no email address.' });
  });
  it('prints receipt lines only when the program does not ask for a consent members cannot give', () => {
    expect(recipientFor('receipt', CommunicationSettings.parse({ consentRequired: { receipt: false } }), member)).toEqual({ to: 'm-1' });
    expect(recipientFor('receipt', settings, member)).toEqual({ skip: 'The member has not agreed to receipt messages.' });
  });
});

describe('frequency cap', () => {
  it('stops the message that would go over it', () => {
    expect(frequencyCapReason({ maxMessages: 3, perDays: 7 }, 2)).toBeUndefined();
    expect(frequencyCapReason({ maxMessages: 3, perDays: 7 }, 3)).toBe('The member already got 3 messages in the last 7 days (the most the program allows).');
    expect(frequencyCapReason(undefined, 99)).toBeUndefined();
  });
});

describe('A/B split', () => {
  const variants = [
    { name: 'A', weight: 3, next: 'a' },
    { name: 'B', weight: 1, next: 'b' },
  ];
  it('always picks the same variant for a run, in proportion to the weights', () => {
    expect(pickVariant('run-7', 'split', variants)).toBe(pickVariant('run-7', 'split', variants));
    const picks = Array.from({ length: 4000 }, (_, i) => pickVariant(`run-${i}`, 'split', variants).name);
    const shareA = picks.filter((n) => n === 'A').length / picks.length;
    expect(shareA).toBeGreaterThan(0.72);
    expect(shareA).toBeLessThan(0.78);
  });
});

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
