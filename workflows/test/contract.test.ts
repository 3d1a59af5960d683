import { APPROVAL_QUERIES, APPROVAL_SIGNALS, APPROVAL_UPDATES, APPROVAL_WORKFLOW } from '@loyalty/engine/approvals';
import { ROLLOUT_QUERIES, ROLLOUT_SYSTEM_ACTOR, ROLLOUT_UPDATES, ROLLOUT_WORKFLOW } from '@loyalty/engine/rollouts';
import { describe, expect, it } from 'vitest';
import { approvalStateQuery, approvalWorkflow, approveUpdate, commentUpdate, rejectUpdate, versionSubmitted } from '../src/workflows/approval';
import { abortUpdate, pauseUpdate, promoteUpdate, resumeUpdate, rolloutStateQuery, rolloutWorkflow, SYSTEM_ACTOR } from '../src/workflows/rollout';

// The engine talks to these workflows by name (it must not import this package); the names here
// and in engine/src/{approvals,rollouts}/contract.ts must agree.
describe('workflow contracts shared with the engine', () => {
  it('approval workflow, signal, updates and query carry the engine’s names', () => {
    expect(approvalWorkflow.name).toBe(APPROVAL_WORKFLOW);
    expect(versionSubmitted.name).toBe(APPROVAL_SIGNALS.submitted);
    expect([approveUpdate.name, rejectUpdate.name, commentUpdate.name]).toEqual([APPROVAL_UPDATES.approve, APPROVAL_UPDATES.reject, APPROVAL_UPDATES.comment]);
    expect(approvalStateQuery.name).toBe(APPROVAL_QUERIES.state);
  });

  it('rollout workflow, updates, query and system actor carry the engine’s names', () => {
    expect(rolloutWorkflow.name).toBe(ROLLOUT_WORKFLOW);
    expect([pauseUpdate.name, resumeUpdate.name, promoteUpdate.name, abortUpdate.name]).toEqual(Object.values(ROLLOUT_UPDATES));
    expect(rolloutStateQuery.name).toBe(ROLLOUT_QUERIES.state);
    expect(SYSTEM_ACTOR).toBe(ROLLOUT_SYSTEM_ACTOR);
  });
});
