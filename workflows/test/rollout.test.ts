import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { currentRelease, versionForMember } from '@loyalty/engine/releases';
import { DEFAULT_GUARDRAILS, type RolloutStage } from '@loyalty/engine/rollouts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutHandle, rolloutStateOf, startRolloutWorkflow, steerRollout } from '../src/rollout-lifecycle';
import { fixtures, rows, statusOf } from './fixtures';
import { recordHistory } from './histories';
import { approvedForRollout, members, purchases } from './rollout-fixtures';
import { startTimeSkippingServer } from './temporal-env';
import { eventually, quietRuntime, runWorker } from './worker-harness';

// The rollout workflow on the real time-skipping test server over real activities, releases and
// ledger in a SQLite file. Stages last hours or days; the server skips that time.
const TASK_QUEUE = 'rollout-test';
const f = fixtures();
let env: TestWorkflowEnvironment;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  quietRuntime();
  env = await startTimeSkippingServer();
  stopWorker = (await runWorker(env, f.db, TASK_QUEUE)).stop;
});
afterAll(async () => {
  await stopWorker?.();
  await env?.teardown();
  f.cleanup();
});

const DAY = 24 * 60;
const stages = (internal: string[]): RolloutStage[] => [
  { name: 'Internal test members', canaryShare: 0, members: internal, durationMinutes: DAY },
  { name: '5 %', canaryShare: 500, members: [], durationMinutes: 2 * DAY },
  { name: '25 %', canaryShare: 2500, members: [], durationMinutes: 2 * DAY },
  { name: '100 %', canaryShare: 10_000, members: [], durationMinutes: DAY },
];
const actor = () => ({ userId: f.marketer.userId, displayName: f.marketer.displayName });
const inStage = (versionId: string, index: number) => eventually(() => rolloutStateOf(env.client, versionId), (s) => s.stageIndex === index && s.history.at(-1)?.kind !== 'promoted');

