export { createWorker, WORKFLOWS_PATH } from './worker';
export { createActivities, type Activities, type ActivityDeps } from './activities';
export { ensureSchedules, HOUSEKEEPING_SCHEDULE_ID, MAINTENANCE_SCHEDULE_ID } from './schedules';
export { JOURNEY_RELAY, relayJourneyEvents, startJourneyRelay } from './journey-relay';
export { ChannelError, createChannels, loadChannelConfig, type Channels } from './channels';
