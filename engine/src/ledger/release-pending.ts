import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerLots } from '../db/schema';
import { applyPlan } from './apply-plan';
import { EntityId, nowIso, Timestamp, WRITE_TRANSACTION } from './common-input';
import { requestHash } from './idempotency';
import { loadTransaction, toLotView } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planRelease } from './plan-release';

export const ReleasePendingInput = z.object({
  programId: EntityId.optional(),
  /** Only this member's lots; all members when absent. */
  memberId: EntityId.optional(),
  asOf: Timestamp.optional(),
});
export type ReleasePendingInput = z.input<typeof ReleasePendingInput>;

/**
 * Makes pending points available once their return window has passed (`available_at <= asOf`).
 * One `release` transaction per lot, with id `release:<lot id>`: a lot is released once, so
 * running the job again (or concurrently with a retry) never double counts.
 * @example releasePending({ ctx: { db }, input: { memberId } }) // { released: 1, points: 50 }
 */
export function releasePending({ ctx, input }: { ctx: { db: DbTx }; input: ReleasePendingInput }) {
  const req = ReleasePendingInput.parse(input);
  const at = req.asOf ?? nowIso();
  return ctx.db.transaction((tx) => {
    const due = tx
      .select()
      .from(ledgerLots)
      .where(
        and(
          eq(ledgerLots.status, 'pending'),
          lte(ledgerLots.availableAt, at),
          req.programId ? eq(ledgerLots.programId, req.programId) : undefined,
          req.memberId ? eq(ledgerLots.memberId, req.memberId) : undefined,
        ),
      )
      .all();
    let points = 0;
    let released = 0;
    for (const row of due) {
      const transactionId = `release:${row.id}`;
      if (loadTransaction(tx, transactionId) || row.remaining === 0) continue;
      applyPlan(
        tx,
        {
          id: transactionId,
          kind: 'release',
          programId: row.programId,
          memberId: row.memberId,
          relatedTransactionId: row.originTransactionId,
          occurredAt: at,
          requestHash: requestHash('release', { lotId: row.id }),
        },
        planRelease(toLotView(row), at),
      );
      writeOutboxEvent(tx, {
        id: `${transactionId}:points-released`,
        type: 'points-released',
        programId: row.programId,
        memberId: row.memberId,
        payload: { lotId: row.id, points: row.remaining, expiresAt: row.expiresAt },
      });
      points += row.remaining;
      released += 1;
    }
    return { released, points };
  }, WRITE_TRANSACTION);
}
