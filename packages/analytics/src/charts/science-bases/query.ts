import { targetScopes, type TargetScope } from '@kesu/schema';
import { sqlNames, type ReportParams, type SqlQuery } from '../shared/sql-query.js';

export const SCIENCE_BASES = 'science_bases';
export const SCIENCE_VENUES = 'science_venues';

/** One row per child region and indicator (bases, venues), in that order. */
export interface ScienceBasesRow {
  region_code: string;
  region_name: string;
  indicator_code: typeof SCIENCE_BASES | typeof SCIENCE_VENUES;
  /** The stock in the child's area: each reporter's latest total up to the year, summed; null when nobody reported. */
  stock: number | null;
  /** The child's own target for the indicator (a level to reach, or an increase to make), null when it has none. */
  target_value: number | null;
  target_scope: TargetScope | null;
  /**
   * For an increase over the term (新增/新建): the stock first reported in the plan period, the level
   * it is counted from.
   */
  baseline: number | null;
  /** The stock the target asks for: the value itself, or baseline + the increase; null when it cannot be told. */
  target_level: number | null;
}

/** Targets that set a stock: an amount to reach, or to add over the term (not one added every year). */
const STOCK_TARGETS = sqlNames(targetScopes, (r) => r.actual === 'amount' && r.pace !== 'each_year');
const INCREASES = sqlNames(targetScopes, (r) => r.actual === 'amount' && r.pace === 'over_term');

/**
 * Science bases and venues in each child's area against the child's target. A stock is never
 * summed over time: each reporter (region × department) counts with its latest total up to the
 * year, and reporters are summed over the child's region tree (each reports its own facilities).
 * Of several targets for one indicator the one with the latest deadline is used; only an amount
 * to reach or to add over the term describes a stock (not one added every year).
 */
export function scienceBasesQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH children AS (
  SELECT region_code, name FROM dim_region WHERE parent_code = $1
),
indicators AS (
  SELECT * FROM (VALUES (1, $3), (2, $4)) AS i(ord, indicator_code)
),
targets AS (
  SELECT t.region_code, t.indicator_code, t.value, t.scope, pl.start_year,
         row_number() OVER (
           PARTITION BY t.region_code, t.indicator_code ORDER BY t.deadline DESC NULLS LAST, t.value DESC
         ) AS pick
  FROM dim_target t
  JOIN dim_plan pl ON pl.plan_id = t.plan_id
  WHERE t.region_code IN (SELECT region_code FROM children) AND t.indicator_code IN ($3, $4)
    AND t.scope IN ${STOCK_TARGETS} AND pl.start_year <= $2
),
reporters AS (
  SELECT c.region_code AS child_code, v.indicator_code,
         arg_max(v.value, (p.end_date, v.approved_at)) AS latest,
         arg_min(v.value, (p.end_date, v.approved_at)) FILTER (WHERE v.year >= tg.start_year) AS first_in_plan
  FROM children c
  JOIN region_tree rt ON rt.ancestor_code = c.region_code
  JOIN fact_value v ON v.region_code = rt.region_code
  JOIN dim_period p ON p.period = v.period
  LEFT JOIN targets tg ON tg.region_code = c.region_code AND tg.indicator_code = v.indicator_code AND tg.pick = 1
  WHERE v.indicator_code IN ($3, $4) AND v.disaggregation = '' AND v.year <= $2
  GROUP BY c.region_code, v.indicator_code, v.region_code, v.department
),
stocks AS (
  SELECT child_code, indicator_code, sum(latest) AS stock, sum(first_in_plan) AS baseline
  FROM reporters
  GROUP BY child_code, indicator_code
)
SELECT c.region_code, c.name AS region_name, i.indicator_code,
       s.stock,
       tg.value AS target_value,
       tg.scope AS target_scope,
       CASE WHEN tg.scope IN ${INCREASES} THEN s.baseline END AS baseline,
       CASE WHEN tg.scope IN ${INCREASES} THEN s.baseline + tg.value ELSE tg.value END AS target_level
FROM children c
CROSS JOIN indicators i
LEFT JOIN stocks s ON s.child_code = c.region_code AND s.indicator_code = i.indicator_code
LEFT JOIN targets tg ON tg.region_code = c.region_code AND tg.indicator_code = i.indicator_code AND tg.pick = 1
ORDER BY c.region_code, i.ord`;
  return { sql, params: [parentCode, year, SCIENCE_BASES, SCIENCE_VENUES] };
}
