import { ActivityFailure, ApplicationFailure, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ProgramHousekeepingReport } from '@loyalty/engine/housekeeping';
import type { Activities } from '../activities';

const { listHousekeepingPrograms, runHousekeepingForProgram } = proxyActivities<Activities>({
  // A program's run is many short transactions; a large program may take minutes.
  startToCloseTimeout: '30 minutes',
  retry: { maximumAttempts: 5, initialInterval: '5 seconds' },
});

/** `asOf` overrides the time the run is for (tests, a manual catch-up); schedules pass nothing. */
export type ProgramHousekeepingInput = { asOf?: string };
export type ProgramHousekeepingResult = { asOf: string; programs: ProgramHousekeepingReport[] };

/**
 * The time-driven part of every active program (pending release, lapsed holds, expiry,
 * announcements, tier re-checks) as of one instant, one activity per program. Scheduled every 15
 * minutes by the worker (see schedules.ts). A program that fails does not stop the
 * others; the run then fails at the end, naming them, so it shows in the Temporal UI.
 */
export async function programHousekeeping(input: ProgramHousekeepingInput = {}): Promise<ProgramHousekeepingResult> {
  const asOf = input.asOf ?? scheduledTime();
  const programs: ProgramHousekeepingReport[] = [];
  const failed: string[] = [];
  for (const programId of await listHousekeepingPrograms()) {
    try {
      programs.push(await runHousekeepingForProgram({ programId, asOf }));
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      log.warn('program housekeeping failed', { programId, error: error.cause?.message ?? error.message });
      failed.push(programId);
    }
  }
  if (failed.length > 0) {
    throw ApplicationFailure.create({ message: `Housekeeping failed for ${failed.join(', ')}`, type: 'housekeeping-failed', nonRetryable: true, details: [{ asOf, programs }] });
  }
  return { asOf, programs };
}

/**
 * The schedule's nominal time of this run (the same on replay, and round: 10:15:00, not the
 * moment the worker picked it up), or the workflow's start when it was not started by a schedule.
 */
function scheduledTime(): string {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get({ name: 'TemporalScheduledStartTime', type: 'DATETIME' });
  return (scheduled ?? info.startTime).toISOString();
}
