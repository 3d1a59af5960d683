export { decideAdjustment, DecideAdjustmentInput } from './decide-adjustment';
export { refuseOwnAccount } from './guards';
export { requestAdjustment, RequestAdjustmentInput } from './request-adjustment';
