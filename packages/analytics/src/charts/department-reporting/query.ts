import type { ReportParams, SqlQuery } from '../shared/sql-query.js';

/** One reporting unit (a county's department, or for a larger area a department function) over the plan's periods. */
export interface DepartmentReportingRow {
  unit_zh: string;
  unit_en: string;
  /** Periods it was asked to report for. */
  periods: number;
  assigned: number;
  /** First submitted by the due date. */
  on_time: number;
  /** First submitted after the due date. */
  late: number;
  /** Never submitted, and the due date has passed. */
  missing: number;
  /** Not submitted yet, not due yet. */
  not_due: number;
}

/**
 * How each unit reported over the plan period up to the year: on time, late, missing. A region
 * without sub-regions lists its own departments by name; a larger area groups the departments of
 * all its regions by function (every 教育局 together), since names differ from place to place.
 */
export function departmentReportingQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH plan AS (
  SELECT start_year FROM dim_plan
  WHERE region_code = $1 AND start_year <= $2 ORDER BY start_year DESC, end_year DESC LIMIT 1
),
leaf AS (
  SELECT NOT EXISTS (SELECT 1 FROM dim_region WHERE parent_code = $1) AS yes
),
named AS (
  SELECT s.*,
    CASE WHEN (SELECT yes FROM leaf) THEN CAST(s.department AS VARCHAR)
      ELSE coalesce(f.name_zh, CAST(s.function_code AS VARCHAR), '未归类') END AS unit_zh,
    CASE WHEN (SELECT yes FROM leaf) THEN CAST(s.department AS VARCHAR)
      ELSE coalesce(f.name_en, CAST(s.function_code AS VARCHAR), 'unclassified') END AS unit_en
  FROM fact_submission s
  JOIN region_tree t ON t.region_code = s.region_code AND t.ancestor_code = $1
  LEFT JOIN dim_department_function f ON f.function_code = s.function_code
  WHERE s.year <= $2 AND s.year >= coalesce((SELECT start_year FROM plan), 0)
)
SELECT * FROM (
SELECT unit_zh, unit_en,
  count(DISTINCT period)::INTEGER AS periods,
  count(*)::INTEGER AS assigned,
  count(*) FILTER (WHERE submitted_at IS NOT NULL AND NOT late)::INTEGER AS on_time,
  count(*) FILTER (WHERE submitted_at IS NOT NULL AND late)::INTEGER AS late,
  count(*) FILTER (WHERE submitted_at IS NULL AND late)::INTEGER AS missing,
  count(*) FILTER (WHERE submitted_at IS NULL AND NOT late)::INTEGER AS not_due
FROM named
GROUP BY unit_zh, unit_en
)
ORDER BY missing + late DESC, assigned DESC, unit_zh`;
  return { sql, params: [parentCode, year] };
}
