import type { DuckDBConnection } from '@duckdb/node-api';
import { beijingYear, combineOf, comparePeriods, indicatorKinds, targetScopes, type TargetScope } from '@kesu/schema';
import { appendRows, exec, rows, type Cell, type Row } from '@kesu/store';
import { observationsUpTo, progressRules, type Observation, type Progress } from '../progress/rules.js';
import { regionObservations, type RegionObservation, type UnitValue } from '../progress/unit-values.js';
import { flaggedValues, withFlags } from '../progress/flags.js';
import { WH } from './catalog.js';
import { sqlNames } from '../charts/shared/sql-query.js';

/** Limits progress work to targets of the regions in temp.progress_regions, or none (all targets). */
const inScope = (partial: boolean, column: string) =>
  partial ? `AND ${column} IN (SELECT region_code FROM temp.progress_regions)` : '';

/** Scopes whose actual is the share of the region's units (its child regions) meeting the target. */
const PER_CHILD = sqlNames(targetScopes, (r) => r.actual === 'share_of_units');
/** Kinds a region only ever has as reported for itself (a rate is never summed from sub-regions). */
const OWN_ONLY = sqlNames(indicatorKinds, (k) => k.acrossRegions === 'none');
/** Kinds whose periods add up into a year (flows); the others keep their latest value. */
const SUMMED = sqlNames(indicatorKinds, (k) => k.overTime === 'sum');

/**
 * The values a target's rule reads, per region and indicator, already rolled up the tree as each
 * indicator kind says (`indicatorKinds`): flows summed over descendants and over each year; stocks
 * summed over descendants at each period; rates only as the region itself reported them. Levels
 * keep the first period (the baseline) and the last of each year, which is all their rules use in
 * any year. A per-unit target reads its region's children too.
 */
const observationsSql = (partial: boolean) => `
  WITH wanted AS (
    SELECT DISTINCT region_code, indicator_code FROM ${WH}.dim_target
    WHERE indicator_code IS NOT NULL AND scope NOT IN ${PER_CHILD} ${inScope(partial, 'region_code')}
    UNION
    SELECT DISTINCT c.region_code, t.indicator_code
    FROM ${WH}.dim_target t JOIN ${WH}.dim_region c ON c.parent_code = t.region_code
    WHERE t.indicator_code IS NOT NULL AND t.scope IN ${PER_CHILD} ${inScope(partial, 't.region_code')}
    UNION
    SELECT DISTINCT region_code, indicator_code FROM ${WH}.dim_target
    WHERE indicator_code IS NOT NULL AND scope IN ${PER_CHILD} ${inScope(partial, 'region_code')}
  ), rolled AS (
    SELECT tr.ancestor_code AS region_code, v.indicator_code, v.period, any_value(i.kind) AS kind,
      CASE WHEN any_value(i.kind) IN ${OWN_ONLY} THEN avg(v.value) FILTER (WHERE tr.distance = 0)
        ELSE sum(v.value) END AS value
    FROM ${WH}.fact_value v
    JOIN ${WH}.region_tree tr ON tr.region_code = v.region_code
    JOIN wanted w ON w.region_code = tr.ancestor_code AND w.indicator_code = v.indicator_code
    JOIN ${WH}.dim_indicator i ON i.indicator_code = v.indicator_code
    WHERE v.disaggregation = ''
    GROUP BY tr.ancestor_code, v.indicator_code, v.period
  ), dated AS (
    SELECT r.*, p.year, p.end_date, p.period_type FROM rolled r JOIN ${WH}.dim_period p ON p.period = r.period
    WHERE r.value IS NOT NULL
  )
  SELECT region_code, indicator_code, CAST(year AS VARCHAR) AS period, sum(value) AS value
  FROM dated WHERE kind IN ${SUMMED} GROUP BY ALL
  UNION ALL
  SELECT region_code, indicator_code, arg_max(period, end_date) AS period, arg_max(value, end_date) AS value
  FROM dated WHERE kind NOT IN ${SUMMED} GROUP BY region_code, indicator_code, year
  UNION ALL
  SELECT region_code, indicator_code, arg_min(period, end_date) AS period, arg_min(value, end_date) AS value
  FROM dated WHERE kind NOT IN ${SUMMED} GROUP BY region_code, indicator_code`;

interface TargetRow {
  targetId: string;
  regionCode: string;
  indicator: string | null;
  scope: TargetScope;
  comparator: '>=' | '>' | '~' | '=';
  value: number;
  unit: string | null;
  deadline: number | null;
  plan: { start: number; end: number };
}

