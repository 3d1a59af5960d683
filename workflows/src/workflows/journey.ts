import { ActivityFailure, condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { JourneyOccurrence, StepOutcome } from '@loyalty/engine/journeys';
import type { Activities } from '../activities';

const { runJourneyStep, journeyConditionHolds, endJourneyRun } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10, initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

// A provider that is down is retried for about a day (the activity records the failure on the last attempt).
const { deliverJourneyMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 12, initialInterval: '30 seconds', backoffCoefficient: 3, maximumInterval: '4 hours' },
});

/** A member's domain event, for runs waiting until it happens. */
export const journeyEventSignal = defineSignal<[JourneyOccurrence]>('journeyEvent');

/** `notBefore`: when the first step runs (reminders before points expire are started ahead). */
export type JourneyRunInput = { runId: string; entryStepId: string; notBefore?: string | undefined };
export type JourneyRunResult = { steps: number; status: 'completed' | 'failed' };

/** More steps than any sensible journey takes: a journey looping without a wait ends here. */
export const MAX_JOURNEY_STEPS = 500;
const DAY_MS = 86_400_000;

/**
 * One member's run through one journey (workflow id = run id). Each step is one activity that
 * decides and records; this workflow only keeps the place and waits: timers for `wait` steps and
 * quiet hours, a signal for `wait-until` an event, a daily re-check for `wait-until` a condition.
 */
export async function journeyRun({ runId, entryStepId, notBefore }: JourneyRunInput): Promise<JourneyRunResult> {
  let awaited: Extract<StepOutcome, { kind: 'wait-event' }> | undefined;
  let happened = false;
  setHandler(journeyEventSignal, (o) => {
    // The engine's isEvent test, written out: workflow code imports nothing from the engine at run time.
    if (awaited && o.event === awaited.event && (o.event !== 'custom' || o.name === awaited.eventName)) happened = true;
  });
  const now = () => new Date().toISOString();
  if (notBefore && Date.parse(notBefore) > Date.now()) await sleep(Date.parse(notBefore) - Date.now());
  let stepId = entryStepId;
  try {
    for (let seq = 0; seq < MAX_JOURNEY_STEPS; seq++) {
      const at = now();
      const outcome = await runJourneyStep({ runId, stepId, seq, at });
      switch (outcome.kind) {
        case 'end':
          return { steps: seq + 1, status: 'completed' };
        case 'next':
          stepId = outcome.next;
          break;
        case 'sleep':
          await sleep(outcome.ms);
          stepId = outcome.next;
          break;
        case 'deliver':
          await deliverJourneyMessage({ message: outcome.message, at });
          stepId = outcome.next;
          break;
        case 'wait-event': {
          awaited = outcome;
          happened = false;
          const ok = await condition(() => happened, outcome.timeoutMs);
          awaited = undefined;
          stepId = ok ? outcome.next : outcome.timeoutNext;
          break;
        }
        case 'wait-condition': {
          const deadline = Date.now() + outcome.timeoutMs;
          let ok = false;
          while (!ok && Date.now() < deadline) {
            await sleep(Math.min(DAY_MS, deadline - Date.now()));
            ok = await journeyConditionHolds({ runId, stepId, seq, at: now() });
          }
          stepId = ok ? outcome.next : outcome.timeoutNext;
          break;
        }
      }
    }
  } catch (error) {
    if (error instanceof ActivityFailure) {
      await endJourneyRun({ runId, status: 'failed', at: now(), error: `Step '${stepId}' failed: ${error.cause?.message ?? error.message}` });
    }
    throw error;
  }
  await endJourneyRun({ runId, status: 'failed', at: now(), error: `The journey took ${MAX_JOURNEY_STEPS} steps without reaching an exit; look for a loop without a wait.` });
  return { steps: MAX_JOURNEY_STEPS, status: 'failed' };
}
