import { dayOfIsoDate, type LocalClock } from '../rules';
import { localInstant, MS_PER_DAY } from '../simulation/calendar';
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
  // A new member's entry tier is assigned, not changed: no "your tier changed" message at sign-up.
  if (type === 'tier-changed' && (payload.from === null || payload.from === undefined)) return undefined;
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

/** Outbox events housekeeping writes for scheduled and segment-entry journeys. */
export const SCHEDULE_EVENTS: ReadonlySet<string> = new Set(['points-expiring', 'member-birthday', 'journey-date', 'segment-entered']);

/**
 * When a scheduled journey starts for an announcement (an outbox event at `at`, epoch ms), or
 * undefined when the journey does not start on it:
 * - `points-expiring`: `daysBefore` the announced expiry date (at once when announced later than that;
 *   never for points that had expired when announced);
 * - `birthday`: local midnight `daysBefore` the announced birthday (program time zone);
 * - `date`: at once, for the journey the announcement names;
 * - `segment-entry`: at once, when the member entered the journey's segment.
 * @example scheduledStart(reminder30, { type: 'points-expiring', payload: { expiresAt: '2026-06-30T00:00:00.000Z' }, at }, clock) // '2026-05-31T00:00:00.000Z'
 */
export function scheduledStart(journey: Journey, event: { type: string; payload: Record<string, unknown>; at: number }, clock: LocalClock): string | undefined {
  const t = journey.trigger;
  const { payload, at } = event;
  const iso = (ms: number) => new Date(Math.max(at, ms)).toISOString();
  if (!journey.enabled) return undefined;
  if (t.kind === 'segment-entry') return event.type === 'segment-entered' && payload.segmentId === t.segmentId ? iso(at) : undefined;
  if (t.kind !== 'schedule') return undefined;
  const s = t.schedule;
  if (s.kind === 'points-expiring' && event.type === 'points-expiring' && typeof payload.expiresAt === 'string') {
    const expiresAt = Date.parse(payload.expiresAt);
    return expiresAt > at ? iso(expiresAt - s.daysBefore * MS_PER_DAY) : undefined;
  }
  if (s.kind === 'birthday' && event.type === 'member-birthday' && typeof payload.birthday === 'string') {
    const day = dayOfIsoDate(payload.birthday);
    return day >= clock(at).day ? iso(localInstant(clock, day - s.daysBefore, 0)) : undefined;
  }
  if (s.kind === 'date' && event.type === 'journey-date' && payload.journeyId === journey.id) return iso(at);
  return undefined;
}
