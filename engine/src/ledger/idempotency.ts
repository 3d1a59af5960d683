import { DomainError } from '../errors';
import type { DbTx } from '../db';
import { contentHash } from '../versions/canonical';
import { loadTransaction, type PostedTransaction } from './ledger-store';

/** Hash of a parsed request: equal requests have equal hashes whatever the key order. */
export function requestHash(kind: string, request: unknown): string {
  return contentHash({ kind, request });
}

/**
 * The idempotency check every posting service starts with. A transaction id seen before with
 * the same request returns the stored result (nothing is written again); with another request
 * it is a conflict.
 * @example const earlier = replayOrConflict(tx, input.transactionId, hash); if (earlier) return earlier;
 */
export function replayOrConflict(tx: DbTx, transactionId: string, hash: string): PostedTransaction | undefined {
  const stored = loadTransaction(tx, transactionId);
  if (!stored) return undefined;
  if (stored.transaction.requestHash !== hash) {
    throw new DomainError(
      'conflict',
      `Transaction '${transactionId}' was already booked with different content (${stored.transaction.kind}); use a new transaction id.`,
      { transactionId, kind: stored.transaction.kind },
    );
  }
  return { ...stored, replayed: true };
}
