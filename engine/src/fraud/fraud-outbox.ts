import type { DbTx } from '../db';
import { writeOutboxRow, type OutboxRow } from '../ledger/outbox';

/** Outbox types the fraud module writes; monitoring counts `fraud-flagged` and `event-failed` by `payload.versionId`. */
export type FraudOutboxType = 'fraud-flagged' | 'security-notification' | 'event-failed';

/**
 * Writes a fraud-module event to the outbox in the caller's transaction (see `writeOutboxRow`).
 * @example writeFraudEvent(tx, { id: `purchase:${id}:fraud-flagged:fraud-velocity`, type: 'fraud-flagged', programId, memberId, payload: { ruleId, versionId } })
 */
export function writeFraudEvent(tx: DbTx, event: OutboxRow<FraudOutboxType>): void {
  writeOutboxRow(tx, event);
}
