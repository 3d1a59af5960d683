import { journeyResults, JourneyResultsInput } from '../../journeys';
import { versionSeries, VersionSeriesInput } from '../../monitoring';
import { router, staffProcedure } from './init';

export const monitoringRouter = router({
  /** Hourly series per version (events, points issued/redeemed, rewards, messages, errors, fraud flags). */
  series: staffProcedure('reports.read').input(VersionSeriesInput).query(({ ctx, input }) => versionSeries({ ctx, input })),
  /** Per journey since a date (30 days back by default): runs by status, messages by status with the top reasons, split variants. */
  journeyResults: staffProcedure('reports.read').input(JourneyResultsInput).query(({ ctx, input }) => journeyResults({ ctx, input })),
});