function toTarget(r: Row): TargetRow {
  return {
    targetId: String(r['target_id']),
    regionCode: String(r['region_code']),
    indicator: (r['indicator_code'] as string | null) ?? null,
    scope: r['scope'] as TargetScope,
    comparator: r['comparator'] as TargetRow['comparator'],
    value: Number(r['value']),
    unit: (r['unit'] as string | null) ?? null,
    deadline: r['deadline'] === null ? null : Number(r['deadline']),
    plan: { start: Number(r['start_year']), end: Number(r['end_year']) },
  };
}

type ObservationIndex = Map<string, Observation[]>;

/**
 * Each unit's approved values of each target's own field (several fields of one report on a target
 * keep the larger).
 */
const targetUnitValuesSql = (partial: boolean) => `
  SELECT v.target_id, CAST(v.department AS VARCHAR) AS unit, CAST(v.period AS VARCHAR) AS period, max(v.value) AS value
  FROM ${WH}.fact_target_value v JOIN ${WH}.dim_target t ON t.target_id = v.target_id
  WHERE true ${inScope(partial, 't.region_code')}
  GROUP BY ALL`;

/** The values each target's own field reported, per unit, in the target's region and below. */
async function loadTargetUnitValues(connection: DuckDBConnection, partial: boolean): Promise<Map<string, UnitValue[]>> {
  const index = new Map<string, UnitValue[]>();
  for (const r of await rows(connection, targetUnitValuesSql(partial))) {
    const id = String(r['target_id']);
    let list = index.get(id);
    if (!list) index.set(id, (list = []));
    list.push({ unit: String(r['unit'] ?? ''), period: String(r['period']), value: Number(r['value']) });
  }
  return index;
}

async function loadObservations(connection: DuckDBConnection, partial: boolean): Promise<ObservationIndex> {
  const index: ObservationIndex = new Map();
  for (const r of await rows(connection, observationsSql(partial))) {
    const key = `${String(r['region_code'])}|${String(r['indicator_code'])}`;
    const list = index.get(key) ?? [];
    const period = String(r['period']);
    // A level reported once has the same first and latest period: keep it once.
    if (!list.some((o) => o.period === period)) list.push({ period, value: Number(r['value']) });
    index.set(key, list);
  }
  return index;
}

/**
 * A per-unit target's observation as of a period: the share (%) of the region's units — its child
 * regions, or the region itself when none of them reported — whose latest value by then meets it.
 */
function perUnitObservations(
  target: TargetRow,
  children: string[],
  index: ObservationIndex,
  asOf: string,
): Observation[] {
  const latest = (region: string) => observationsUpTo(index.get(`${region}|${target.indicator}`) ?? [], asOf).at(-1);
  const reported = children.map(latest).filter((o): o is Observation => o !== undefined);
  const units =
    reported.length > 0 ? reported : [latest(target.regionCode)].filter((o): o is Observation => o !== undefined);
  if (units.length === 0) return [];
  const meeting = units.filter((o) => o.value >= target.value).length;
  const period = units
    .map((o) => o.period)
    .sort(comparePeriods)
    .at(-1) as string;
  return [{ period, value: (100 * meeting) / units.length }];
}

const NO_INDICATOR: Progress = {
  status: 'no_data',
  actual: null,
  expected: null,
  rule: {
    zh: '目标既无对应填报字段也未关联指标，无法计算进度',
    en: 'no form field reports the target and it has no indicator to measure it by',
  },
};
const NO_DATA: Progress = {
  status: 'no_data',
  actual: null,
  expected: null,
  rule: { zh: '尚无已审核数据', en: 'no approved data yet' },
};

function judge(t: TargetRow, asOf: string | null, observations: Observation[], ownField: boolean): Progress {
  if (t.indicator === null && !ownField) return NO_INDICATOR;
  if (asOf === null) return NO_DATA;
  return progressRules[t.scope]({
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    deadline: t.deadline,
    plan: t.plan,
    asOf,
    observations,
  });
}

/**
 * A target judged by its own field: the region's values built from every unit, and any value far
 * from its unit's history named.
 */
function judgeOwn(
  t: TargetRow,
  asOf: string | null,
  observations: RegionObservation[],
): Progress & { flagged: boolean } {
  const progress = judge(t, asOf, observations, true);
  const flagged = asOf === null ? [] : flaggedValues(t.scope, observations, asOf, t.plan.start);
  return { ...withFlags(progress, flagged, t.unit), flagged: flagged.length > 0 };
}

