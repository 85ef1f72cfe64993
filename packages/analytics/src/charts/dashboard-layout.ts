import { departmentReportingHeight } from './department-reporting/options.js';
import type { ReportId } from './report-ids.js';
import { targetProgressHeight } from './target-progress/options.js';
import { reports } from './registry.js';
import type { ReportingHeatmapRow } from './reporting-heatmap/query.js';
import type { Lang } from './shared/lang.js';

// Heat-map rows keep a readable height on screen; the printed report's fixed size squeezes 20
// regions into 15 px rows.
const HEATMAP_ROW = 26;
const HEATMAP_FRAME = 88 + 64 + 24;

/**
 * The height the dashboard (and the printed report) draws a report at: its own size, taller for
 * a heat map of many regions or a list of many targets or units. The browser drawing a chart and the server drawing it for the browser agree on it.
 */
export function dashboardHeight(id: ReportId, rows: readonly object[]): number {
  const { height } = reports[id].size;
  if (id === 'target-progress') return targetProgressHeight(rows);
  if (id === 'department-reporting') return departmentReportingHeight(rows);
  if (id !== 'reporting-heatmap') return height;
  const regions = new Set((rows as readonly ReportingHeatmapRow[]).map((r) => r.region_code)).size;
  return Math.max(height, HEATMAP_FRAME + regions * HEATMAP_ROW);
}

/** The line under a dashboard chart's title: the region compared and the year. */
export function reportSubtitle(regionName: string, year: number, lang: Lang): string {
  return lang === 'zh' ? `${regionName} · ${year}年` : `${regionName} · ${year}`;
}
