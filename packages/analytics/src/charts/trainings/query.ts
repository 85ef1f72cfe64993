import type { ReportParams, SqlQuery } from '../shared/sql-query.js';

export const TRAININGS_HELD = 'trainings_held';
export const TRAINING_PERSON_TIMES = 'training_person_times';
/**
 * The catalog's disaggregation code: a breakdown by group alone reads `targetGroup=youth` (crossed
 * ones, `level=county&targetGroup=youth`, are left out).
 */
export const TARGET_GROUP_KEY = 'targetGroup';

export interface TrainingsRow {
  period: string;
  indicator_code: typeof TRAININGS_HELD | typeof TRAINING_PERSON_TIMES;
  /** A target group code, or '' for the part of reported totals that was not broken down by group. */
  target_group: string;
  value: number;
}

/**
 * Trainings held and person-times trained in the parent's whole area (itself and every region
 * below it), per reported period of the year and target group. Both are flows, so they add up
 * over regions. Each reporter's (assignment's) breakdown by target group alone is used as
 * reported (crossed breakdowns would count the same trainings again), and whatever its total
 * exceeds that breakdown by is kept as '' (not broken down), so nothing counts twice and
 * reporters who gave only a total are not lost.
 */
export function trainingsQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH scoped AS (
  SELECT v.assignment_id, v.region_code, v.department, v.period, v.indicator_code, v.disaggregation, v.value
  FROM region_tree t
  JOIN fact_value v ON v.region_code = t.region_code
  WHERE t.ancestor_code = $1 AND v.year = $2 AND v.indicator_code IN ($3, $4)
    AND (v.disaggregation = '' OR (split_part(v.disaggregation, '=', 1) = $5 AND NOT contains(v.disaggregation, '&')))
),
per_report AS (
  SELECT period, indicator_code,
         sum(value) FILTER (WHERE disaggregation = '') AS total,
         coalesce(sum(value) FILTER (WHERE disaggregation <> ''), 0) AS grouped
  FROM scoped
  GROUP BY assignment_id, region_code, department, period, indicator_code
),
parts AS (
  SELECT period, indicator_code, split_part(disaggregation, '=', 2) AS target_group, value
  FROM scoped WHERE disaggregation <> ''
  UNION ALL
  SELECT period, indicator_code, '' AS target_group, total - grouped
  FROM per_report WHERE total > grouped
)
SELECT period, indicator_code, target_group, sum(value) AS value
FROM parts
GROUP BY period, indicator_code, target_group
ORDER BY period, indicator_code, target_group`;
  return { sql, params: [parentCode, year, TRAININGS_HELD, TRAINING_PERSON_TIMES, TARGET_GROUP_KEY] };
}
