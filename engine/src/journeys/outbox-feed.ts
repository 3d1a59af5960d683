import { asc, eq, gt, sql } from 'drizzle-orm';
import { rowidOf, type DbTx } from '../db';
import { outbox, outboxCursors } from '../db/schema';

/** An outbox row with its place in the outbox (the rowid: one writer, so commit order). */
export type FeedRow = { seq: number; id: string; type: string; programId: string | null; memberId: string | null; payload: Record<string, unknown>; createdAt: string };

const seqOf = rowidOf(outbox);

/**
 * Outbox rows after `afterSeq`, oldest first. The outbox is append-only and written by one
 * writer at a time, so a row's rowid is its commit order and a consumer never skips one.
 * @example readOutbox(db, 0, 100).at(-1)?.seq
 */
export function readOutbox(tx: DbTx, afterSeq: number, limit: number): FeedRow[] {
  return tx
    .select({ seq: seqOf, id: outbox.id, type: outbox.type, programId: outbox.programId, memberId: outbox.memberId, payload: outbox.payload, createdAt: outbox.createdAt })
    .from(outbox)
    .where(gt(seqOf, afterSeq))
    .orderBy(asc(seqOf))
    .limit(limit)
    .all();
}

/**
 * How far a consumer has read. A consumer reading for the first time starts at the end of the
 * outbox: a journey relay added to a running program must not greet every member who ever signed up.
 * @example outboxCursor(db, 'journeys') // 1042
 */
export function outboxCursor(tx: DbTx, consumer: string): number {
  const saved = tx.select({ seq: outboxCursors.lastSeq }).from(outboxCursors).where(eq(outboxCursors.consumer, consumer)).get()?.seq;
  if (saved !== undefined) return saved;
  const end = tx.select({ seq: sql<number | null>`max(${seqOf})` }).from(outbox).get()?.seq ?? 0;
  saveOutboxCursor(tx, consumer, end);
  return end;
}

/** Records that a consumer has handled everything up to `seq`. */
export function saveOutboxCursor(tx: DbTx, consumer: string, seq: number): void {
  const updatedAt = new Date().toISOString();
  tx.insert(outboxCursors).values({ consumer, lastSeq: seq, updatedAt }).onConflictDoUpdate({ target: outboxCursors.consumer, set: { lastSeq: seq, updatedAt } }).run();
}
