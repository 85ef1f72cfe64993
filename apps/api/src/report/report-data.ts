import { progressReportData, type ProgressReportData } from '@kesu/analytics';
import type { AnalyticsService } from '../analytics/analytics-service.js';
import { warehouseReader } from '../analytics/warehouse-reader.js';

/** Everything the printable report shows for a region and year (its queries live in `@kesu/analytics`). */
export type ReportData = ProgressReportData;

/** Everything the printable report shows for a region and year, read from the warehouse. */
export function loadReportData(analytics: AnalyticsService, regionCode: string, year: number): Promise<ReportData> {
  return progressReportData(warehouseReader(analytics), regionCode, year);
}
