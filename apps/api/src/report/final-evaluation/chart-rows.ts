import { reports, type ReportId } from '@kesu/analytics/charts';
import type { Row } from '@kesu/store';
import type { AnalyticsService } from '../../analytics/analytics-service.js';

/** A chart's rows, as its own query returned them. */
export interface ChartRows {
  id: ReportId;
  rows: Row[];
}

/** Runs each listed report's query for the region and year; the charts are drawn from these rows. */
export function loadCharts(
  analytics: AnalyticsService,
  ids: readonly ReportId[],
  regionCode: string,
  year: number,
): Promise<ChartRows[]> {
  return Promise.all(
    ids.map(async (id) => {
      const { sql, params } = reports[id].query({ parentCode: regionCode, year });
      return { id, rows: await analytics.query(sql, params as never) };
    }),
  );
}
