import type { ReportParams, SqlQuery } from '../shared/sql-query.js';

/** One target of the region's own plans with its verdict for the year: the API answers these rows as they are. */
export type { TargetProgressRow } from '@kesu/schema';

/**
 * Every target of the region's own plans, grouped by lead units, with its verdict for the year
 * (a plan ended before the year keeps its last year's verdict; no verdict reads as no data).
 */
export function targetProgressQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH verdict AS (
  SELECT * FROM fact_progress
  WHERE region_code = $1 AND year <= $2
  QUALIFY row_number() OVER (PARTITION BY target_id ORDER BY year DESC) = 1
)
SELECT t.target_id, t.plan_id, t.task, t.metric, t.text, t.indicator_code, t.scope, t.comparator, t.value, t.unit,
       t.deadline, coalesce(t.lead_units, '') AS lead_units, v.year, CAST(v.as_of AS VARCHAR) AS as_of,
       coalesce(v.status, 'no_data') AS status,
       v.actual, v.expected, v.rule_zh, v.rule_en, coalesce(v.flagged, false) AS flagged
FROM dim_target t
LEFT JOIN verdict v USING (target_id)
WHERE t.region_code = $1
ORDER BY coalesce(t.lead_units, '') = '', coalesce(t.lead_units, ''), t.plan_id,
  CAST(split_part(t.target_id, '#', 2) AS INTEGER)`;
  return { sql, params: [parentCode, year] };
}
