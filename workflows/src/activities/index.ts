import { createApprovalActivities, type ApprovalActivityDeps } from './approval';
import { createChannels, type Channels } from '../channels';
import { createHousekeepingActivities } from './housekeeping';
import { createJourneyActivities } from './journeys';
import { createMaintenanceActivities } from './maintenance';
import { createRolloutActivities } from './rollout';

export type { ActivityDeps } from './deps';
export type { ApprovalActivityDeps } from './approval';

/**
 * All activities, built once per worker over the engine's services and the message channels
 * (none configured when not given: sends are then recorded as failed, naming what to set up).
 * @example Worker.create({ activities: createActivities({ db, log, channels }), ... })
 */
export function createActivities(deps: ApprovalActivityDeps & { channels?: Channels }) {
  return {
    ...createJourneyActivities({ ...deps, channels: deps.channels ?? createChannels({}) }),
    ...createMaintenanceActivities(deps),
    ...createHousekeepingActivities(deps),
    ...createApprovalActivities(deps),
    ...createRolloutActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
