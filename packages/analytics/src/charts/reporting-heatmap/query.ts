import type { ReportParams, SqlQuery } from '../shared/sql-query.js';

/** One cell: a child region (its whole tree) in one reporting period of the year. */
export interface ReportingHeatmapRow {
  region_code: string;
  region_name: string;
  period: string;
  /** Assignments due from the region's tree in the period; 0 when none were given out. */
  assignments: number;
  /** Received: submitted or approved (a returned or draft report is not). */
  complete: number;
  /** Received, and first submitted by the due date. */
  on_time: number;
  approved: number;
  /** Completeness: complete / assignments; null when there were no assignments (never 0). */
  complete_share: number | null;
  /** Timeliness: on_time / complete, of the reports received how many came in time; null when none was received. */
  timely_share: number | null;
}

/**
 * Reporting completeness (received of expected) and timeliness (on time of received) per child
 * region × period of the year, from fact_submission: two measures, so a period fully approved
 * but reported late reads complete, not 0 %. Periods are those any assignment in the parent's
 * area falls in, so every child gets a cell for each of them (empty when it had nothing to
 * report then). Where units report at different rhythms, the columns are the finest periods,
 * and a coarser report counts in the column that ends when it ends (a yearly report in the
 * fourth quarter's round), so a yearly unit does not add a column that every other region
 * leaves empty.
 */
export function reportingHeatmapQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH children AS (
  SELECT region_code, name FROM dim_region WHERE parent_code = $1
),
reported AS (
  SELECT DISTINCT s.period, p.end_date, p.period_type
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code
  JOIN dim_period p ON p.period = s.period
  WHERE t.ancestor_code = $1 AND s.year = $2
),
finest AS (
  SELECT period, end_date FROM reported
  WHERE period_type = (
    SELECT arg_min(
      period_type,
      CASE period_type WHEN 'month' THEN 0 WHEN 'quarter' THEN 1 WHEN 'half' THEN 2 ELSE 3 END
    )
    FROM reported
  )
),
rounds AS (
  SELECT r.period, coalesce(f.period, r.period) AS column_period
  FROM reported r LEFT JOIN finest f ON f.end_date = r.end_date
),
periods AS (
  SELECT DISTINCT column_period AS period FROM rounds
),
cells AS (
  SELECT c.region_code, r.column_period AS period,
         count(*) AS assignments,
         count(*) FILTER (WHERE s.status IN ('submitted', 'approved')) AS complete,
         count(*) FILTER (WHERE s.status IN ('submitted', 'approved') AND NOT coalesce(s.late, false)) AS on_time,
         count(*) FILTER (WHERE s.status = 'approved') AS approved
  FROM children c
  JOIN region_tree t ON t.ancestor_code = c.region_code
  JOIN fact_submission s ON s.region_code = t.region_code
  JOIN rounds r ON r.period = s.period
  WHERE s.year = $2
  GROUP BY c.region_code, r.column_period
)
SELECT c.region_code, c.name AS region_name, p.period,
       coalesce(x.assignments, 0)::INTEGER AS assignments,
       coalesce(x.complete, 0)::INTEGER AS complete,
       coalesce(x.on_time, 0)::INTEGER AS on_time,
       coalesce(x.approved, 0)::INTEGER AS approved,
       x.complete / x.assignments AS complete_share,
       x.on_time / nullif(x.complete, 0) AS timely_share
FROM children c
CROSS JOIN periods p
LEFT JOIN cells x ON x.region_code = c.region_code AND x.period = p.period
ORDER BY c.region_code, p.period`;
  return { sql, params: [parentCode, year] };
}
