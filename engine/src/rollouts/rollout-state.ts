import { z } from 'zod';
import { fromTemporal, type TemporalWorkflows } from '../approvals/temporal-errors';
import { ROLLOUT_QUERIES, rolloutWorkflowId, type RolloutState } from './contract';

export const RolloutStateInput = z.object({ versionId: z.string().min(1) }).strict();
export type RolloutStateInput = z.input<typeof RolloutStateInput>;

/**
 * The live state of a version's rollout, asked of the workflow (Temporal query).
 * @example (await rolloutState({ ctx: { temporal }, input: { versionId } })).stageIndex
 */
export async function rolloutState({ ctx, input }: { ctx: { temporal: TemporalWorkflows }; input: RolloutStateInput }): Promise<RolloutState> {
  const { versionId } = RolloutStateInput.parse(input);
  try {
    return await ctx.temporal.client.workflow.getHandle(rolloutWorkflowId(versionId)).query<RolloutState>(ROLLOUT_QUERIES.state);
  } catch (error) {
    throw fromTemporal(error, 'This version has no rollout.');
  }
}
