import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import type { DbTx } from '../db';
import { rolloutEvents, rollouts, type RolloutStatus } from '../db/schema/rollouts';
import type { RolloutEvent } from './contract';

/** Actor ids of automatic steps; anything else is a staff user id. */
export const ROLLOUT_SYSTEM_ACTOR = 'rollout-workflow';

/**
 * Appends one event to a rollout's history in the caller's transaction; false when that event
 * (rollout, seq) was written before, so a retried activity changes nothing twice.
 */
export function insertRolloutEvent(tx: DbTx, rolloutId: string, event: RolloutEvent): boolean {
  const result = tx
    .insert(rolloutEvents)
    .values({ rolloutId, seq: event.seq, kind: event.kind, actor: event.actor, reason: event.reason, data: JSON.stringify(event.data ?? {}), at: event.at })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

export type RecordRolloutEventInput = { rolloutId: string; event: RolloutEvent; status?: RolloutStatus };

/**
 * Records a pause, resume, promotion or guardrail breach, and the status it leaves the rollout in,
 * with an audit entry, in one transaction. Idempotent on (rollout, seq).
 * @example recordRolloutEvent({ ctx: { db }, input: { rolloutId, event: { seq: 4, kind: 'paused', actor: userId, reason: 'Checking a complaint', at }, status: 'paused' } })
 */
export function recordRolloutEvent({ ctx, input }: { ctx: { db: DbTx }; input: RecordRolloutEventInput }): { written: boolean } {
  return ctx.db.transaction((tx) => {
    if (!insertRolloutEvent(tx, input.rolloutId, input.event)) return { written: false };
    const before = tx.select({ status: rollouts.status }).from(rollouts).where(eq(rollouts.id, input.rolloutId)).get();
    if (input.status) tx.update(rollouts).set({ status: input.status }).where(eq(rollouts.id, input.rolloutId)).run();
    appendAudit(tx, {
      actor: input.event.actor === ROLLOUT_SYSTEM_ACTOR ? { type: 'system', id: ROLLOUT_SYSTEM_ACTOR } : { type: 'staff', id: input.event.actor },
      action: `rollout.${input.event.kind}`,
      entityType: 'rollout',
      entityId: input.rolloutId,
      before: before ? { status: before.status } : undefined,
      after: { status: input.status ?? before?.status ?? null, ...(input.event.data ?? {}) },
      reason: input.event.reason,
    });
    return { written: true };
  });
}
