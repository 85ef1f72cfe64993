import { targetScopes, type BenchmarkWithin, type TargetScope } from '@kesu/schema';
import { sqlNames, type SqlQuery } from '../shared/sql-query.js';

/** Whose plans a region is set among: the benchmark route's `within`. */
export type { BenchmarkWithin } from '@kesu/schema';

export interface BenchmarkParams {
  indicator: string;
  /** The region whose plan is placed among the others; they are the plans of regions at its level. */
  regionCode: string;
  within: BenchmarkWithin;
}

/** One target of the indicator in a plan of a region at the same level, with its last verdict's actual. */
export interface BenchmarkRow {
  region_code: string;
  region_name: string;
  plan_id: string;
  plan_title: string;
  start_year: number;
  end_year: number;
  scope: TargetScope;
  value: number;
  unit: string | null;
  /** The actual of the target's latest verdict within its term (null: nothing approved to judge by). */
  actual: number | null;
  actual_year: number | null;
}

/**
 * The targets of one indicator in every plan of a region at the same administrative level as the
 * one asked (county and district alike), optionally of its province, each with the actual of its latest
 * verdict within the plan's term. Per-unit targets and milestones say nothing of an amount and
 * are left out.
 */
export function commitmentBenchmarkQuery({ indicator, regionCode, within }: BenchmarkParams): SqlQuery {
  const sql = `
WITH peers AS (
  -- A district is a county-level region; a county-level city under a province stays county-level.
  SELECT region_code, name, province_code, CASE WHEN level = 'district' THEN 'county' ELSE level END AS level
  FROM dim_region
),
focus AS (SELECT level, province_code FROM peers WHERE region_code = $2),
targets AS (
  SELECT t.target_id, t.region_code, r.name AS region_name, t.plan_id, p.title AS plan_title, p.start_year, p.end_year,
    t.scope, t.value, t.unit
  FROM dim_target t
  JOIN dim_plan p USING (plan_id)
  JOIN peers r ON r.region_code = t.region_code
  WHERE t.indicator_code = $1 AND t.scope IN ${sqlNames(targetScopes, (r) => r.actual === 'amount')}
    -- A goal beyond the term (到2035年) is not what the plan commits for its term.
    AND (t.deadline IS NULL OR t.deadline <= p.end_year)
    AND r.level = (SELECT level FROM focus)
    AND ($3 = 'all' OR r.province_code = (SELECT province_code FROM focus))
),
latest AS (
  SELECT f.target_id, f.actual, f.year
  FROM fact_progress f JOIN targets t ON t.target_id = f.target_id AND t.region_code = f.region_code
  WHERE f.year <= t.end_year AND f.actual IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY f.target_id ORDER BY f.year DESC) = 1
)
SELECT t.region_code, t.region_name, t.plan_id, t.plan_title, t.start_year, t.end_year, t.scope, t.value, t.unit,
  l.actual, l.year AS actual_year
FROM targets t LEFT JOIN latest l USING (target_id)
ORDER BY t.region_code, t.plan_id, t.target_id`;
  return { sql, params: [indicator, regionCode, within] };
}
