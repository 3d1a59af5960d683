import { z } from 'zod';
import type { DbTx } from '../db';
import { applyPlan } from './apply-plan';
import { EntityId, Metadata, nowIso, Timestamp, TransactionId, WRITE_TRANSACTION } from './common-input';
import { replayOrConflict, requestHash } from './idempotency';
import { loadOpenLots, requireMember, type PostedTransaction } from './ledger-store';
import { writeOutboxEvent } from './outbox';
import { planAdjust } from './plan-adjust';

export const AdjustPointsInput = z.object({
  transactionId: TransactionId,
  programId: EntityId,
  memberId: EntityId,
  /** Positive grants, negative deducts. */
  points: z.number().int().refine((n) => n !== 0, { error: 'an adjustment of 0 points changes nothing' }),
  reason: z.string().trim().min(3, { error: 'say why the points are adjusted' }).max(500),
  actor: z.string().trim().min(1).max(200),
  /** Expiry of granted points; they do not expire by date when absent. */
  expiresAt: Timestamp.nullable().default(null),
  occurredAt: Timestamp.optional(),
  metadata: Metadata,
});
export type AdjustPointsInput = z.input<typeof AdjustPointsInput>;

/**
 * A manual correction by a person, with reason and actor kept on the transaction.
 * Deductions cannot take a member below zero (DomainError 'unprocessable').
 * @example adjustPoints({ ctx: { db }, input: { transactionId: 'ticket-88', programId, memberId, points: 25, reason: 'Goodwill for late delivery', actor: 'ana' } })
 */
export function adjustPoints({ ctx, input }: { ctx: { db: DbTx }; input: AdjustPointsInput }): PostedTransaction {
  const req = AdjustPointsInput.parse(input);
  const hash = requestHash('adjust', req);
  return ctx.db.transaction((tx) => {
    const earlier = replayOrConflict(tx, req.transactionId, hash);
    if (earlier) return earlier;
    requireMember(tx, req.programId, req.memberId, { allow: 'not-merged' });
    const at = req.occurredAt ?? nowIso();
    const plan = planAdjust({
      transactionId: req.transactionId,
      memberId: req.memberId,
      points: req.points,
      at,
      lots: loadOpenLots(tx, req.memberId),
      expiresAt: req.expiresAt,
    });
    const posted = applyPlan(tx, {
      id: req.transactionId,
      kind: 'adjust',
      programId: req.programId,
      memberId: req.memberId,
      actor: req.actor,
      reason: req.reason,
      occurredAt: at,
      requestHash: hash,
      metadata: req.metadata,
    }, plan);
    writeOutboxEvent(tx, {
      id: `${req.transactionId}:points-adjusted`,
      type: 'points-adjusted',
      programId: req.programId,
      memberId: req.memberId,
      payload: { transactionId: req.transactionId, points: req.points, reason: req.reason, actor: req.actor },
    });
    return posted;
  }, WRITE_TRANSACTION);
}
