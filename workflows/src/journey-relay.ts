import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '@loyalty/engine/db';
import { collectJourneyWork, outboxCursor, readOutbox, saveOutboxCursor } from '@loyalty/engine/journeys';
import type { Logger } from '@loyalty/engine/log';
import { journeyEventSignal, type journeyRun } from './workflows/journey';

/** The relay's name in `outbox_cursors`. */
export const JOURNEY_RELAY = 'journeys';

/**
 * Hands new outbox events to journeys: starts the runs they trigger (workflow id = run id, so a
 * run starts at most once) and signals the member's running ones. The cursor moves only after
 * Temporal took the work, so a crash repeats work, which is harmless, and never loses it.
 * @example await relayJourneyEvents({ db, client, taskQueue }) // { started: 1, signalled: 0 }
 */
export async function relayJourneyEvents({ db, client, taskQueue }: { db: Db; client: Client; taskQueue: string }): Promise<{ started: number; signalled: number }> {
  const done = { started: 0, signalled: 0 };
  for (;;) {
    const afterSeq = outboxCursor(db, JOURNEY_RELAY);
    // Most rounds find nothing new: a read, without taking the write lock from the server.
    if (readOutbox(db, afterSeq, 1).length === 0) return done;
    const work = collectJourneyWork({ ctx: { db }, input: { afterSeq } });
    if (work.lastSeq === afterSeq) return done;
    for (const start of work.starts) {
      try {
        await client.workflow.start<typeof journeyRun>('journeyRun', { taskQueue, workflowId: start.runId, args: [start], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }
    for (const { runId, occurrence } of work.signals) {
      try {
        await client.workflow.getHandle(runId).signal(journeyEventSignal, occurrence);
      } catch (error) {
        // The run ended since it was read as running: nothing waits for the event.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    saveOutboxCursor(db, JOURNEY_RELAY, work.lastSeq);
    done.started += work.starts.length;
    done.signalled += work.signals.length;
  }
}

/**
 * Runs the relay every `intervalMs` until stopped; a failed round (Temporal unreachable) is logged
 * and tried again on the next one.
 * @example const relay = startJourneyRelay({ db, client, taskQueue, log }); ...; await relay.stop();
 */
export function startJourneyRelay({ db, client, taskQueue, log, intervalMs = 1_000 }: { db: Db; client: Client; taskQueue: string; log: Logger; intervalMs?: number }) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = relayJourneyEvents({ db, client, taskQueue })
      .catch((error: unknown) => log.warn({ error: error instanceof Error ? error.message : String(error) }, 'journey relay round failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
