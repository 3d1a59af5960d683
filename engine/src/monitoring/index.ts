/**
 * Monitoring: hourly figures per program version (stored in `version_metrics`, served as time
 * series) and the Prometheus exposition of process, HTTP and domain metrics.
 */
export { OUTBOX_SOURCES, SERIES_FIELDS, type SeriesField } from './sources';
export { aggregateVersionMetrics, AggregateVersionMetricsInput } from './aggregate-version-metrics';
export { versionSeries, VersionSeriesInput, type SeriesPoint } from './version-series';
export { createMetrics, type Metrics } from './prometheus';
