import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { programHousekeeping } from './workflows';

export const HOUSEKEEPING_SCHEDULE_ID = 'loyalty-program-housekeeping';

/**
 * Creates the program housekeeping schedule once; later starts leave it as it is. Every 15
 * minutes: lapsed till holds give their reward stock back within one hold period, while expiry
 * and tier re-checks (dated by day) find nothing most runs. A run still going when the next is due
 * makes that one skip; workflow ids are `loyalty-program-housekeeping-<scheduled time>`.
 */
export async function ensureHousekeepingSchedule(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: HOUSEKEEPING_SCHEDULE_ID,
      spec: { intervals: [{ every: '15 minutes' }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
      action: {
        type: 'startWorkflow',
        workflowType: programHousekeeping,
        workflowId: HOUSEKEEPING_SCHEDULE_ID,
        taskQueue,
        args: [],
      },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
