import type { ReportParams, SqlQuery } from '../shared/sql-query.js';
import { statusCountsSql } from '../shared/status-counts.js';

/** How the targets of one level of a region's tree stand: the API answers these rows as they are. */
export type { TargetRollupRow } from '@kesu/schema';

/**
 * The targets of every plan in a region's tree, counted by the level of the plan's region, each
 * with its verdict for the year (a plan ended before it: its last year's; none: no data). A
 * province with no plan of its own still sees how the plans of its prefectures and counties stand.
 */
export function targetRollupQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH area AS (
  SELECT region_code FROM region_tree WHERE ancestor_code = $1
),
verdict AS (
  SELECT target_id, status FROM fact_progress
  WHERE region_code IN (SELECT region_code FROM area) AND year <= $2
  QUALIFY row_number() OVER (PARTITION BY target_id ORDER BY year DESC) = 1
),
judged AS (
  -- A district is a county-level region: counted with the counties.
  SELECT CASE WHEN t.region_code = $1 THEN 'own' WHEN r.level = 'district' THEN 'county' ELSE r.level END AS level,
    t.region_code, coalesce(v.status, 'no_data') AS status
  FROM dim_target t
  JOIN dim_region r ON r.region_code = t.region_code
  LEFT JOIN verdict v USING (target_id)
  WHERE t.region_code IN (SELECT region_code FROM area)
)
SELECT level, count(DISTINCT region_code)::INTEGER AS regions,
  ${statusCountsSql()}
FROM judged
GROUP BY level
ORDER BY CASE level WHEN 'own' THEN 0 WHEN 'province' THEN 1 WHEN 'prefecture' THEN 2 WHEN 'county' THEN 3 ELSE 4 END`;
  return { sql, params: [parentCode, year] };
}
