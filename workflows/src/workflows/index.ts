// Deterministic code only: this file is bundled into the Temporal workflow sandbox.
export { databaseMaintenance } from './maintenance';
export { programHousekeeping } from './housekeeping';
export { approvalWorkflow } from './approval';
export { rolloutWorkflow } from './rollout';
export { journeyRun, journeyEventSignal } from './journey';
