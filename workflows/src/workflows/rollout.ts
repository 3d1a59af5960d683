import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { RolloutControlArgs, RolloutEvent, RolloutInput, RolloutState } from '@loyalty/engine/rollouts';
import type { Activities } from '../activities';
import { refuse } from './approval-rules';

// Names are the engine's (engine/src/rollouts/contract.ts); workflows/test/contract.test.ts checks they match.
export const pauseUpdate = defineUpdate<RolloutState, [RolloutControlArgs]>('pause');
export const resumeUpdate = defineUpdate<RolloutState, [RolloutControlArgs]>('resume');
export const promoteUpdate = defineUpdate<RolloutState, [RolloutControlArgs]>('promote');
export const abortUpdate = defineUpdate<RolloutState, [RolloutControlArgs]>('abort');
export const rolloutStateQuery = defineQuery<RolloutState>('state');

/** Actor of automatic steps; equals ROLLOUT_SYSTEM_ACTOR in the engine. */
export const SYSTEM_ACTOR = 'rollout-workflow';

const { beginRollout, applyStage, recordRolloutEvent, finishRollout, checkGuardrails } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 10, initialInterval: '1 second' },
});

const MINUTE = 60_000;
type Outcome = { kind: 'completed' | 'rolled-back' | 'aborted'; actor: string; reason: string };

/**
 * Rolls an approved version out stage by stage (a release per stage), checks guardrails every
 * `checkEveryMinutes` and pauses or rolls back on a breach; people pause, resume, promote or abort
 * through updates. Completing the last stage makes the version active and retires the old one.
 * @example client.workflow.start(rolloutWorkflow, { workflowId: 'rollout-<version>', taskQueue, args: [input] })
 */
export async function rolloutWorkflow(input: RolloutInput): Promise<RolloutState> {
  const { rolloutId, guardrails, forecast } = input;
  const state: RolloutState = {
    rolloutId,
    programId: input.programId,
    versionId: input.versionId,
    fromVersionId: input.fromVersionId,
    status: 'running',
    stageIndex: -1,
    stages: input.stages,
    stageMinutesLeft: null,
    lastCheck: null,
    history: [],
  };
  let paused = false;
  let promoteNow = false;
  let abort: RolloutControlArgs | undefined;
  let finished = false;
  const event = (kind: RolloutEvent['kind'], actor: string, reason: string, data?: Record<string, unknown>): RolloutEvent => {
    const e: RolloutEvent = { seq: state.history.length + 1, kind, actor, reason, at: new Date().toISOString(), ...(data ? { data } : {}) };
    state.history.push(e);
    return e;
  };
  const by = (args: RolloutControlArgs, what: string) => args.reason || `${what} by ${args.actor.displayName}`;

  setHandler(rolloutStateQuery, () => state);
  setHandler(
    pauseUpdate,
    async (args) => {
      paused = true;
      state.status = 'paused';
      await recordRolloutEvent({ rolloutId, event: event('paused', args.actor.userId, by(args, 'Paused')), status: 'paused' });
      return state;
    },
    { validator: (_args: RolloutControlArgs) => void (state.status !== 'running' && refuse('conflict', `The rollout is ${state.status}; only a running rollout can be paused.`)) },
  );
  setHandler(
    resumeUpdate,
    async (args) => {
      paused = false;
      state.status = 'running';
      await recordRolloutEvent({ rolloutId, event: event('resumed', args.actor.userId, by(args, 'Resumed')), status: 'running' });
      return state;
    },
    { validator: (_args: RolloutControlArgs) => void (state.status !== 'paused' && refuse('conflict', `The rollout is ${state.status}; only a paused rollout can be resumed.`)) },
  );
  setHandler(
    promoteUpdate,
    async (args) => {
      const from = state.stageIndex;
      promoteNow = true;
      await recordRolloutEvent({ rolloutId, event: event('promoted', args.actor.userId, by(args, 'Promoted to the next stage'), { fromStage: from }) });
      await condition(() => state.stageIndex > from || finished);
      return state;
    },
    { validator: (_args: RolloutControlArgs) => void (state.status !== 'running' && refuse('conflict', `The rollout is ${state.status}; resume it before promoting.`)) },
  );
  setHandler(
    abortUpdate,
    async (args) => {
      abort = args;
      await condition(() => finished);
      return state;
    },
    { validator: (_args: RolloutControlArgs) => void (!['running', 'paused'].includes(state.status) && refuse('conflict', `The rollout is already ${state.status}.`)) },
  );

  const started = `Rollout of version ${input.versionNumber} started by ${input.startedBy.displayName} in ${input.stages.length} stages.`;
  await beginRollout({ ...input, workflowId: workflowInfo().workflowId, event: event('started', input.startedBy.userId, started, { stages: input.stages }) });

  let outcome: Outcome | undefined;
  stages: for (let i = 0; i < input.stages.length; i++) {
    const stage = input.stages[i]!;
    promoteNow = false;
    state.stageIndex = i;
    const what = `Stage ${i + 1} of ${input.stages.length}: ${stage.name}`;
    await applyStage({ rolloutId, stageIndex: i, event: event('stage', SYSTEM_ACTOR, what, { canaryShare: stage.canaryShare, members: stage.members.length }) });
    let left = stage.durationMinutes * MINUTE;
    let untilCheck = guardrails.checkEveryMinutes * MINUTE;
    while (left > 0) {
      state.stageMinutesLeft = Math.ceil(left / MINUTE);
      if (abort) break stages;
      if (promoteNow) break;
      if (paused) {
        await condition(() => !paused || abort !== undefined);
        continue;
      }
      const since = Date.now();
      await condition(() => paused || promoteNow || abort !== undefined, Math.min(left, untilCheck));
      const spent = Date.now() - since;
      left -= spent;
      untilCheck -= spent;
      if (untilCheck > 0 || paused || promoteNow || abort) continue;
      untilCheck = guardrails.checkEveryMinutes * MINUTE;
      const check = await checkGuardrails({ rolloutId, guardrails, forecast });
      state.lastCheck = check;
      if (!check.breached) continue;
      const reason = check.reasons.join(' ');
      if (guardrails.onBreach === 'rollback') {
        await recordRolloutEvent({ rolloutId, event: event('guardrail-breach', SYSTEM_ACTOR, reason, { check }) });
        outcome = { kind: 'rolled-back', actor: SYSTEM_ACTOR, reason: `Rolled back automatically: ${reason}` };
        break stages;
      }
      paused = true;
      state.status = 'paused';
      await recordRolloutEvent({ rolloutId, event: event('guardrail-breach', SYSTEM_ACTOR, `Paused automatically: ${reason}`, { check }), status: 'paused' });
    }
  }

  if (!outcome && abort) outcome = { kind: 'aborted', actor: abort.actor.userId, reason: by(abort, 'Aborted') };
  outcome ??= { kind: 'completed', actor: SYSTEM_ACTOR, reason: `Version ${input.versionNumber} runs for all members.` };
  await finishRollout({ rolloutId, outcome: outcome.kind, event: event(outcome.kind, outcome.actor, outcome.reason) });
  state.status = outcome.kind;
  state.stageMinutesLeft = null;
  finished = true;
  await condition(allHandlersFinished);
  return state;
}
