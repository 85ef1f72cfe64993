// Browser-safe: report builders only (SQL text and ECharts options). No DuckDB, no node:*, and
// nothing from ../warehouse but types. Server-side rendering lives in ../report/svg.ts.
export { reports, type ReportDefinition } from './registry.js';
export { COMPARISON_REPORT_IDS, OWN_REPORT_IDS, REPORT_IDS, type ReportId } from './report-ids.js';
export { dashboardHeight, reportSubtitle } from './dashboard-layout.js';
export type { ReportParams, SqlParam, SqlQuery } from './shared/sql-query.js';
export type { ChartContext, Lang } from './shared/lang.js';
export type { RegionDrill, ReportRegion, SeriesHit } from './shared/region-drill.js';
export { NO_DATA, NO_DATA_COLOR } from './shared/no-data.js';
export { TARGET_GROUPS } from './shared/target-groups.js';

export { literacyRateQuery, LITERACY_INDICATOR, type LiteracyRateRow } from './literacy-rate/query.js';
export { literacyRateOptions, LITERACY_RATE_TITLE } from './literacy-rate/options.js';
export {
  trainingsQuery,
  TARGET_GROUP_KEY,
  TRAINING_PERSON_TIMES,
  TRAININGS_HELD,
  type TrainingsRow,
} from './trainings/query.js';
export { trainingsOptions, TRAININGS_TITLE } from './trainings/options.js';
export { scienceBasesQuery, SCIENCE_BASES, SCIENCE_VENUES, type ScienceBasesRow } from './science-bases/query.js';
export { scienceBasesOptions, SCIENCE_BASES_TITLE } from './science-bases/options.js';
export { targetsOnTrackQuery, type TargetsOnTrackRow } from './targets-on-track/query.js';
export { onTrackShare, targetsOnTrackOptions, TARGETS_ON_TRACK_TITLE } from './targets-on-track/options.js';
export { reportingHeatmapQuery, type ReportingHeatmapRow } from './reporting-heatmap/query.js';
export { reportingHeatmapOptions, REPORTING_HEATMAP_TITLE } from './reporting-heatmap/options.js';
export { targetProgressQuery, type TargetProgressRow } from './target-progress/query.js';
export { targetRollupQuery, type TargetRollupRow } from './target-progress/rollup-query.js';
export { targetProgressOptions, TARGET_PROGRESS_TITLE } from './target-progress/options.js';
export { indicatorSeriesQuery, type IndicatorSeriesRow } from './indicator-series/query.js';
export { indicatorSeriesOptions, INDICATOR_SERIES_TITLE } from './indicator-series/options.js';
export { onTrackTrendQuery, type OnTrackTrendRow } from './on-track-trend/query.js';
export { onTrackTrendOptions, ON_TRACK_TREND_TITLE } from './on-track-trend/options.js';
export { departmentReportingQuery, type DepartmentReportingRow } from './department-reporting/query.js';
export { departmentReportingOptions, DEPARTMENT_REPORTING_TITLE } from './department-reporting/options.js';
export { STATUS_COLORS } from './shared/palette.js';
export {
  commitmentBenchmarkQuery,
  type BenchmarkParams,
  type BenchmarkRow,
  type BenchmarkWithin,
} from './commitment-benchmark/query.js';
export {
  benchmarkNote,
  benchmarkOf,
  spreadOf,
  type Benchmark,
  type BenchmarkBasis,
  type BenchmarkEntry,
  type Spread,
} from './commitment-benchmark/benchmark.js';
export { commitmentBenchmarkOptions, COMMITMENT_BENCHMARK_TITLE } from './commitment-benchmark/options.js';
