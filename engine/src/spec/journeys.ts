import { z } from 'zod';
import { customNeedsName, customNeedsNameError, JourneyEvent, JourneyStep, journeyEventName } from './journey-steps';
import { Description, Id, IsoDate, Name, NonNegativeInt } from './primitives';

/** A time-based start: on the member's birthday, before points expire, or on a fixed date. */
export const JourneySchedule = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('birthday'), daysBefore: NonNegativeInt.max(60).default(0).describe('Days before the birthday') }),
    z.object({ kind: z.literal('points-expiring'), daysBefore: NonNegativeInt.max(365).describe('Days before points expire') }),
    z.object({
      kind: z.literal('date'),
      at: z.union([IsoDate, z.iso.datetime({ offset: true, local: true })]).describe('Date (and time) to start, in the program time zone'),
    }),
  ])
  .describe('Schedule');
export type JourneySchedule = z.infer<typeof JourneySchedule>;

/** What starts a journey for a member. */
export const JourneyTrigger = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('event'), event: JourneyEvent, eventName: journeyEventName }).refine(customNeedsName, customNeedsNameError),
    z.object({ kind: z.literal('segment-entry'), segmentId: Id.describe('When a member enters this segment') }),
    z.object({ kind: z.literal('schedule'), schedule: JourneySchedule }),
  ])
  .describe('What starts the journey');
export type JourneyTrigger = z.infer<typeof JourneyTrigger>;

/**
 * A journey: a trigger and a graph of steps starting at `entryStepId`.
 * A program-change announcement is a `schedule`/`date` trigger with an audience segment, a send step and exit.
 * @example
 *   Journey.parse({ id: 'journey-welcome', name: 'Welcome', trigger: { kind: 'event', event: 'member-signed-up' },
 *     entryStepId: 'send', steps: [{ id: 'send', kind: 'send', messageId: 'msg-welcome', next: 'end' }, { id: 'end', kind: 'exit' }] })
 */
export const Journey = z.object({
  id: Id,
  name: Name,
  description: Description,
  enabled: z.boolean().default(true).describe('Switched on'),
  trigger: JourneyTrigger,
  audienceSegmentId: Id.optional().describe('Only members of this segment enter; everyone when empty'),
  reentry: z.enum(['once', 'every-time']).default('once').describe('Can a member go through the journey more than once'),
  entryStepId: Id.describe('First step'),
  steps: z.array(JourneyStep).min(1, { error: 'a journey needs at least one step' }),
});
export type Journey = z.infer<typeof Journey>;
