import {
  applyStage,
  beginRollout,
  checkGuardrails,
  finishRollout,
  recordRolloutEvent,
  type ApplyStageInput,
  type BeginRolloutInput,
  type CheckGuardrailsInput,
  type FinishRolloutInput,
  type GuardrailCheck,
  type RecordRolloutEventInput,
} from '@loyalty/engine/rollouts';
import { domainCall } from './approval';
import type { ActivityDeps } from './deps';

/** Thin adapters: each mirrors one step of a rollout into SQLite (and releases) through an engine service. */
export function createRolloutActivities({ db, log }: ActivityDeps) {
  return {
    beginRollout: (input: BeginRolloutInput) => domainCall(() => beginRollout({ ctx: { db }, input })),
    applyStage: (input: ApplyStageInput) => domainCall(() => applyStage({ ctx: { db }, input })),
    recordRolloutEvent: (input: RecordRolloutEventInput) => domainCall(() => recordRolloutEvent({ ctx: { db }, input })),
    finishRollout: (input: FinishRolloutInput) => domainCall(() => finishRollout({ ctx: { db }, input })),
    async checkGuardrails(input: CheckGuardrailsInput): Promise<GuardrailCheck> {
      const check = await domainCall(() => checkGuardrails({ ctx: { db }, input }));
      if (check.breached) log.warn({ rolloutId: input.rolloutId, reasons: check.reasons }, 'rollout guardrail breached');
      return check;
    },
  };
}
