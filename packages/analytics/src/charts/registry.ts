import type { EChartsOption } from 'echarts';
import type { Localized } from '@kesu/schema';
import { literacyRateDrill } from './literacy-rate/drill.js';
import { literacyRateOptions, LITERACY_RATE_TITLE } from './literacy-rate/options.js';
import { literacyRateQuery } from './literacy-rate/query.js';
import { reportingHeatmapDrill } from './reporting-heatmap/drill.js';
import {
  reportingHeatmapHeight,
  reportingHeatmapOptions,
  REPORTING_HEATMAP_TITLE,
} from './reporting-heatmap/options.js';
import { reportingHeatmapQuery } from './reporting-heatmap/query.js';
import { scienceBasesDrill } from './science-bases/drill.js';
import { scienceBasesOptions, SCIENCE_BASES_TITLE } from './science-bases/options.js';
import { scienceBasesQuery } from './science-bases/query.js';
import type { ReportId } from './report-ids.js';
import type { ChartContext } from './shared/lang.js';
import type { RegionDrill } from './shared/region-drill.js';
import type { ReportParams, SqlQuery } from './shared/sql-query.js';
import { targetsOnTrackDrill } from './targets-on-track/drill.js';
import { targetsOnTrackOptions, TARGETS_ON_TRACK_TITLE } from './targets-on-track/options.js';
import { targetsOnTrackQuery } from './targets-on-track/query.js';
import { trainingsOptions, TRAININGS_TITLE } from './trainings/options.js';
import { trainingsQuery } from './trainings/query.js';
import { targetProgressHeight, targetProgressOptions, TARGET_PROGRESS_TITLE } from './target-progress/options.js';
import { targetProgressQuery } from './target-progress/query.js';
import { indicatorSeriesOptions, INDICATOR_SERIES_TITLE } from './indicator-series/options.js';
import { indicatorSeriesQuery } from './indicator-series/query.js';
import { onTrackTrendOptions, ON_TRACK_TREND_TITLE } from './on-track-trend/options.js';
import { onTrackTrendQuery } from './on-track-trend/query.js';
import {
  departmentReportingHeight,
  departmentReportingOptions,
  DEPARTMENT_REPORTING_TITLE,
} from './department-reporting/options.js';
import { departmentReportingQuery } from './department-reporting/query.js';

/** A report as the web app and the printable report iterate over them. */
export interface ReportDefinition {
  title: Localized;
  query: (params: ReportParams) => SqlQuery;
  /** The chart from the rows its own query returned (as `getRowObjectsJson()` gives them). */
  options: (rows: readonly object[], ctx: ChartContext) => EChartsOption;
  /** The size the chart is laid out for (one panel or two stacked), e.g. for `renderSvg`. */
  size: { width: number; height: number };
  /**
   * The height the dashboard (and the printed report) draws the chart at for these rows: its
   * size's, or taller for a list of many regions, targets or units.
   */
  height: (rows: readonly object[]) => number;
  /** How a click on one of its regions opens that region; absent where its categories are no child regions. */
  drill?: RegionDrill;
}

/** A report as written in its folder, over the rows its own query returns. */
interface ReportOf<Row> {
  title: Localized;
  query: (params: ReportParams) => SqlQuery;
  options: (rows: readonly Row[], ctx: ChartContext) => EChartsOption;
  size: { width: number; height: number };
  /** Absent: always the size's height. */
  height?: (rows: readonly Row[]) => number;
  drill?: RegionDrill<Row>;
}

const ONE_PANEL = { width: 800, height: 480 };
const TWO_PANELS = { width: 800, height: 640 };
const THREE_PANELS = { width: 800, height: 760 };

/** Erases a report's row type so reports can sit in one record. */
function defineReport<Row>(report: ReportOf<Row>): ReportDefinition {
  // The rows handed in are the ones this report's own query returned: the one place their type is taken on trust.
  const { height, drill, ...rest } = report;
  const own = (rows: readonly object[]) => rows as readonly Row[];
  return {
    ...rest,
    options: (rows, ctx) => report.options(own(rows), ctx),
    height: height ? (rows) => height(own(rows)) : () => report.size.height,
    ...(drill ? { drill: { ...drill, regionsOf: (rows: readonly object[]) => drill.regionsOf(own(rows)) } } : {}),
  };
}

/** Every report, in the order the printable report shows them: the comparisons, then the region's own. */
export const reports: Record<ReportId, ReportDefinition> = {
  'literacy-rate': defineReport({
    title: LITERACY_RATE_TITLE,
    query: literacyRateQuery,
    options: literacyRateOptions,
    drill: literacyRateDrill,
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
    drill: scienceBasesDrill,
    size: TWO_PANELS,
  }),
  'targets-on-track': defineReport({
    title: TARGETS_ON_TRACK_TITLE,
    query: targetsOnTrackQuery,
    options: targetsOnTrackOptions,
    drill: targetsOnTrackDrill,
    size: TWO_PANELS,
  }),
  'reporting-heatmap': defineReport({
    title: REPORTING_HEATMAP_TITLE,
    query: reportingHeatmapQuery,
    options: reportingHeatmapOptions,
    height: reportingHeatmapHeight,
    drill: reportingHeatmapDrill,
    size: ONE_PANEL,
  }),
  'target-progress': defineReport({
    title: TARGET_PROGRESS_TITLE,
    query: targetProgressQuery,
    options: targetProgressOptions,
    height: targetProgressHeight,
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
    height: departmentReportingHeight,
    size: ONE_PANEL,
  }),
};
