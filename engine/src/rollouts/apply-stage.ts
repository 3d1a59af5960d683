import { eq } from 'drizzle-orm';
import type { DbTx } from '../db';
import { rollouts } from '../db/schema/rollouts';
import { DomainError } from '../errors';
import { recordRelease } from '../releases/activate-version';
import type { RolloutEvent, RolloutStage } from './contract';
import { stageMembers } from './plan';
import { insertRolloutEvent, ROLLOUT_SYSTEM_ACTOR } from './record-rollout-event';

export type ApplyStageInput = { rolloutId: string; stageIndex: number; event: RolloutEvent };

/**
 * Puts a stage in force: a release sending the stage's members and share to the new version and
 * everyone else to the old one, the rollout's stage and the event, in one transaction.
 * Idempotent on the event (rollout, seq).
 * @example applyStage({ ctx: { db }, input: { rolloutId, stageIndex: 1, event } })
 */
export function applyStage({ ctx, input }: { ctx: { db: DbTx }; input: ApplyStageInput }): { applied: boolean } {
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(rollouts).where(eq(rollouts.id, input.rolloutId)).get();
    if (!row) throw new DomainError('not_found', `Rollout '${input.rolloutId}' does not exist.`);
    if (!insertRolloutEvent(tx, input.rolloutId, input.event)) return { applied: false };
    const stages = JSON.parse(row.stages) as RolloutStage[];
    const stage = stages[input.stageIndex];
    if (!stage) throw new DomainError('invalid_input', `Rollout '${input.rolloutId}' has no stage ${input.stageIndex}.`);
    recordRelease({
      ctx: { db: tx, actor: { type: 'system', id: ROLLOUT_SYSTEM_ACTOR } },
      input: {
        programId: row.programId,
        versionId: row.fromVersionId,
        canaryVersionId: row.versionId,
        canaryShare: stage.canaryShare,
        canaryMembers: stageMembers(stages, input.stageIndex),
        reason: `Rollout stage ${input.stageIndex + 1} of ${stages.length}: ${stage.name}`,
      },
    });
    tx.update(rollouts).set({ stageIndex: input.stageIndex }).where(eq(rollouts.id, input.rolloutId)).run();
    return { applied: true };
  });
}
