import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbTx } from '../db';
import { messages, type MessageStatus } from '../db/schema';
import { writeOutboxRow } from '../ledger/outbox';
import type { Channel } from '../spec';

/** A message as a journey step decided it: who, what, on which channel. */
export type MessageDraft = {
  /** The send's idempotency key: `<run id>:<step number>`. */
  id: string;
  programId: string;
  memberId: string;
  runId: string;
  /** The version whose journey sent it (monitoring counts messages per version). */
  versionId: string;
  journeyId: string;
  stepId: string;
  templateId: string;
  channel: Channel;
  locale: string | null;
  to: string | null;
  subject: string | null;
  body: string | null;
};

export type MessageOutcome = { status: MessageStatus; reason?: string | undefined; providerRef?: string | undefined };

/** True when the send with this key already has its row (sent, queued, skipped or failed). */
export function messageRecorded(tx: DbTx, id: string): boolean {
  return tx.select({ id: messages.id }).from(messages).where(eq(messages.id, id)).get() !== undefined;
}

/** Messages that reached (or wait for) the member since `since`, for the frequency cap. */
export function messagesSince(tx: DbTx, memberId: string, since: string): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(and(eq(messages.memberId, memberId), gte(messages.createdAt, since), inArray(messages.status, ['sent', 'queued'])))
      .get()?.n ?? 0
  );
}

/**
 * Writes what became of a send, once, with a `message-sent` domain event for sent messages
 * (monitoring counts them). A second call for the same key changes nothing.
 * @example recordMessage(tx, draft, { status: 'sent', providerRef: '<abc@example.com>' }, at)
 */
export function recordMessage(tx: DbTx, draft: MessageDraft, outcome: MessageOutcome, at: string): void {
  const inserted = tx
    .insert(messages)
    .values({
      id: draft.id,
      programId: draft.programId,
      memberId: draft.memberId,
      runId: draft.runId,
      journeyId: draft.journeyId,
      stepId: draft.stepId,
      templateId: draft.templateId,
      channel: draft.channel,
      locale: draft.locale,
      recipient: draft.to,
      subject: draft.subject,
      body: draft.body,
      status: outcome.status,
      reason: outcome.reason ?? null,
      providerRef: outcome.providerRef ?? null,
      createdAt: at,
      sentAt: outcome.status === 'sent' ? new Date().toISOString() : null,
    })
    .onConflictDoNothing()
    .run();
  if (inserted.changes === 0 || outcome.status !== 'sent') return;
  writeOutboxRow(tx, {
    id: `${draft.id}:message-sent`,
    type: 'message-sent',
    programId: draft.programId,
    memberId: draft.memberId,
    payload: { messageId: draft.id, channel: draft.channel, journeyId: draft.journeyId, templateId: draft.templateId, versionId: draft.versionId },
    at,
  });
}
