import type { Channel, CommunicationSettings } from '../spec';
import type { MemberConsents } from '../db/schema';

const MINUTES_PER_DAY = 1440;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Minutes until the quiet hours end when `localMinutes` (minutes since local midnight) falls in
 * them, else 0. Quiet hours may run over midnight (21:00-08:00).
 * @example quietMinutesLeft({ start: '21:00', end: '08:00' }, 23 * 60) // 540
 */
export function quietMinutesLeft(quiet: CommunicationSettings['quietHours'], localMinutes: number): number {
  if (!quiet) return 0;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return 0;
  const inside = start < end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
  return inside ? (end - localMinutes + MINUTES_PER_DAY) % MINUTES_PER_DAY : 0;
}

/** Where a message on a channel goes for this member, or why it cannot go. */
export type Recipient = { to: string } | { skip: string };

const CHANNEL_WORDS: Record<Channel, string> = { email: 'emails', sms: 'text messages', push: 'push notifications', receipt: 'receipt messages' };

/**
 * Consent and contact data for one channel. Receipt lines reach the member at the till; push
 * notifications address the member id (the push provider maps it to the member's devices).
 * @example recipientFor('sms', settings, { phone: null, consents: {} }) // { skip: 'The member has not agreed to text messages.' }
 */
export function recipientFor(
  channel: Channel,
  settings: CommunicationSettings,
  member: { id: string; email: string | null; phone: string | null; consents: MemberConsents },
): Recipient {
  // Members record consent for email, SMS and push; a program asking consent for receipt lines gets none.
  const consent = channel === 'receipt' ? undefined : member.consents[channel];
  if (settings.consentRequired[channel] && consent?.granted !== true) {
    return { skip: `The member has not agreed to ${CHANNEL_WORDS[channel]}.` };
  }
  if (channel === 'email') return member.email ? { to: member.email } : { skip: 'The member has no email address.' };
  if (channel === 'sms') return member.phone ? { to: member.phone } : { skip: 'The member has no phone number.' };
  return { to: member.id };
}

/**
 * Why the frequency cap stops another message, or undefined when it does not.
 * @example frequencyCapReason({ maxMessages: 3, perDays: 7 }, 3) // 'The member already got 3 messages in the last 7 days (the most the program allows).'
 */
export function frequencyCapReason(cap: CommunicationSettings['frequencyCap'], recentMessages: number): string | undefined {
  if (!cap || recentMessages < cap.maxMessages) return undefined;
  return `The member already got ${recentMessages} messages in the last ${cap.perDays} days (the most the program allows).`;
}