/**
 * The latest period with approved data in each target region's tree: a region is judged as of
 * its own latest report, so one reporting yearly is not judged against a quarter it never reports.
 */
async function latestPeriods(connection: DuckDBConnection, partial: boolean): Promise<Map<string, string>> {
  const sql = `SELECT tr.ancestor_code AS region_code, arg_max(s.period, p.end_date) AS period
    FROM ${WH}.fact_submission s
    JOIN ${WH}.region_tree tr ON tr.region_code = s.region_code
    JOIN ${WH}.dim_period p ON p.period = s.period
    WHERE s.status = 'approved'
      AND tr.ancestor_code IN (SELECT region_code FROM ${WH}.dim_target WHERE true ${inScope(partial, 'region_code')})
    GROUP BY tr.ancestor_code`;
  return new Map((await rows(connection, sql)).map((r) => [String(r['region_code']), String(r['period'])]));
}

/**
 * The years a target gets a verdict for and the period each is judged as of: every year of its
 * plan up to the current one; a past year as of its end, the current year as of the region's
 * latest approved report (null: nothing approved yet, so no data).
 */
export function verdictYears(
  plan: { start: number; end: number },
  latest: string | null,
  currentYear: number,
): Array<{ year: number; asOf: string | null }> {
  const years: Array<{ year: number; asOf: string | null }> = [];
  for (let year = plan.start; year <= Math.min(plan.end, currentYear); year++) {
    years.push({ year, asOf: latest === null ? null : year < currentYear ? String(year) : latest });
  }
  return years;
}

/**
 * Recomputes fact_progress by the progress rules, one verdict per target and year of its plan:
 * for every target, or (partial) for the targets of the regions in temp.progress_regions.
 */
export async function buildProgress(connection: DuckDBConnection, partial: boolean, today: Date): Promise<number> {
  const asOf = await latestPeriods(connection, partial);
  const targets = (
    await rows(
      connection,
      `SELECT t.target_id, t.region_code, t.indicator_code, t.scope, t.comparator, t.value, t.unit, t.deadline,
         p.start_year, p.end_year
       FROM ${WH}.dim_target t JOIN ${WH}.dim_plan p ON p.plan_id = t.plan_id
       WHERE true ${inScope(partial, 't.region_code')}`,
    )
  ).map(toTarget);
  const index = asOf.size === 0 ? new Map() : await loadObservations(connection, partial);
  const unitValues = await loadTargetUnitValues(connection, partial);
  const children = new Map<string, string[]>();
  for (const r of await rows(
    connection,
    `SELECT parent_code, list(region_code) AS codes FROM ${WH}.dim_region
     WHERE parent_code IS NOT NULL GROUP BY parent_code`,
  )) {
    children.set(String(r['parent_code']), r['codes'] as string[]);
  }
  const currentYear = beijingYear(today);
  const own = new Map<string, RegionObservation[]>();
  for (const t of targets) {
    const values = unitValues.get(t.targetId);
    if (values) own.set(t.targetId, regionObservations(values, combineOf(t.scope, t.unit)));
  }
  // A target's own field is what it is judged by; only without one does the indicator stand in.
  const byIndicator = (t: TargetRow, at: string | null): Progress & { flagged: boolean } => {
    const observations =
      targetScopes[t.scope].actual === 'share_of_units' && at !== null
        ? perUnitObservations(t, children.get(t.regionCode) ?? [], index, at)
        : (index.get(`${t.regionCode}|${t.indicator}`) ?? []);
    return { ...judge(t, at, observations, false), flagged: false };
  };
  const out: Cell[][] = targets.flatMap((t) =>
    verdictYears(t.plan, asOf.get(t.regionCode) ?? null, currentYear).map(({ year, asOf: at }) => {
      const reported = own.get(t.targetId);
      const p = reported ? judgeOwn(t, at, reported) : byIndicator(t, at);
      return [t.targetId, t.regionCode, year, at, p.status, p.actual, p.expected, p.rule.zh, p.rule.en, p.flagged];
    }),
  );
  await exec(connection, `DELETE FROM ${WH}.fact_progress WHERE true ${inScope(partial, 'region_code')}`);
  await appendRows(connection, 'fact_progress', out, WH);
  return out.length;
}
