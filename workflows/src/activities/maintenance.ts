import { Context } from '@temporalio/activity';
import { runMaintenance, type MaintenanceReport } from '@loyalty/engine/maintenance';
import type { ActivityDeps } from './deps';

export function createMaintenanceActivities({ db, log }: ActivityDeps) {
  return {
    async runDatabaseMaintenance(input: { runId: string }): Promise<MaintenanceReport> {
      const report = runMaintenance({ ctx: { db }, input });
      log.info(
        { runId: report.runId, walPages: report.walPagesCheckpointed, bytes: report.databaseBytes, attempt: Context.current().info.attempt },
        'database maintenance done',
      );
      return report;
    },
  };
}
