import { describe, expect, it } from 'vitest';
import { CommunicationSettings } from '../spec';
import { frequencyCapReason, quietMinutesLeft, recipientFor } from './send-policy';

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
