import { createApprovalActivities, type ApprovalActivityDeps } from './approval';
import { createHousekeepingActivities } from './housekeeping';
import { createMaintenanceActivities } from './maintenance';
import { createRolloutActivities } from './rollout';

export type { ActivityDeps } from './deps';
export type { ApprovalActivityDeps } from './approval';

/**
 * All activities, built once per worker over the engine's services.
 * @example Worker.create({ activities: createActivities({ db, log }), ... })
 */
export function createActivities(deps: ApprovalActivityDeps) {
  return {
    ...createMaintenanceActivities(deps),
    ...createHousekeepingActivities(deps),
    ...createApprovalActivities(deps),
    ...createRolloutActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
