import type { Row } from '@kesu/store';
import { REPORT_IDS } from '../charts/report-ids.js';
import type { SqlQuery } from '../charts/shared/sql-query.js';
import { targetProgressQuery } from '../charts/target-progress/query.js';
import type { WarehouseReader } from '../progress/contributions.js';
import { reportChartRows, type ChartRows } from './chart-rows.js';
import { subRegionCount } from './sub-regions.js';

/** Everything the printable progress report shows for a region and year. */
export interface ProgressReportData {
  regionCode: string;
  year: number;
  /** The region's plan targets with their verdict for the year. */
  targets: Row[];
  /** Rows for each chart, as its own query returned them. */
  charts: ChartRows[];
  /** Per department function under the region: assignments due, submitted, approved, late. */
  completion: Row[];
  /** Reports late or still missing after their due date, oldest due first. */
  late: Row[];
  /** How many regions lie directly under the region (the charts compare them). */
  subRegions: number;
}

/** Per department function in the region's tree: the year's assignments, submitted, approved and late. */
const completionQuery = (regionCode: string, year: number): SqlQuery => ({
  sql: `SELECT coalesce(f.name_zh, s.function_code, '未归类') AS function_zh,
    coalesce(f.name_en, s.function_code, 'unclassified') AS function_en,
    count(*)::INTEGER AS assigned,
    count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::INTEGER AS submitted,
    count(*) FILTER (WHERE s.status = 'approved')::INTEGER AS approved,
    count(*) FILTER (WHERE s.late)::INTEGER AS late
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  LEFT JOIN dim_department_function f ON f.function_code = s.function_code
  WHERE s.year = $2 GROUP BY ALL ORDER BY late DESC, assigned DESC`,
  params: [regionCode, year],
});

/** The year's reports in the region's tree submitted late or still missing after their due date (at most 200). */
const lateReportsQuery = (regionCode: string, year: number): SqlQuery => ({
  sql: `SELECT r.name AS region, s.department, s.period, CAST(s.due_date AS VARCHAR) AS due_date, s.status,
    CAST(s.submitted_at AS VARCHAR) AS submitted_at
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  JOIN dim_region r ON r.region_code = s.region_code
  WHERE s.year = $2 AND s.late ORDER BY s.due_date, r.name, s.department LIMIT 200`,
  params: [regionCode, year],
});

/** Everything the printable progress report shows for a region and year, read from the warehouse. */
export async function progressReportData(
  read: WarehouseReader,
  regionCode: string,
  year: number,
): Promise<ProgressReportData> {
  const charts = await reportChartRows(read, REPORT_IDS, regionCode, year);
  return {
    regionCode,
    year,
    targets: await read(targetProgressQuery({ parentCode: regionCode, year })),
    charts,
    completion: await read(completionQuery(regionCode, year)),
    late: await read(lateReportsQuery(regionCode, year)),
    subRegions: await subRegionCount(read, regionCode),
  };
}
