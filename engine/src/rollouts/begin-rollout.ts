import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rollouts } from '../db/schema/rollouts';
import { DomainError } from '../errors';
import { setVersionStatus } from '../approvals/version-status';
import type { RolloutEvent, RolloutInput } from './contract';
import { insertRolloutEvent } from './record-rollout-event';

export type BeginRolloutInput = RolloutInput & { workflowId: string; event: RolloutEvent };

/**
 * Mirrors a starting rollout into SQLite: the rollout row, its first event and the version's move
 * to rolling-out. Refused while another rollout of the program runs. Idempotent on the rollout id.
 * @example beginRollout({ ctx: { db }, input: { ...rolloutInput, workflowId, event } })
 */
export function beginRollout({ ctx, input }: { ctx: { db: DbTx }; input: BeginRolloutInput }): { begun: boolean } {
  return ctx.db.transaction((tx) => {
    const other = tx
      .select({ id: rollouts.id, versionId: rollouts.versionId })
      .from(rollouts)
      .where(and(eq(rollouts.programId, input.programId), inArray(rollouts.status, ['running', 'paused']), ne(rollouts.id, input.rolloutId)))
      .get();
    if (other) throw new DomainError('conflict', `Another rollout of this program is under way (${other.id}); finish or abort it first.`);
    const inserted = tx
      .insert(rollouts)
      .values({
        id: input.rolloutId,
        workflowId: input.workflowId,
        programId: input.programId,
        versionId: input.versionId,
        fromVersionId: input.fromVersionId,
        status: 'running',
        stages: JSON.stringify(input.stages),
        guardrails: JSON.stringify({ ...input.guardrails, forecast: input.forecast }),
        startedBy: input.startedBy.userId,
        // Wall-clock time: live figures are counted from here (workflow time may differ in tests).
        startedAt: new Date().toISOString(),
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) return { begun: false };
    insertRolloutEvent(tx, input.rolloutId, input.event);
    setVersionStatus(tx, {
      programId: input.programId,
      versionId: input.versionId,
      to: 'rolling-out',
      actor: { type: 'staff', id: input.startedBy.userId },
      reason: `Rollout ${input.rolloutId} started`,
      at: input.event.at,
    });
    return { begun: true };
  });
}

