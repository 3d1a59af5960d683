import { eq } from 'drizzle-orm';
import { appendAudit } from '../audit/append-audit';
import { setVersionStatus } from '../approvals/version-status';
import type { DbTx } from '../db';
import { rollouts } from '../db/schema/rollouts';
import { DomainError } from '../errors';
import { recordRelease } from '../releases/activate-version';
import type { RolloutEvent } from './contract';
import { insertRolloutEvent, ROLLOUT_SYSTEM_ACTOR } from './record-rollout-event';

export type FinishRolloutInput = { rolloutId: string; outcome: 'completed' | 'rolled-back' | 'aborted'; event: RolloutEvent };

/**
 * Ends a rollout. Completed: the new version runs for everyone and becomes active, the old one is
 * retired. Rolled back or aborted: everyone returns to the old version, the new one is marked
 * rolled-back with the reason. One transaction; idempotent on the event (rollout, seq).
 * @example finishRollout({ ctx: { db }, input: { rolloutId, outcome: 'rolled-back', event: { ..., reason: 'Points per purchase 5x the forecast' } } })
 */
export function finishRollout({ ctx, input }: { ctx: { db: DbTx }; input: FinishRolloutInput }): { finished: boolean } {
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(rollouts).where(eq(rollouts.id, input.rolloutId)).get();
    if (!row) throw new DomainError('not_found', `Rollout '${input.rolloutId}' does not exist.`);
    if (!insertRolloutEvent(tx, input.rolloutId, input.event)) return { finished: false };
    const system = { type: 'system' as const, id: ROLLOUT_SYSTEM_ACTOR };
    const actor = input.event.actor === ROLLOUT_SYSTEM_ACTOR ? system : { type: 'staff' as const, id: input.event.actor };
    const completed = input.outcome === 'completed';
    recordRelease({
      ctx: { db: tx, actor },
      input: { programId: row.programId, versionId: completed ? row.versionId : row.fromVersionId, reason: `Rollout ${input.outcome}: ${input.event.reason}`.slice(0, 300) },
    });
    const at = input.event.at;
    if (completed) {
      setVersionStatus(tx, { programId: row.programId, versionId: row.versionId, to: 'active', actor, reason: 'Rolled out to all members', at });
      setVersionStatus(tx, { programId: row.programId, versionId: row.fromVersionId, to: 'retired', actor, reason: 'Replaced by the rolled-out version', at });
    } else {
      setVersionStatus(tx, { programId: row.programId, versionId: row.versionId, to: 'rolled-back', actor, reason: input.event.reason, at });
    }
    tx.update(rollouts).set({ status: input.outcome, finishedAt: at, outcome: input.event.reason }).where(eq(rollouts.id, input.rolloutId)).run();
    appendAudit(tx, {
      actor,
      action: `rollout.${input.outcome}`,
      entityType: 'rollout',
      entityId: input.rolloutId,
      before: { status: row.status },
      after: { status: input.outcome, versionId: completed ? row.versionId : row.fromVersionId },
      reason: input.event.reason,
    });
    return { finished: true };
  });
}
