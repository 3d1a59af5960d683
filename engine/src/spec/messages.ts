import { z } from 'zod';
import { Channel, Id, Locale, Name } from './primitives';

/** The text of a message in one language. Bodies use Liquid placeholders like `{{ member.firstName }}`. */
export const MessageVariant = z.object({
  locale: Locale,
  subject: z.string().max(200).optional().describe('Subject line or title (email and push)'),
  body: z.string().min(1, { error: 'write the message text' }).describe('Message text; {{ member.firstName }} inserts data'),
});
export type MessageVariant = z.infer<typeof MessageVariant>;

/**
 * A message template with one text per language.
 * @example
 *   MessageTemplate.parse({ id: 'msg-welcome', name: 'Welcome', channel: 'email',
 *     variants: [{ locale: 'en', subject: 'Welcome!', body: 'Hi {{ member.firstName }}' }] })
 */
export const MessageTemplate = z
  .object({
    id: Id,
    name: Name,
    channel: Channel,
    variants: z.array(MessageVariant).min(1, { error: 'add the text in at least one language' }),
  })
  .describe('Message template');
export type MessageTemplate = z.infer<typeof MessageTemplate>;
