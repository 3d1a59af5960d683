export { createWorker, WORKFLOWS_PATH } from './worker';
export { createActivities, type Activities, type ActivityDeps } from './activities';
export { ensureMaintenanceSchedule, MAINTENANCE_SCHEDULE_ID } from './maintenance-schedule';
export { ensureHousekeepingSchedule, HOUSEKEEPING_SCHEDULE_ID } from './housekeeping-schedule';
