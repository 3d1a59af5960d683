import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '@loyalty/engine/config';
import { enrolMember, processPurchase } from '@loyalty/engine/events';
import { createLogger } from '@loyalty/engine/log';
import type { ProgramHousekeepingReport } from '@loyalty/engine/housekeeping';
import { verifyLedger } from '@loyalty/engine/ledger';
import { changeTier } from '@loyalty/engine/members';
import { createProgram, createTemplateCatalog } from '@loyalty/engine/programs';
import { recordRelease } from '@loyalty/engine/releases';
import { tempDatabase } from '@loyalty/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, HOUSEKEEPING_SCHEDULE_ID, WORKFLOWS_PATH } from '../src';
import { programHousekeeping } from '../src/workflows';
import { rows } from './fixtures';
import { recordHistory } from './histories';
import { startDevServer } from './temporal-env';
import { quietRuntime } from './worker-harness';

const TASK_QUEUE = 'housekeeping-test';

// End to end on real components: the Temporal dev server, the worker the product starts (with its
// schedules), the real activities and a SQLite file on disk.
describe('program housekeeping workflow on the real Temporal dev server', { timeout: 300_000 }, () => {
  let env: TestWorkflowEnvironment;
  const { db, cleanup } = tempDatabase('loyalty-housekeeping-');

  beforeAll(async () => {
    quietRuntime();
    env = await startDevServer();
  });
  afterAll(async () => {
    await env?.teardown();
    cleanup();
  });

  it('releases, downgrades and reports as of the given time; a second run writes nothing; the schedule runs it', async () => {
    // retail-tiers: 30 pending days; Gold needs 1500 EUR over a rolling 12 months, re-checked
    // 12 months after the member got it, one tier down after 30 grace days.
    const { spec } = createTemplateCatalog().load('retail-tiers');
    const { programId, version } = createProgram({ ctx: { db }, input: { spec, author: 'test', templateId: 'retail-tiers' } });
    recordRelease({ ctx: { db, actor: { type: 'system', id: 'test' } }, input: { programId, versionId: version.id, reason: 'test' } });
    const { member } = enrolMember({ ctx: { db }, input: { programId, email: 'gold@example.com', joinedAt: '2025-01-10T09:00:00Z' } });
    changeTier({ ctx: { db }, input: { programId, memberId: member.id, toTierId: 'gold', reason: 'test', at: '2025-01-10T09:00:00Z' } });
    const purchase = processPurchase({
      ctx: { db },
      input: { programId, storeId: 'ams', receiptNumber: 'WF-1', member: { memberId: member.id }, occurredAt: '2025-01-20T10:00:00Z', items: [{ ref: '1', sku: 'NC-SHIRT', quantity: 1, price: 40 }] },
    });

    const config = loadConfig({ TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE, LOG_LEVEL: 'silent' });
    const { worker, client, connection } = await createWorker({ config, db, log: createLogger({ name: 'test', level: 'silent' }) });
    const asOf = '2026-03-01T00:00:00.000Z';
    const counts = () => rows(db, `select (select count(*) from ledger_transactions) as t, (select count(*) from outbox) as o, (select count(*) from member_tier_history) as h`)[0];

    const { first, again, afterFirst, afterAgain, scheduled } = await worker.runUntil(async () => {
      const first = await client.workflow.execute(programHousekeeping, { taskQueue: TASK_QUEUE, workflowId: 'housekeeping-e2e', args: [{ asOf }] });
      const afterFirst = counts();
      const again = await client.workflow.execute(programHousekeeping, { taskQueue: TASK_QUEUE, workflowId: 'housekeeping-e2e-again', args: [{ asOf }] });
      const afterAgain = counts();
      // The schedule the worker created: run it now instead of waiting for the next quarter hour.
      const schedule = client.schedule.getHandle(HOUSEKEEPING_SCHEDULE_ID);
      await schedule.trigger();
      let action: { workflowId: string; scheduledAt: Date } | undefined;
      for (let i = 0; i < 300 && !action; i++) {
        const recent = (await schedule.describe()).info.recentActions[0];
        if (recent) action = { workflowId: recent.action.workflow.workflowId, scheduledAt: recent.scheduledAt };
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(action?.workflowId).toMatch(/^loyalty-program-housekeeping-/);
      const scheduled = { ...action!, result: await client.workflow.getHandle<typeof programHousekeeping>(action!.workflowId).result() };
      return { first, again, afterFirst, afterAgain, scheduled };
    });
    await recordHistory(client.workflow.getHandle('housekeeping-e2e'), 'housekeeping-run', env.address);
    await recordHistory(client.workflow.getHandle(scheduled.workflowId), 'housekeeping-scheduled', env.address);

    expect(first.asOf).toBe(asOf);
    expect(first.programs).toHaveLength(1);
    expect(first.programs[0]).toMatchObject({
      programId,
      pendingReleased: { members: 1, lots: 1, points: purchase.points },
      tiers: { reviewed: 1, downgraded: 1 },
    });
    expect(rows(db, 'select current_tier_id as tier from members where id = ?', member.id)).toEqual([{ tier: 'silver' }]);

    expect(again.programs[0]).toMatchObject({ pendingReleased: { lots: 0 }, expired: { points: 0 }, tiers: { reviewed: 0, downgraded: 0 } });
    expect(afterAgain).toEqual(afterFirst);

    // Scheduled runs work as of the schedule's own time for that run (whole seconds, as in the workflow id).
    const nominal = new Date(Math.floor(scheduled.scheduledAt.getTime() / 1000) * 1000).toISOString();
    expect(scheduled.result.asOf).toBe(nominal);
    expect(scheduled.workflowId).toBe(`${HOUSEKEEPING_SCHEDULE_ID}-${nominal.replace('.000Z', 'Z')}`);
    expect(Math.abs(Date.parse(scheduled.result.asOf) - Date.now())).toBeLessThan(120_000);
    expect(scheduled.result.programs.map((p) => p.programId)).toEqual([programId]);
    const described = await client.schedule.getHandle(HOUSEKEEPING_SCHEDULE_ID).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'programHousekeeping' });
    expect(described.policies.overlap).toBe('SKIP');
    expect(verifyLedger(db)).toEqual({ ok: true, problems: [] });
    await connection.close();
  });

  it('goes on with the other programs when one fails, then fails the run naming it', async () => {
    const report = (programId: string, asOf: string) => ({ programId, asOf }) as ProgramHousekeepingReport;
    const ran: string[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'housekeeping-failing',
      workflowsPath: WORKFLOWS_PATH,
      activities: {
        listHousekeepingPrograms: async () => ['broken', 'fine'],
        runHousekeepingForProgram: async ({ programId, asOf }: { programId: string; asOf: string }) => {
          ran.push(programId);
          if (programId === 'broken') throw ApplicationFailure.nonRetryable('Version missing', 'unprocessable');
          return report(programId, asOf);
        },
      },
    });
    const error = await worker.runUntil(
      env.client.workflow.execute(programHousekeeping, { taskQueue: 'housekeeping-failing', workflowId: 'housekeeping-failing', args: [{ asOf: '2026-03-01T00:00:00Z' }] }).catch((e: unknown) => e),
    );
    expect(ran).toEqual(['broken', 'fine']);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = (error as WorkflowFailedError).cause as ApplicationFailure;
    expect(cause).toMatchObject({ type: 'housekeeping-failed', message: 'Housekeeping failed for broken', nonRetryable: true });
    expect(cause.details).toEqual([{ asOf: '2026-03-01T00:00:00Z', programs: [{ programId: 'fine', asOf: '2026-03-01T00:00:00Z' }] }]);
  });
});
