import type { ReportParams, SqlQuery } from '../shared/sql-query.js';
import { statusCountsSql, type StatusCounts } from '../shared/status-counts.js';

/** Verdicts of one year, counted by status: the region's own targets, or those of the regions below it. */
export interface OnTrackTrendRow extends StatusCounts {
  grouping: 'own' | 'below';
  year: number;
}

/**
 * Each year's verdicts (fact_progress, one per target and year) up to the year asked: of the
 * region's own plan, and of the plans of every region below it.
 */
export function onTrackTrendQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH verdicts AS (
  SELECT CASE WHEN t.distance = 0 THEN 'own' ELSE 'below' END AS grouping, pr.year, pr.status
  FROM fact_progress pr
  JOIN region_tree t ON t.region_code = pr.region_code
  WHERE t.ancestor_code = $1 AND pr.year <= $2
)
SELECT grouping, year,
  ${statusCountsSql()}
FROM verdicts
GROUP BY grouping, year
ORDER BY grouping DESC, year`;
  return { sql, params: [parentCode, year] };
}
