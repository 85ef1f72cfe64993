import { REPORT_IDS, reports, targetProgressQuery, type ReportId } from '@kesu/analytics/charts';
import type { Row } from '@kesu/store';
import type { AnalyticsService } from '../analytics/analytics-service.js';

export interface ReportData {
  regionCode: string;
  year: number;
  /** The region's plan targets with their verdict for the year. */
  targets: Row[];
  /** Rows for each chart, as its own query returned them. */
  charts: Array<{ id: ReportId; rows: Row[] }>;
  /** Per department function under the region: assignments due, submitted, approved, late. */
  completion: Row[];
  /** Reports late or still missing after their due date, oldest due first. */
  late: Row[];
  /** How many regions lie directly under the region (the charts compare them). */
  subRegions: number;
}

const COMPLETION = `SELECT coalesce(f.name_zh, s.function_code, '未归类') AS function_zh,
    coalesce(f.name_en, s.function_code, 'unclassified') AS function_en,
    count(*)::INTEGER AS assigned,
    count(*) FILTER (WHERE s.status IN ('submitted', 'approved'))::INTEGER AS submitted,
    count(*) FILTER (WHERE s.status = 'approved')::INTEGER AS approved,
    count(*) FILTER (WHERE s.late)::INTEGER AS late
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  LEFT JOIN dim_department_function f ON f.function_code = s.function_code
  WHERE s.year = $2 GROUP BY ALL ORDER BY late DESC, assigned DESC`;

const LATE = `SELECT r.name AS region, s.department, s.period, CAST(s.due_date AS VARCHAR) AS due_date, s.status,
    CAST(s.submitted_at AS VARCHAR) AS submitted_at
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  JOIN dim_region r ON r.region_code = s.region_code
  WHERE s.year = $2 AND s.late ORDER BY s.due_date, r.name, s.department LIMIT 200`;

/** Everything the printable report shows for a region and year, read from the warehouse. */
export async function loadReportData(
  analytics: AnalyticsService,
  regionCode: string,
  year: number,
): Promise<ReportData> {
  const charts = await Promise.all(
    REPORT_IDS.map(async (id) => {
      const { sql, params } = reports[id].query({ parentCode: regionCode, year });
      return { id, rows: await analytics.query(sql, params as never) };
    }),
  );
  const targets = targetProgressQuery({ parentCode: regionCode, year });
  return {
    regionCode,
    year,
    targets: await analytics.query(targets.sql, targets.params as never),
    charts,
    completion: await analytics.query(COMPLETION, [regionCode, year]),
    late: await analytics.query(LATE, [regionCode, year]),
    subRegions: Number(
      (await analytics.query('SELECT count(*) AS n FROM dim_region WHERE parent_code = $1', [regionCode]))[0]?.['n'] ??
        0,
    ),
  };
}
