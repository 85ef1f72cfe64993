import { LITERACY_INDICATOR } from '../literacy-rate/query.js';
import { SCIENCE_BASES, SCIENCE_VENUES } from '../science-bases/query.js';
import type { ReportParams, SqlQuery } from '../shared/sql-query.js';
import { TRAINING_PERSON_TIMES, TRAININGS_HELD } from '../trainings/query.js';

/** What a row of the series is: an indicator's yearly figure, the plan's literacy target, or a year on the axis. */
export type SeriesKey =
  | typeof LITERACY_INDICATOR
  | 'literacy_average'
  | 'literacy_target'
  | typeof TRAININGS_HELD
  | typeof TRAINING_PERSON_TIMES
  | typeof SCIENCE_BASES
  | typeof SCIENCE_VENUES
  | 'axis';

export interface IndicatorSeriesRow {
  series: SeriesKey;
  year: number;
  /** null for the axis rows. */
  value: number | null;
}

/**
 * The region's key indicators year by year, from its plan's first year (or its first report)
 * to the year asked (at most its plan's last): the literacy rate it reported itself (or, without one, the plain average
 * of its sub-regions', labelled so), with its plan's target; trainings and person-times
 * summed over its area (flows); bases and venues as each reporter's last figure in the year,
 * summed over its area (stocks). One axis row per year, so years without reports still show.
 */
export function indicatorSeriesQuery({ parentCode, year }: ReportParams): SqlQuery {
  const sql = `
WITH plan AS (
  SELECT start_year, end_year, literacy_target FROM dim_plan
  WHERE region_code = $1 AND start_year <= $2 ORDER BY start_year DESC, end_year DESC LIMIT 1
),
vals AS (
  SELECT v.region_code, v.indicator_code, v.year, p.end_date, t.distance, sum(v.value) AS value
  FROM region_tree t
  JOIN fact_value v ON v.region_code = t.region_code
  JOIN dim_period p ON p.period = v.period
  WHERE t.ancestor_code = $1 AND v.disaggregation = ''
    AND v.year <= $2 AND v.year >= coalesce((SELECT start_year FROM plan), 0)
    AND v.indicator_code IN ($3, $4, $5, $6, $7)
  GROUP BY v.region_code, v.indicator_code, v.year, v.period, p.end_date, t.distance
),
last_in_year AS (
  SELECT region_code, indicator_code, year, distance, arg_max(value, end_date) AS value FROM vals GROUP BY ALL
),
figures AS (
  SELECT indicator_code AS series, year, sum(value) AS value FROM vals WHERE indicator_code IN ($4, $5) GROUP BY ALL
  UNION ALL
  SELECT indicator_code, year, sum(value) FROM last_in_year WHERE indicator_code IN ($6, $7) GROUP BY ALL
  UNION ALL
  SELECT indicator_code, year, max(value) FROM last_in_year WHERE indicator_code = $3 AND distance = 0 GROUP BY ALL
  UNION ALL
  SELECT 'literacy_average', year, avg(value) FROM last_in_year WHERE indicator_code = $3 AND distance > 0 GROUP BY ALL
),
first_year AS (
  SELECT coalesce((SELECT start_year FROM plan), (SELECT min(year) FROM figures), $2) AS y
)
SELECT series, year, value FROM figures
UNION ALL
SELECT 'literacy_target', end_year, literacy_target FROM plan WHERE literacy_target IS NOT NULL
UNION ALL
SELECT 'axis', n::INTEGER, NULL
FROM range((SELECT y FROM first_year), least($2, coalesce((SELECT end_year FROM plan), $2)) + 1) r(n)
ORDER BY series, year`;
  return {
    sql,
    params: [
      parentCode,
      year,
      LITERACY_INDICATOR,
      TRAININGS_HELD,
      TRAINING_PERSON_TIMES,
      SCIENCE_BASES,
      SCIENCE_VENUES,
    ],
  };
}
