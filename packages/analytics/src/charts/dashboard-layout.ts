import type { ReportId } from './report-ids.js';
import { reports } from './registry.js';
import type { Lang } from './shared/lang.js';

/**
 * The height the dashboard (and the printed report) draws a report at, by the report's own rule
 * (`ReportDefinition.height`). The browser drawing a chart and the server drawing it for the
 * browser agree on it.
 */
export function dashboardHeight(id: ReportId, rows: readonly object[]): number {
  return reports[id].height(rows);
}

/** The line under a dashboard chart's title: the region compared and the year. */
export function reportSubtitle(regionName: string, year: number, lang: Lang): string {
  return lang === 'zh' ? `${regionName} · ${year}年` : `${regionName} · ${year}`;
}
