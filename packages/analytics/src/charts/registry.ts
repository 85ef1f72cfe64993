import type { EChartsOption } from 'echarts';
import type { Localized } from '@kesu/schema';
import { literacyRateOptions, LITERACY_RATE_TITLE } from './literacy-rate/options.js';
import { literacyRateQuery } from './literacy-rate/query.js';
import { reportingHeatmapOptions, REPORTING_HEATMAP_TITLE } from './reporting-heatmap/options.js';
import { reportingHeatmapQuery } from './reporting-heatmap/query.js';
import { scienceBasesOptions, SCIENCE_BASES_TITLE } from './science-bases/options.js';
import { scienceBasesQuery } from './science-bases/query.js';
import type { ReportId } from './report-ids.js';
import type { ChartContext } from './shared/lang.js';
import type { ReportParams, SqlQuery } from './shared/sql-query.js';
import { targetsOnTrackOptions, TARGETS_ON_TRACK_TITLE } from './targets-on-track/options.js';
import { targetsOnTrackQuery } from './targets-on-track/query.js';
import { trainingsOptions, TRAININGS_TITLE } from './trainings/options.js';
import { trainingsQuery } from './trainings/query.js';
import { targetProgressOptions, TARGET_PROGRESS_TITLE } from './target-progress/options.js';
import { targetProgressQuery } from './target-progress/query.js';
import { indicatorSeriesOptions, INDICATOR_SERIES_TITLE } from './indicator-series/options.js';
import { indicatorSeriesQuery } from './indicator-series/query.js';
import { onTrackTrendOptions, ON_TRACK_TREND_TITLE } from './on-track-trend/options.js';
import { onTrackTrendQuery } from './on-track-trend/query.js';
import { departmentReportingOptions, DEPARTMENT_REPORTING_TITLE } from './department-reporting/options.js';
import { departmentReportingQuery } from './department-reporting/query.js';

/** A report as the web app and the printable report iterate over them. */
export interface ReportDefinition {
  title: Localized;
  query: (params: ReportParams) => SqlQuery;
  /** The chart from the rows its own query returned (as `getRowObjectsJson()` gives them). */
  options: (rows: readonly object[], ctx: ChartContext) => EChartsOption;
  /** The size the chart is laid out for (one panel or two stacked), e.g. for `renderSvg`. */
  size: { width: number; height: number };
}

const ONE_PANEL = { width: 800, height: 480 };
const TWO_PANELS = { width: 800, height: 640 };
const THREE_PANELS = { width: 800, height: 760 };

/** Erases a report's row type so reports can sit in one record. */
function defineReport<Row>(
  report: Omit<ReportDefinition, 'options'> & { options: (rows: readonly Row[], ctx: ChartContext) => EChartsOption },
): ReportDefinition {
  // The rows handed in are the ones this report's own query returned: the one place their type is taken on trust.
  return { ...report, options: (rows, ctx) => report.options(rows as readonly Row[], ctx) };
}

/** Every report, in the order the printable report shows them: the comparisons, then the region's own. */
export const reports: Record<ReportId, ReportDefinition> = {
  'literacy-rate': defineReport({
    title: LITERACY_RATE_TITLE,
    query: literacyRateQuery,
    options: literacyRateOptions,
    size: ONE_PANEL,
  }),
  trainings: defineReport({
    title: TRAININGS_TITLE,
    query: trainingsQuery,
    options: trainingsOptions,
    size: TWO_PANELS,
  }),
  'science-bases': defineReport({
    title: SCIENCE_BASES_TITLE,
    query: scienceBasesQuery,
    options: scienceBasesOptions,
    size: TWO_PANELS,
  }),
  'targets-on-track': defineReport({
    title: TARGETS_ON_TRACK_TITLE,
    query: targetsOnTrackQuery,
    options: targetsOnTrackOptions,
    size: TWO_PANELS,
  }),
  'reporting-heatmap': defineReport({
    title: REPORTING_HEATMAP_TITLE,
    query: reportingHeatmapQuery,
    options: reportingHeatmapOptions,
    size: ONE_PANEL,
  }),
  'target-progress': defineReport({
    title: TARGET_PROGRESS_TITLE,
    query: targetProgressQuery,
    options: targetProgressOptions,
    size: ONE_PANEL,
  }),
  'indicator-series': defineReport({
    title: INDICATOR_SERIES_TITLE,
    query: indicatorSeriesQuery,
    options: indicatorSeriesOptions,
    size: THREE_PANELS,
  }),
  'on-track-trend': defineReport({
    title: ON_TRACK_TREND_TITLE,
    query: onTrackTrendQuery,
    options: onTrackTrendOptions,
    size: ONE_PANEL,
  }),
  'department-reporting': defineReport({
    title: DEPARTMENT_REPORTING_TITLE,
    query: departmentReportingQuery,
    options: departmentReportingOptions,
    size: ONE_PANEL,
  }),
};
