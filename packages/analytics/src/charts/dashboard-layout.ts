import { departmentReportingHeight } from './department-reporting/options.js';
import type { ReportId } from './report-ids.js';
import { reportingHeatmapHeight } from './reporting-heatmap/options.js';
import { targetProgressHeight } from './target-progress/options.js';
import { reports } from './registry.js';
import type { Lang } from './shared/lang.js';

/**
 * The height the dashboard (and the printed report) draws a report at: its own size, taller for
 * heat maps of many regions or a list of many targets or units. The browser drawing a chart and
 * the server drawing it for the browser agree on it.
 */
export function dashboardHeight(id: ReportId, rows: readonly object[]): number {
  if (id === 'target-progress') return targetProgressHeight(rows);
  if (id === 'department-reporting') return departmentReportingHeight(rows);
  if (id === 'reporting-heatmap') return reportingHeatmapHeight(rows);
  return reports[id].size.height;
}

/** The line under a dashboard chart's title: the region compared and the year. */
export function reportSubtitle(regionName: string, year: number, lang: Lang): string {
  return lang === 'zh' ? `${regionName} · ${year}年` : `${regionName} · ${year}`;
}
