import type { DbTx } from '../db';
import { outbox } from '../db/schema';

/** Outbox types the fraud module writes; monitoring counts `fraud-flagged` and `event-failed` by `payload.versionId`. */
export type FraudOutboxType = 'fraud-flagged' | 'security-notification' | 'event-failed';

/**
 * Writes a fraud-module event to the outbox in the caller's transaction; the id derives from the
 * cause so a replay never writes it twice. Payloads carry ids and amounts, never personal data.
 * @example writeFraudEvent(tx, { id: `purchase:${id}:fraud-flagged:fraud-velocity`, type: 'fraud-flagged', programId, memberId, payload: { ruleId, versionId } })
 */
export function writeFraudEvent(
  tx: DbTx,
  event: { id: string; type: FraudOutboxType; programId: string; memberId: string | null; payload: Record<string, unknown>; at?: string },
): void {
  tx.insert(outbox)
    .values({ id: event.id, type: event.type, programId: event.programId, memberId: event.memberId, payload: event.payload, createdAt: event.at ?? new Date().toISOString() })
    .onConflictDoNothing()
    .run();
}
