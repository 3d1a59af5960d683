import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbTx } from '../db';
import { ledgerReservations } from '../db/schema';
import { DomainError } from '../errors';
import { applyPlan } from './apply-plan';
import { EntityId, nowIso, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { loadOpenLots, requireMember, type PostedTransaction } from './ledger-store';
import { planMerge } from './plan-merge';

export const MergeBalancesInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  fromMemberId: EntityId,
  toMemberId: EntityId,
  actor: z.string().min(1).max(200),
  reason: z.string().max(500).nullable().default(null),
  occurredAt: Timestamp.optional(),
});
export type MergeBalancesInput = z.input<typeof MergeBalancesInput>;

/**
 * Moves all points of one member to another as one `merge` transaction: every lot with points
 * left moves with its dates, and lifetime counters move too. Refused while the source holds a
 * reservation (commit or cancel it first). Use `mergeMembers` in members/ to merge people;
 * this is its ledger half and runs in the caller's transaction when given one.
 * @example mergeBalances({ ctx: { db }, input: { transactionId: 'merge:a:b', programId, fromMemberId: 'a', toMemberId: 'b', actor: 'ana' } })
 */
export function mergeBalances({ ctx, input }: { ctx: { db: DbTx }; input: MergeBalancesInput }): PostedTransaction {
  const req = MergeBalancesInput.parse(input);
  const hash = requestHash('merge', req);
  if (req.fromMemberId === req.toMemberId) throw new DomainError('invalid_input', 'A member cannot be merged into itself.');
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    requireMember(tx, req.programId, req.fromMemberId, { allow: 'not-merged' });
    requireMember(tx, req.programId, req.toMemberId, { allow: 'not-merged' });
    const held = tx
      .select({ id: ledgerReservations.id })
      .from(ledgerReservations)
      .where(and(eq(ledgerReservations.memberId, req.fromMemberId), eq(ledgerReservations.status, 'held')))
      .all();
    if (held.length > 0) {
      throw new DomainError(
        'conflict',
        `Member '${req.fromMemberId}' has ${held.length} open reservation(s); commit or cancel them before merging.`,
        { reservations: held.map((h) => h.id) },
      );
    }
    const plan = planMerge({
      transactionId: req.transactionId,
      fromMemberId: req.fromMemberId,
      toMemberId: req.toMemberId,
      lots: loadOpenLots(tx, req.fromMemberId),
    });
    return applyPlan(
      tx,
      {
        id: req.transactionId,
        kind: 'merge',
        programId: req.programId,
        memberId: req.toMemberId,
        counterpartyMemberId: req.fromMemberId,
        actor: req.actor,
        reason: req.reason,
        occurredAt: req.occurredAt ?? nowIso(),
        requestHash: hash,
        metadata: { lots: plan.lots.filter((l) => l.op === 'create').length },
      },
      plan,
      { transferLifetimeFrom: req.fromMemberId },
    );
  }, WRITE_TRANSACTION);
}
