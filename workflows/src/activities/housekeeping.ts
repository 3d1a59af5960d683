import { listActivePrograms, runProgramHousekeeping, type ProgramHousekeepingReport } from '@loyalty/engine/housekeeping';
import { domainCall } from './approval';
import type { ActivityDeps } from './deps';

/** Thin adapters over the engine's housekeeping service, one program per activity (retried on its own). */
export function createHousekeepingActivities({ db, log }: ActivityDeps) {
  return {
    async listHousekeepingPrograms(): Promise<string[]> {
      return listActivePrograms(db);
    },
    async runHousekeepingForProgram(input: { programId: string; asOf: string }): Promise<ProgramHousekeepingReport> {
      const report = await domainCall(() => runProgramHousekeeping({ ctx: { db }, input }));
      const program = report.programs[0]!;
      log.info(
        {
          programId: program.programId,
          asOf: program.asOf,
          released: program.pendingReleased.lots,
          lapsed: program.holdsLapsed.holds,
          expiredPoints: program.expired.points,
          announced: program.announced.events,
          tiersReviewed: program.tiers.reviewed,
          downgraded: program.tiers.downgraded,
          birthdays: program.journeys.birthdays,
          journeyDates: program.journeys.dated,
        },
        'program housekeeping done',
      );
      return program;
    },
  };
}
