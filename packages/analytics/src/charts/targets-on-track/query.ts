import type { ReportParams, SqlQuery } from '../shared/sql-query.js';
import { statusCountsSql, type StatusCounts } from '../shared/status-counts.js';

/** Counts of target × region statuses for one bar: a child region, or a department function. */
export interface TargetsOnTrackRow extends StatusCounts {
  grouping: 'region' | 'function';
  /** The region code or function code; '' for targets no function could be attributed to. */
  key: string;
  /** The region's name or the function's Chinese name; null for the unattributed group. */
  name_zh: string | null;
  /** The function's English name (regions have none in the warehouse). */
  name_en: string | null;
}

/**
 * How the targets stand, per child region and per department function, each target × region
 * counted once with its verdict for the year (fact_progress; a plan ended before it, its last year's).
 *
 * By region: the targets judged for any region in the child's tree. By function: every target
 * judged in the parent's whole area (the parent's own included). dim_target names its lead units
 * only as printed text, so a target is attributed to the function that reports its indicator
 * most often in the parent's area (fact_value.function_code; a tie goes to the first code);
 * targets whose indicator nobody reports stay unattributed ('').
 */
export function targetsOnTrackQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH area AS (
  SELECT region_code FROM region_tree WHERE ancestor_code = $1
),
latest AS (
  SELECT pr.target_id, pr.region_code, arg_max(pr.status, pr.year) AS status
  FROM fact_progress pr
  WHERE pr.region_code IN (SELECT region_code FROM area) AND pr.year <= $2
  GROUP BY pr.target_id, pr.region_code
),
reporting_function AS (
  SELECT indicator_code, arg_min(function_code, (-n, function_code)) AS function_code
  FROM (
    SELECT indicator_code, function_code, count(*) AS n
    FROM fact_value
    WHERE region_code IN (SELECT region_code FROM area) AND function_code IS NOT NULL
    GROUP BY indicator_code, function_code
  )
  GROUP BY indicator_code
),
tagged AS (
  SELECT 'region' AS grouping, c.region_code AS key, c.name AS name_zh, NULL AS name_en, l.status
  FROM dim_region c
  JOIN region_tree t ON t.ancestor_code = c.region_code
  LEFT JOIN latest l ON l.region_code = t.region_code
  WHERE c.parent_code = $1
  UNION ALL
  SELECT 'function', coalesce(rf.function_code, ''), f.name_zh, f.name_en, l.status
  FROM latest l
  LEFT JOIN dim_target tg ON tg.target_id = l.target_id
  LEFT JOIN reporting_function rf ON rf.indicator_code = tg.indicator_code
  LEFT JOIN dim_department_function f ON f.function_code = rf.function_code
)
SELECT grouping, key, name_zh, name_en,
  ${statusCountsSql('count(status)')}
FROM tagged
GROUP BY grouping, key, name_zh, name_en
ORDER BY grouping DESC, CASE WHEN grouping = 'region' THEN key END, total DESC, key`;
  return { sql, params: [parentCode, year] };
}
