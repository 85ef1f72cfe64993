import type { Row } from '@kesu/store';
import { reports } from '../charts/registry.js';
import type { ReportId } from '../charts/report-ids.js';
import type { WarehouseReader } from '../progress/contributions.js';

/** A chart's rows, as its own query returned them. */
export interface ChartRows {
  id: ReportId;
  rows: Row[];
}

/** Runs each listed report's query for the region and year; the charts are drawn from these rows. */
export function reportChartRows(
  read: WarehouseReader,
  ids: readonly ReportId[],
  regionCode: string,
  year: number,
): Promise<ChartRows[]> {
  return Promise.all(
    ids.map(async (id) => ({ id, rows: await read(reports[id].query({ parentCode: regionCode, year })) })),
  );
}
