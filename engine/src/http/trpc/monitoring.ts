import { versionSeries, VersionSeriesInput } from '../../monitoring';
import { router, staffProcedure } from './init';

export const monitoringRouter = router({
  /** Hourly series per version (events, points issued/redeemed, rewards, messages, errors, fraud flags). */
  series: staffProcedure('reports.read').input(VersionSeriesInput).query(({ ctx, input }) => versionSeries({ ctx, input })),
});
