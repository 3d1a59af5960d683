import { z } from 'zod';
import { LocalTime, PositiveInt } from './primitives';

/**
 * Program-wide rules for messages sent by journeys.
 * @example CommunicationSettings.parse({ quietHours: { start: '21:00', end: '08:00' }, frequencyCap: { maxMessages: 3, perDays: 7 } })
 */
export const CommunicationSettings = z
  .object({
    consentRequired: z
      .object({
        email: z.boolean().default(true).describe('Emails need the member’s consent'),
        sms: z.boolean().default(true).describe('Text messages need consent'),
        push: z.boolean().default(true).describe('Push notifications need consent'),
        receipt: z.boolean().default(true).describe('Receipt lines need consent'),
      })
      .prefault({})
      .describe('Consent needed per channel'),
    quietHours: z
      .object({ start: LocalTime.describe('No messages from'), end: LocalTime.describe('until') })
      .optional()
      .describe('Hours without messages (member time zone, else program time zone)'),
    frequencyCap: z
      .object({
        maxMessages: PositiveInt.describe('At most this many messages'),
        perDays: PositiveInt.max(365).describe('per this many days'),
      })
      .optional()
      .describe('Limit on messages per member'),
  })
  .describe('Communication settings');
export type CommunicationSettings = z.infer<typeof CommunicationSettings>;
