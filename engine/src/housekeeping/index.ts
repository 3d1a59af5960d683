/**
 * Housekeeping: the scheduled, time-driven part of loyalty programs (pending release, lapsed
 * holds, expiry, expiry announcements, tier re-checks), orchestrating the ledger, events and tiers
 * services. Run by the `programHousekeeping` Temporal workflow on a schedule.
 * @example await runProgramHousekeeping({ ctx: { db }, input: { asOf } })
 */
export { announcementDays, DEFAULT_ANNOUNCEMENT_DAYS } from './announce-expiring';
export { listActivePrograms } from './list-active-programs';
export type { HousekeepingReport, ProgramHousekeepingReport } from './report';
export { runProgramHousekeeping, RunProgramHousekeepingInput } from './run-program-housekeeping';
