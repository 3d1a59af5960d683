import type { Client } from '@temporalio/client';

export type TemporalHealth = {
  temporal: { status: 'up' | 'down'; detail?: string };
  worker: { status: 'up' | 'down'; pollers: number; detail?: string };
};

// Values of temporal.api.enums.v1 TaskQueueKind.NORMAL and TaskQueueType.WORKFLOW (stable wire enums);
// @temporalio/proto's namespace object is not importable by name from ESM.
const TASK_QUEUE_KIND_NORMAL = 1;
const TASK_QUEUE_TYPE_WORKFLOW = 1;

/** A poller seen within this window counts as a live worker. */
const POLLER_FRESH_MS = 90_000;

/**
 * Asks Temporal itself whether it answers and whether a worker polls our task queue,
 * so health reflects what Temporal sees, not what a process believes about itself.
 */
export async function checkTemporal(client: Client, taskQueue: string, now = Date.now()): Promise<TemporalHealth> {
  try {
    await client.workflowService.getSystemInfo({});
  } catch (error) {
    const detail = (error as Error).message;
    return { temporal: { status: 'down', detail }, worker: { status: 'down', pollers: 0, detail: 'Temporal is down' } };
  }
  try {
    const res = await client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    const fresh = (res.pollers ?? []).filter((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return now - seconds * 1000 < POLLER_FRESH_MS;
    });
    return {
      temporal: { status: 'up' },
      worker: fresh.length
        ? { status: 'up', pollers: fresh.length }
        : { status: 'down', pollers: 0, detail: `no worker polls task queue '${taskQueue}'` },
    };
  } catch (error) {
    return { temporal: { status: 'up' }, worker: { status: 'down', pollers: 0, detail: (error as Error).message } };
  }
}
