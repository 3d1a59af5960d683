/**
 * Staged rollouts: the contract with the rollout workflow, the plan (stages, guardrails), the
 * services its activities call (releases per stage, guardrail checks, finishing), and the
 * engine-side calls that start and steer the workflow.
 */
export * from './contract';
export { defaultStages, DEFAULT_GUARDRAILS, GuardrailsInput, planProblems, StageInput, stageMembers } from './plan';
export { versionFigures } from './figures';
export { evaluateGuardrails } from './evaluate-guardrails';
export { beginRollout, type BeginRolloutInput } from './begin-rollout';
export { applyStage, type ApplyStageInput } from './apply-stage';
export { recordRolloutEvent, ROLLOUT_SYSTEM_ACTOR, type RecordRolloutEventInput } from './record-rollout-event';
export { checkGuardrails, type CheckGuardrailsInput } from './check-guardrails';
export { finishRollout, type FinishRolloutInput } from './finish-rollout';
export { startRollout, StartRolloutInput } from './start-rollout';
export { controlRollout, ControlRolloutInput } from './control-rollout';
export { rolloutState, RolloutStateInput } from './rollout-state';
export { listRollouts, ListRolloutsInput } from './list-rollouts';
