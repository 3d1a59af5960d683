import { z } from 'zod';
import type { ReviewCtx } from '../approvals/submit-version';
import { fromTemporal } from '../approvals/temporal-errors';
import { loadVersionRow } from '../versions/version-rows';
import { ROLLOUT_UPDATES, rolloutWorkflowId, type RolloutControlArgs, type RolloutState } from './contract';

export const ControlRolloutInput = z
  .object({
    versionId: z.string().min(1),
    action: z.enum(['pause', 'resume', 'promote', 'abort']),
    reason: z.string().trim().max(300).optional(),
  })
  .strict();
export type ControlRolloutInput = z.input<typeof ControlRolloutInput>;

/**
 * Pauses, resumes, promotes (next stage now) or aborts (everyone back to the old version) the
 * rollout of a version, as the signed-in staff member; answers with the rollout's new state.
 * @example await controlRollout({ ctx, input: { versionId, action: 'pause', reason: 'Complaints from store 12' } })
 */
export async function controlRollout({ ctx, input }: { ctx: ReviewCtx; input: ControlRolloutInput }): Promise<RolloutState> {
  const { versionId, action, reason } = ControlRolloutInput.parse(input);
  const row = loadVersionRow(ctx.db, versionId);
  const handle = ctx.temporal.client.workflow.getHandle(rolloutWorkflowId(versionId));
  const args: RolloutControlArgs = { actor: { userId: ctx.principal.userId, displayName: ctx.principal.displayName }, ...(reason ? { reason } : {}) };
  try {
    return await handle.executeUpdate<RolloutState, [RolloutControlArgs]>(ROLLOUT_UPDATES[action], { args: [args] });
  } catch (error) {
    throw fromTemporal(error, `Version ${row.number} is not rolling out.`);
  }
}
