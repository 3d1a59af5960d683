import type { Client } from '@temporalio/client';
import { rolloutWorkflowId, type RolloutControlArgs, type RolloutInput } from '@loyalty/engine/rollouts';
import { abortUpdate, pauseUpdate, promoteUpdate, resumeUpdate, rolloutStateQuery, rolloutWorkflow } from './workflows/rollout';

// Typed helpers that start and steer the rollout workflow. The engine does the same by name
// (engine/src/rollouts/start-rollout.ts, control-rollout.ts) because it must not import this package.

/**
 * Starts the rollout of a version; refused while that version's rollout runs.
 * @example await startRolloutWorkflow(client, 'loyalty', input)
 */
export function startRolloutWorkflow(client: Client, taskQueue: string, input: RolloutInput) {
  return client.workflow.start(rolloutWorkflow, { workflowId: rolloutWorkflowId(input.versionId), taskQueue, args: [input] });
}

/** The rollout workflow of a version. */
export function rolloutHandle(client: Client, versionId: string) {
  return client.workflow.getHandle<typeof rolloutWorkflow>(rolloutWorkflowId(versionId));
}

const UPDATES = { pause: pauseUpdate, resume: resumeUpdate, promote: promoteUpdate, abort: abortUpdate } as const;

/**
 * Pauses, resumes, promotes or aborts a rollout; answers with its state after the action.
 * @example await steerRollout(client, versionId, 'pause', { actor, reason: 'Complaints from store 12' })
 */
export function steerRollout(client: Client, versionId: string, action: keyof typeof UPDATES, args: RolloutControlArgs) {
  return rolloutHandle(client, versionId).executeUpdate(UPDATES[action], { args: [args] });
}

/** @example (await rolloutStateOf(client, versionId)).stageIndex */
export function rolloutStateOf(client: Client, versionId: string) {
  return rolloutHandle(client, versionId).query(rolloutStateQuery);
}
