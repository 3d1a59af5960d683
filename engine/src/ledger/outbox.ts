import { eq } from 'drizzle-orm';
import { preparedInsert, type DbTx } from '../db';
import { outbox } from '../db/schema';

/** Domain event types written to the outbox. */
export type OutboxEventType =
  | 'points-earned'
  | 'points-released'
  | 'points-redeemed'
  | 'points-reserved'
  | 'reservation-committed'
  | 'reservation-cancelled'
  | 'points-expiring'
  | 'points-expired'
  | 'points-reversed'
  | 'points-adjusted'
  | 'points-merged'
  | 'points-held'
  | 'points-hold-released'
  | 'points-refunded'
  | 'member-signed-up'
  | 'member-merged'
  | 'member-contact-changed'
  | 'tier-changed';

/** An outbox row as the modules write it: ids derive from the cause, payloads hold no personal data. */
export type OutboxRow<T extends string> = { id: string; type: T; programId: string; memberId: string | null; payload: Record<string, unknown>; at?: string };

const insertOutboxRow = preparedInsert(outbox, ['id', 'type', 'programId', 'memberId', 'payload', 'createdAt'], { ignoreConflicts: true });

/**
 * Writes an outbox row in the caller's transaction, so it exists exactly when the change does;
 * a row with the same id (a replay) is left as it is. The typed writers of each module call it.
 */
export function writeOutboxRow<T extends string>(tx: DbTx, event: OutboxRow<T>): void {
  insertOutboxRow(tx).run({ id: event.id, type: event.type, programId: event.programId, memberId: event.memberId, payload: event.payload, createdAt: event.at ?? new Date().toISOString() });
}

/**
 * Writes a ledger domain event (see `writeOutboxRow`).
 * @example writeOutboxEvent(tx, { id: `${txnId}:points-earned`, type: 'points-earned', programId, memberId, payload: { points } })
 */
export function writeOutboxEvent(tx: DbTx, event: OutboxRow<OutboxEventType>): void {
  writeOutboxRow(tx, event);
}

/**
 * True when a row with this id is in the outbox: the record that a once-only piece of work
 * (announcing a journey date, a day's segment review) was done.
 * @example if (outboxHas(db, `${programId}:segments-reviewed:${today}`)) return;
 */
export function outboxHas(tx: DbTx, id: string): boolean {
  return tx.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, id)).get() !== undefined;
}
