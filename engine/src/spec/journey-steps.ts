import { z } from 'zod';
import { Condition } from './condition';
import { Id, NonNegativeInt, PositiveInt } from './primitives';

/** Events a journey can start on or wait for. */
export const JourneyEvent = z
  .enum(['points-earned', 'tier-changed', 'reward-redeemed', 'member-signed-up', 'purchase', 'custom'])
  .describe('Event');
export type JourneyEvent = z.infer<typeof JourneyEvent>;

const eventName = z.string().min(1).optional().describe('Name of the custom event');
const customNeedsName = (v: { event: JourneyEvent; eventName?: string | undefined }) => v.event !== 'custom' || !!v.eventName;
const customNeedsNameError = { error: 'name the custom event', path: ['eventName'] };

const next = Id.describe('Step that comes next');
const base = { id: Id.describe('Step id, unique within the journey'), name: z.string().max(120).optional().describe('Label on the canvas') };

/**
 * One step of a journey. Steps point to the following step by id (`next`, `then`/`else`,
 * `timeoutNext`, split variants' `next`), so a journey is a graph; `exit` ends it.
 * @example JourneyStep.parse({ id: 'send-welcome', kind: 'send', messageId: 'msg-welcome', next: 'done' })
 */
export const JourneyStep = z
  .discriminatedUnion('kind', [
    z
      .object({
        ...base,
        kind: z.literal('wait'),
        days: NonNegativeInt.default(0).describe('Wait this many days'),
        hours: NonNegativeInt.max(23).default(0).describe('...and hours'),
        next,
      })
      .refine((s) => s.days + s.hours > 0, { error: 'wait at least one hour', path: ['days'] }),
    z.object({
      ...base,
      kind: z.literal('wait-until'),
      until: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('condition'), condition: Condition.describe('Until this holds for the member') }),
          z.object({ kind: z.literal('event'), event: JourneyEvent, eventName }).refine(customNeedsName, customNeedsNameError),
        ])
        .describe('What to wait for'),
      timeoutDays: PositiveInt.max(365).describe('Give up after this many days'),
      next: next.describe('Step when it happened'),
      timeoutNext: Id.describe('Step when waiting timed out'),
    }),
    z.object({
      ...base,
      kind: z.literal('branch'),
      condition: Condition.describe('Question about the member'),
      then: Id.describe('Step when yes'),
      else: Id.describe('Step when no'),
    }),
    z.object({
      ...base,
      kind: z.literal('split'),
      variants: z
        .array(z.object({ name: z.string().min(1).describe('Variant name'), weight: z.number().positive().describe('Share of members (relative)'), next }))
        .min(2, { error: 'an A/B split needs at least two variants' })
        .describe('Random split of members'),
    }),
    z.object({ ...base, kind: z.literal('send'), messageId: Id.describe('Message to send'), next }),
    z.object({
      ...base,
      kind: z.literal('award'),
      points: PositiveInt.describe('Bonus points'),
      reason: z.string().min(1).describe('Reason shown in the points history'),
      next,
    }),
    z.object({ ...base, kind: z.literal('exit') }),
  ])
  .describe('Journey step');
export type JourneyStep = z.infer<typeof JourneyStep>;

export type JourneyStepKind = JourneyStep['kind'];

/**
 * The outgoing links of a step, each with the key it is stored under (for node handles and issue paths).
 * @example stepLinks({ id: 'b', kind: 'branch', condition, then: 'x', else: 'y' })
 *   // [{ key: ['then'], to: 'x' }, { key: ['else'], to: 'y' }]
 */
export function stepLinks(step: JourneyStep): { key: (string | number)[]; to: string }[] {
  switch (step.kind) {
    case 'wait':
    case 'send':
    case 'award':
      return [{ key: ['next'], to: step.next }];
    case 'wait-until':
      return [
        { key: ['next'], to: step.next },
        { key: ['timeoutNext'], to: step.timeoutNext },
      ];
    case 'branch':
      return [
        { key: ['then'], to: step.then },
        { key: ['else'], to: step.else },
      ];
    case 'split':
      return step.variants.map((v, i) => ({ key: ['variants', i, 'next'], to: v.next }));
    case 'exit':
      return [];
  }
}

export { eventName as journeyEventName, customNeedsName, customNeedsNameError };
