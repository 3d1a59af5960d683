export { connectTemporal, type TemporalHandle } from './client';
export { temporalConnectionOptions } from './connection-options';
export { checkTemporal, type TemporalHealth } from './health';
