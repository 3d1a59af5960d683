import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { databaseMaintenance, programHousekeeping } from './workflows';

export const MAINTENANCE_SCHEDULE_ID = 'loyalty-database-maintenance';
export const HOUSEKEEPING_SCHEDULE_ID = 'loyalty-program-housekeeping';

const SCHEDULES = [
  { scheduleId: MAINTENANCE_SCHEDULE_ID, every: '1 hour', workflowType: databaseMaintenance },
  // Every 15 minutes: lapsed till holds give their reward stock back within one hold period, while
  // expiry and tier re-checks (dated by day) find nothing most runs. Workflow ids are
  // `loyalty-program-housekeeping-<scheduled time>`.
  { scheduleId: HOUSEKEEPING_SCHEDULE_ID, every: '15 minutes', workflowType: programHousekeeping, workflowId: HOUSEKEEPING_SCHEDULE_ID },
] as const;

/**
 * Creates the worker's recurring jobs once; later starts leave them as they are. A run still going
 * when the next is due makes that one skip.
 */
export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  for (const { scheduleId, every, workflowType, ...rest } of SCHEDULES) {
    try {
      await client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every }] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
        action: { type: 'startWorkflow', workflowType, taskQueue, args: [], ...('workflowId' in rest ? { workflowId: rest.workflowId } : {}) },
      });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
}
