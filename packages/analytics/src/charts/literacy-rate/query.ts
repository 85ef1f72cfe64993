import type { ReportParams, SqlQuery } from '../shared/sql-query.js';

export const LITERACY_INDICATOR = 'science_literacy_rate';

/** One row per child region. A rate is never summed: a region shows what it reported itself. */
export interface LiteracyRateRow {
  region_code: string;
  region_name: string;
  /**
   * The latest rate up to the year (%): the region's own, else the plain average of its sub-regions';
   * null when neither exists.
   */
  rate: number | null;
  /** Where `rate` comes from: `reported` by the region, or a `subregion_average` (not weighted by population). */
  rate_source: 'reported' | 'subregion_average' | null;
  /** The period of a reported rate (an average spans several). */
  rate_period: string | null;
  /** How many sub-regions an average is taken over (0 for a reported rate). */
  averaged_regions: number;
  /** The first rate in the plan period, from the same source as `rate`. */
  baseline: number | null;
  /** dim_plan.literacy_target of the region's plan in force (the latest one started by the year). */
  target: number | null;
  target_year: number | null;
}

/**
 * Science-literacy rate of each child of the parent against its plan's target, with the first
 * value of the plan period as baseline. Per region in the child's tree, the latest approved
 * total (no breakdown) up to the year is taken; the child's own value wins, and only when it has
 * none is a plain average of its sub-regions' latest values shown (labelled as such).
 */
export function literacyRateQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH children AS (
  SELECT region_code, name FROM dim_region WHERE parent_code = $1
),
plans AS (
  SELECT region_code, start_year, literacy_target, literacy_deadline,
         row_number() OVER (PARTITION BY region_code ORDER BY start_year DESC, end_year DESC) AS pick
  FROM dim_plan
  WHERE region_code IN (SELECT region_code FROM children) AND start_year <= $2
),
per_region AS (
  SELECT c.region_code AS child_code, t.distance,
         arg_max(v.value, (p.end_date, v.approved_at)) AS latest,
         arg_max(v.period, (p.end_date, v.approved_at)) AS latest_period,
         arg_min(v.value, (p.end_date, v.approved_at)) FILTER (WHERE v.year >= pl.start_year) AS first_in_plan
  FROM children c
  JOIN region_tree t ON t.ancestor_code = c.region_code
  JOIN fact_value v ON v.region_code = t.region_code
  JOIN dim_period p ON p.period = v.period
  LEFT JOIN plans pl ON pl.region_code = c.region_code AND pl.pick = 1
  WHERE v.indicator_code = $3 AND v.disaggregation = '' AND v.year <= $2
  GROUP BY c.region_code, t.distance, v.region_code
),
per_child AS (
  SELECT child_code,
         max(latest) FILTER (WHERE distance = 0) AS own,
         max(latest_period) FILTER (WHERE distance = 0) AS own_period,
         max(first_in_plan) FILTER (WHERE distance = 0) AS own_baseline,
         avg(latest) FILTER (WHERE distance > 0) AS sub_average,
         avg(first_in_plan) FILTER (WHERE distance > 0) AS sub_baseline,
         count(*) FILTER (WHERE distance > 0) AS sub_regions
  FROM per_region
  GROUP BY child_code
)
SELECT c.region_code, c.name AS region_name,
       coalesce(pc.own, pc.sub_average) AS rate,
       CASE WHEN pc.own IS NOT NULL THEN 'reported'
            WHEN pc.sub_average IS NOT NULL THEN 'subregion_average' END AS rate_source,
       pc.own_period AS rate_period,
       CASE WHEN pc.own IS NULL THEN coalesce(pc.sub_regions, 0) ELSE 0 END::INTEGER AS averaged_regions,
       CASE WHEN pc.own IS NOT NULL THEN pc.own_baseline ELSE pc.sub_baseline END AS baseline,
       pl.literacy_target AS target,
       pl.literacy_deadline AS target_year
FROM children c
LEFT JOIN per_child pc ON pc.child_code = c.region_code
LEFT JOIN plans pl ON pl.region_code = c.region_code AND pl.pick = 1
ORDER BY c.region_code`;
  return { sql, params: [parentCode, year, LITERACY_INDICATOR] };
}
