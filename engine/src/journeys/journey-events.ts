import type { Journey, JourneyEvent } from '../spec';

/** A domain event as journeys see it: which journey event it is, and the custom event's name. */
export type JourneyOccurrence = { event: JourneyEvent; name?: string };

const BY_OUTBOX_TYPE: Record<string, JourneyEvent | undefined> = {
  'member-signed-up': 'member-signed-up',
  'purchase-recorded': 'purchase',
  'points-earned': 'points-earned',
  'tier-changed': 'tier-changed',
  'reward-redeemed': 'reward-redeemed',
};

/**
 * The journey event an outbox row stands for, if any. Custom events count under their name;
 * other custom kinds (referral, profile completed) start no journey.
 * @example journeyEventOf('member-event-recorded', { kind: 'custom', name: 'app-installed' }) // { event: 'custom', name: 'app-installed' }
 */
export function journeyEventOf(type: string, payload: Record<string, unknown>): JourneyOccurrence | undefined {
  if (type === 'member-event-recorded') {
    return payload.kind === 'custom' && typeof payload.name === 'string' ? { event: 'custom', name: payload.name } : undefined;
  }
  if (type === 'points-earned' && !(typeof payload.points === 'number' && payload.points > 0)) return undefined;
  const event = BY_OUTBOX_TYPE[type];
  return event ? { event } : undefined;
}

/** True when the occurrence is the event `wanted` names (custom events by name). */
export function isEvent(wanted: { event: JourneyEvent; eventName?: string | undefined }, o: JourneyOccurrence): boolean {
  return wanted.event === o.event && (o.event !== 'custom' || wanted.eventName === o.name);
}

/** True when an enabled journey starts on this occurrence. @example startsOn(welcomeJourney, { event: 'member-signed-up' }) // true */
export function startsOn(journey: Journey, o: JourneyOccurrence): boolean {
  return journey.enabled && journey.trigger.kind === 'event' && isEvent(journey.trigger, o);
}

const DAY_MS = 86_400_000;

/**
 * When a journey scheduled before points expire starts for a `points-expiring` announcement:
 * `daysBefore` the expiry date (at once when it was announced later than that), or undefined
 * when the journey does not start on it or the points had expired when announced.
 * @example expiryReminderStart(reminder30, { expiresAt: '2026-06-30T00:00:00.000Z' }, announcedAt) // '2026-05-31T00:00:00.000Z'
 */
export function expiryReminderStart(journey: Journey, payload: Record<string, unknown>, announcedAt: number): string | undefined {
  const t = journey.trigger;
  if (!journey.enabled || t.kind !== 'schedule' || t.schedule.kind !== 'points-expiring' || typeof payload.expiresAt !== 'string') return undefined;
  const expiresAt = Date.parse(payload.expiresAt);
  if (!(expiresAt > announcedAt)) return undefined;
  return new Date(Math.max(announcedAt, expiresAt - t.schedule.daysBefore * DAY_MS)).toISOString();
}
