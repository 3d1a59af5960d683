import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createSession } from '@loyalty/engine/auth';
import { createApp } from '@loyalty/engine/http';
import { createLogger } from '@loyalty/engine/log';
import { recordRelease } from '@loyalty/engine/releases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './fixtures';
import { startDevServer } from './temporal-env';
import { eventually, quietRuntime, runWorker } from './worker-harness';

// End to end over HTTP: the engine's tRPC procedures start and steer the approval and rollout
// workflows on the real Temporal dev server, run by a worker over the same SQLite file.
const TASK_QUEUE = 'trpc-workflows-test';
const f = fixtures();
let env: TestWorkflowEnvironment;
let stopWorker: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  quietRuntime();
  env = await startDevServer();
  stopWorker = (await runWorker(env, f.db, TASK_QUEUE)).stop;
  app = createApp({
    db: f.db,
    log: createLogger({ name: 'trpc-workflows-test', level: 'silent' }),
    temporal: async () => undefined,
    workflows: () => ({ client: env.client, taskQueue: TASK_QUEUE }),
  });
});
afterAll(async () => {
  await stopWorker?.();
  await env?.teardown();
  f.cleanup();
});

type Answer = { status: number; data: unknown; code?: string; message?: string };
const cookie = (userId: string) => `loyalty_session=${createSession(f.db, userId)}`;
async function call(who: string, kind: 'query' | 'mutation', path: string, input: unknown): Promise<Answer> {
  const headers: Record<string, string> = { cookie: who };
  const res =
    kind === 'query'
      ? await app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await app.request(`/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'x-loyalty-csrf': '1' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string } } };
  return { status: res.status, data: body.result?.data, code: body.error?.data.code, message: body.error?.message };
}

describe('tRPC approvals.* and rollouts.* on the real Temporal dev server', () => {
  it('submits, refuses who may not decide, approves, rolls out by promotion and shows it all', async () => {
    const marketer = cookie(f.marketer.userId);
    const finance = cookie(f.finance.userId);
    const outsider = cookie(f.outsider.userId);
    const analyst = cookie(f.analyst.userId);
    const { programId, v1, spec } = f.program(['finance']);
    recordRelease({ ctx: { db: f.db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: v1.id, reason: 'Launch' } });
    const v2 = f.nextVersion(programId, spec, 'Stars');

    expect(await call(marketer, 'mutation', 'approvals.submit', { versionId: v2.id })).toMatchObject({ status: 200, data: { workflowId: `approval-${programId}` } });
    const inReview = await eventually(() => call(marketer, 'query', 'approvals.state', { programId }), (a) => (a.data as { gate: unknown } | undefined)?.gate != null);
    expect(inReview.data).toMatchObject({ versionId: v2.id, status: 'in-review', pendingRoles: ['finance'], gate: { ran: 0 } });
    expect(await call(marketer, 'mutation', 'approvals.submit', { versionId: v2.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/is in-review/) });
    // Policy first (marketers cannot approve at all), then the workflow (no finance role).
    expect(await call(marketer, 'mutation', 'approvals.approve', { versionId: v2.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await call(outsider, 'mutation', 'approvals.approve', { versionId: v2.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/none of the approver roles/) });
    expect(await call(marketer, 'mutation', 'approvals.reply', { versionId: v2.id, text: 'Stars instead of points, as discussed.' })).toMatchObject({ status: 200 });
    expect(await call(finance, 'mutation', 'approvals.approve', { versionId: v2.id, comment: 'Fine' })).toMatchObject({ status: 200, data: { status: 'approved' } });
    await eventually(() => call(analyst, 'query', 'approvals.statuses', { programId }), (a) => (a.data as { status: string }[])[1]?.status === 'approved');
    const reviews = (await call(analyst, 'query', 'approvals.list', { programId })).data as { status: string; events: { kind: string }[] }[];
    expect(reviews[0]).toMatchObject({ status: 'approved' });
    expect(reviews[0]!.events.map((e) => e.kind)).toEqual(['submitted', 'scenarios', 'comment', 'approved', 'decided']);

    const stages = [{ name: '5 %', canaryShare: 500, durationMinutes: 60 }, { name: '100 %', canaryShare: 10_000, durationMinutes: 60 }];
    expect(await call(analyst, 'mutation', 'rollouts.start', { versionId: v2.id, stages })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await call(marketer, 'mutation', 'rollouts.start', { versionId: v2.id, stages })).toMatchObject({ status: 200, data: { workflowId: `rollout-${v2.id}` } });
    expect(await call(marketer, 'mutation', 'rollouts.start', { versionId: v2.id, stages })).toMatchObject({ code: 'CONFLICT' });
    await eventually(() => call(marketer, 'query', 'rollouts.state', { versionId: v2.id }), (a) => (a.data as { stageIndex: number } | undefined)?.stageIndex === 0);
    expect(await call(marketer, 'mutation', 'rollouts.resume', { versionId: v2.id })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/only a paused rollout/) });
    expect(await call(marketer, 'mutation', 'rollouts.pause', { versionId: v2.id, reason: 'Checking' })).toMatchObject({ data: { status: 'paused' } });
    expect(await call(marketer, 'mutation', 'rollouts.resume', { versionId: v2.id })).toMatchObject({ data: { status: 'running' } });
    expect(await call(marketer, 'mutation', 'rollouts.promote', { versionId: v2.id })).toMatchObject({ data: { stageIndex: 1 } });
    expect(await call(marketer, 'mutation', 'rollouts.promote', { versionId: v2.id })).toMatchObject({ data: { status: 'completed' } });

    const rollouts = (await call(analyst, 'query', 'rollouts.list', { programId })).data as { status: string; events: { kind: string }[] }[];
    expect(rollouts[0]!.status).toBe('completed');
    expect(rollouts[0]!.events.map((e) => e.kind)).toEqual(['started', 'stage', 'paused', 'resumed', 'promoted', 'stage', 'promoted', 'completed']);
    const statuses = (await call(analyst, 'query', 'approvals.statuses', { programId })).data as { status: string }[];
    expect(statuses.map((s) => s.status)).toEqual(['retired', 'active']);

    const now = new Date();
    const series = await call(analyst, 'query', 'monitoring.series', { programId, versionIds: [v1.id, v2.id], from: new Date(now.getTime() - 3_600_000).toISOString(), to: now.toISOString() });
    expect(series).toMatchObject({ status: 200, data: [{ versionId: v1.id }, { versionId: v2.id }] });
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toMatch(/http_requests_total\{method="POST",route="\/trpc\/\*",status="200"\} \d+/);
  }, 60_000);
});
