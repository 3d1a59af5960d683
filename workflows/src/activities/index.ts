import type { ActivityDeps } from './deps';
import { createMaintenanceActivities } from './maintenance';

export type { ActivityDeps } from './deps';

/**
 * All activities, built once per worker over the engine's services.
 * @example Worker.create({ activities: createActivities({ db, log }), ... })
 */
export function createActivities(deps: ActivityDeps) {
  return { ...createMaintenanceActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
