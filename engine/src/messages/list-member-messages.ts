import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { decodePageCursor, encodePageCursor, olderThan, rowidOf, type DbTx } from '../db';
import { messages, type MessageStatus } from '../db/schema/messaging';
import { EntityId } from '../ledger/common-input';

export const ListMemberMessagesInput = z.object({
  programId: EntityId,
  memberId: EntityId,
  limit: z.number().int().min(1).max(100).default(20),
  /** `nextCursor` of the previous page. */
  cursor: z.string().optional(),
});
export type ListMemberMessagesInput = z.input<typeof ListMemberMessagesInput>;

/** One message as support sees it: what went out (or did not, and why), without the full text. */
export type MemberMessage = {
  id: string;
  channel: 'email' | 'sms' | 'push' | 'receipt';
  status: MessageStatus;
  /** Why it was skipped or failed, in words for support. */
  reason: string | null;
  subject: string | null;
  /** The start of the text on one line, at most {@link PREVIEW_LENGTH} characters. */
  preview: string | null;
  recipient: string | null;
  journeyId: string | null;
  stepId: string | null;
  templateId: string;
  createdAt: string;
  sentAt: string | null;
};

export type MessagesPage = { items: MemberMessage[]; nextCursor: string | null };

export const PREVIEW_LENGTH = 140;

const insertionOrder = rowidOf(messages);

/**
 * The messages journeys sent to a member, or decided not to send, newest first, in pages.
 * @example const page = listMemberMessages({ ctx: { db }, input: { programId, memberId } });
 * listMemberMessages({ ctx: { db }, input: { programId, memberId, cursor: page.nextCursor } })
 */
export function listMemberMessages({ ctx, input }: { ctx: { db: DbTx }; input: ListMemberMessagesInput }): MessagesPage {
  const req = ListMemberMessagesInput.parse(input);
  const after = decodePageCursor(req.cursor);
  const rows = ctx.db
    .select({
      id: messages.id,
      channel: messages.channel,
      status: messages.status,
      reason: messages.reason,
      subject: messages.subject,
      body: messages.body,
      recipient: messages.recipient,
      journeyId: messages.journeyId,
      stepId: messages.stepId,
      templateId: messages.templateId,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      seq: insertionOrder,
    })
    .from(messages)
    .where(
      and(
        eq(messages.memberId, req.memberId),
        eq(messages.programId, req.programId),
        olderThan(messages.createdAt, insertionOrder, after),
      ),
    )
    .orderBy(desc(messages.createdAt), desc(insertionOrder))
    .limit(req.limit + 1)
    .all();
  const page = rows.slice(0, req.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ body, seq: _seq, ...row }) => ({ ...row, preview: previewOf(body) })),
    nextCursor: rows.length > req.limit && last ? encodePageCursor({ at: last.createdAt, seq: last.seq }) : null,
  };
}

/**
 * The start of a message text on one line.
 * @example previewOf('Hi Ana,\n\nyour points…') // 'Hi Ana, your points…'
 */
export function previewOf(body: string | null): string | null {
  if (body == null) return null;
  const line = body.replace(/\s+/g, ' ').trim();
  if (!line) return null;
  const chars = [...line];
  return chars.length <= PREVIEW_LENGTH ? line : `${chars.slice(0, PREVIEW_LENGTH - 1).join('').trimEnd()}…`;
}