describe('rollout workflow (time-skipping server, real activities, releases and ledger)', () => {
  it('goes through every stage, then the version is active for everyone and the old one retired', async () => {
    const { programId, v1, v2, input } = approvedForRollout(f, stages(['m-staff-1']));
    const handle = await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    const result = await handle.result();
    await recordHistory(handle, 'rollout-completed', env.address);

    expect(result.status).toBe('completed');
    expect(result.history.map((e) => e.kind)).toEqual(['started', 'stage', 'stage', 'stage', 'stage', 'completed']);
    const releases = rows(f.db, 'select version_id, canary_version_id, canary_share, canary_members from program_releases where program_id = ? order by seq', programId);
    expect(releases.map((r) => [r.version_id === v1.id ? 'v1' : 'v2', r.canary_version_id ? 'v2' : null, r.canary_share])).toEqual([
      ['v1', null, 0],
      ['v1', 'v2', 0],
      ['v1', 'v2', 500],
      ['v1', 'v2', 2500],
      ['v1', 'v2', 10_000],
      ['v2', null, 0],
    ]);
    // Internal test members keep the new version in every later stage.
    expect(JSON.parse(releases[3]!.canary_members as string)).toEqual(['m-staff-1']);
    expect(versionForMember(currentRelease(f.db, programId)!, 'anyone')).toBe(v2.id);
    expect([statusOf(f.db, v2.id), statusOf(f.db, v1.id)]).toEqual(['active', 'retired']);
    const events = rows(f.db, 'select kind from rollout_events where rollout_id = ? order by seq', input.rolloutId).map((r) => r.kind);
    expect(events).toEqual(['started', 'stage', 'stage', 'stage', 'stage', 'completed']);
    expect(rows(f.db, 'select status from rollouts where id = ?', input.rolloutId)[0]).toEqual({ status: 'completed' });
  });

  it('refuses to start the same version’s rollout twice', async () => {
    const { input } = approvedForRollout(f, stages([]));
    await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    await expect(startRolloutWorkflow(env.client, TASK_QUEUE, input)).rejects.toThrow(/already started/i);
    await steerRollout(env.client, input.versionId, 'abort', { actor: actor() });
  });

  it('does not count paused time, and resumes where it stopped', async () => {
    const { v2, input } = approvedForRollout(f, stages([]));
    await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    await inStage(v2.id, 0);
    const paused = await steerRollout(env.client, v2.id, 'pause', { actor: actor(), reason: 'Complaints from store 12' });
    expect(paused.status).toBe('paused');
    await expect(steerRollout(env.client, v2.id, 'promote', { actor: actor() })).rejects.toMatchObject({ cause: { type: 'conflict' } });
    await env.sleep('5 days');
    expect(await rolloutStateOf(env.client, v2.id)).toMatchObject({ status: 'paused', stageIndex: 0 });
    await steerRollout(env.client, v2.id, 'resume', { actor: actor() });
    const result = await rolloutHandle(env.client, v2.id).result();
    expect(result.status).toBe('completed');
    expect(result.history.filter((e) => e.kind === 'paused' || e.kind === 'resumed').map((e) => [e.kind, e.reason])).toEqual([
      ['paused', 'Complaints from store 12'],
      ['resumed', 'Resumed by Mia Marketer'],
    ]);
  });

  it('promotes to the next stage now, and an abort sends everyone back to the old version', async () => {
    const { programId, v1, v2, input } = approvedForRollout(f, stages(['m-staff-2']));
    await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    await inStage(v2.id, 0);
    const promoted = await steerRollout(env.client, v2.id, 'promote', { actor: actor() });
    expect(promoted.stageIndex).toBe(1);
    expect(currentRelease(f.db, programId)).toMatchObject({ canaryVersionId: v2.id, canaryShare: 500 });
    const aborted = await steerRollout(env.client, v2.id, 'abort', { actor: actor(), reason: 'Wrong campaign dates' });
    expect(aborted).toMatchObject({ status: 'aborted' });
    expect(currentRelease(f.db, programId)).toMatchObject({ versionId: v1.id, canaryVersionId: null });
    expect(statusOf(f.db, v2.id)).toBe('rolled-back');
    expect(rows(f.db, 'select outcome from rollouts where id = ?', input.rolloutId)[0]).toEqual({ outcome: 'Wrong campaign dates' });
    const audit = rows(f.db, "select action from audit_log where entity_id = ? order by seq", input.rolloutId).map((r) => r.action);
    expect(audit).toEqual(['rollout.promoted', 'rollout.aborted']);
  });

  it('rolls back automatically when the new version gives far more points per purchase than forecast', async () => {
    const { programId, v1, v2, input } = approvedForRollout(f, [
      { name: 'Pilot', canaryShare: 0, members: [], durationMinutes: 2 * DAY },
      { name: '100 %', canaryShare: 10_000, members: [], durationMinutes: DAY },
    ], { forecast: { pointsPerPurchase: 10 }, guardrails: { ...DEFAULT_GUARDRAILS, checkEveryMinutes: 30, minPurchases: 5 } });
    input.stages[0]!.members = members(f.db, programId, 2, 'canary');
    const control = members(f.db, programId, 10, 'control');
    const handle = await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    await inStage(v2.id, 0);
    // Live data after the rollout began: 10 points per purchase on v1, 500 on v2's pilot members.
    purchases(f.db, programId, v1.id, [...control, ...control], 10);
    purchases(f.db, programId, v2.id, [...input.stages[0]!.members, ...input.stages[0]!.members, ...input.stages[0]!.members], 500);
    const result = await handle.result();
    await recordHistory(handle, 'rollout-rolled-back', env.address);

    expect(result.status).toBe('rolled-back');
    expect(result.lastCheck).toMatchObject({ breached: true, canary: { purchases: 6, pointsPerPurchase: 500 }, control: { purchases: 20, pointsPerPurchase: 10 } });
    const last = result.history.at(-1)!;
    expect(last.kind).toBe('rolled-back');
    expect(last.reason).toContain('Points per purchase 500 is 50x the old version');
    expect(last.reason).toContain('50x the forecast of 10');
    expect(currentRelease(f.db, programId)).toMatchObject({ versionId: v1.id, canaryVersionId: null });
    expect(statusOf(f.db, v2.id)).toBe('rolled-back');
    expect(rows(f.db, "select kind from rollout_events where rollout_id = ? and kind = 'guardrail-breach'", input.rolloutId)).toHaveLength(1);
  }, 20_000);

  it('pauses instead when the guardrails say so, and waits for people to decide', async () => {
    const { programId, v1, v2, input } = approvedForRollout(f, [{ name: 'Pilot', canaryShare: 0, members: [], durationMinutes: DAY }, { name: '100 %', canaryShare: 10_000, members: [], durationMinutes: DAY }], {
      guardrails: { ...DEFAULT_GUARDRAILS, checkEveryMinutes: 30, minPurchases: 2, onBreach: 'pause' },
    });
    input.stages[0]!.members = members(f.db, programId, 2, 'pilot');
    await startRolloutWorkflow(env.client, TASK_QUEUE, input);
    await inStage(v2.id, 0);
    purchases(f.db, programId, v1.id, members(f.db, programId, 3, 'old'), 10);
    purchases(f.db, programId, v2.id, input.stages[0]!.members, 40);
    await env.sleep('1 hour');
    const state = await eventually(() => rolloutStateOf(env.client, v2.id), (s) => s.status === 'paused');
    expect(state.history.at(-1)).toMatchObject({ kind: 'guardrail-breach', reason: expect.stringContaining('Paused automatically: Points per purchase 40 is 4x') });
    expect(currentRelease(f.db, programId)).toMatchObject({ canaryVersionId: v2.id });
    const aborted = await steerRollout(env.client, v2.id, 'abort', { actor: actor(), reason: 'Confirmed: bonus misconfigured' });
    expect(aborted.status).toBe('aborted');
    expect(currentRelease(f.db, programId)).toMatchObject({ versionId: v1.id, canaryVersionId: null });
  });
});
