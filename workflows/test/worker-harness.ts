import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createLogger } from '@loyalty/engine/log';
import type { Db } from '@loyalty/engine/db';
import type { ScenarioGate } from '@loyalty/engine/approvals';
import { createActivities, WORKFLOWS_PATH } from '../src';

/**
 * A worker over the real activities and SQLite file, running in the background until `stop()`.
 * @example const w = await runWorker(env, db, 'approval-test'); ...; await w.stop();
 */
export async function runWorker(env: TestWorkflowEnvironment, db: Db, taskQueue: string, scenarioGate?: ScenarioGate) {
  const log = createLogger({ name: 'workflow-test', level: 'silent' });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createActivities({ db, log, ...(scenarioGate ? { scenarioGate } : {}) }),
  });
  const running = worker.run();
  return {
    worker,
    async stop() {
      worker.shutdown();
      await running;
    },
  };
}

/**
 * Polls until `ok` holds for the value `read` returns (queries see a workflow a moment after a signal).
 * @example await eventually(() => approvalState(client, programId), (s) => s.gate !== null)
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`condition not reached; last value: ${JSON.stringify(value).slice(0, 500)}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Keeps the SDK's info logs out of test output; call before the test environment starts. */
export function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process.
  }
}
