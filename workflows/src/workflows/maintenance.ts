import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { MaintenanceReport } from '@loyalty/engine/maintenance';

const { runDatabaseMaintenance } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumAttempts: 5, initialInterval: '2 seconds' },
});

/** Periodic SQLite upkeep; scheduled hourly by the worker (see schedules.ts). */
export async function databaseMaintenance(): Promise<MaintenanceReport> {
  return runDatabaseMaintenance({ runId: workflowInfo().runId });
}
