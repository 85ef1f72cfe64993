import type { DuckDBConnection } from '@duckdb/node-api';
import { periodDates, periodKindOf, parsePeriod } from '@kesu/schema';
import { appendRows, exec, rows, type Cell } from '@kesu/store';
import { WH } from './catalog.js';

// Every region with each of its ancestors (itself at distance 0), walked from the parents.
const REGION_TREE = `
  INSERT INTO ${WH}.region_tree (ancestor_code, region_code, distance)
  WITH RECURSIVE up(ancestor_code, region_code, distance) AS (
    SELECT code, code, 0 FROM main.regions
    UNION ALL
    SELECT r.parent, up.region_code, up.distance + 1
    FROM up JOIN main.regions r ON r.code = up.ancestor_code
    WHERE r.parent IS NOT NULL
  )
  SELECT ancestor_code, region_code, distance FROM up`;

const REGIONS = `
  INSERT INTO ${WH}.dim_region (
    region_code, name, short, level, depth, parent_code, province_code, prefecture_code)
  SELECT r.code, r.name, r.short, r.level, d.depth, r.parent,
    (SELECT t.ancestor_code FROM ${WH}.region_tree t WHERE t.region_code = r.code ORDER BY t.distance DESC LIMIT 1),
    CASE WHEN r.level = 'prefecture' THEN r.code WHEN p.level = 'prefecture' THEN p.code END
  FROM main.regions r
  LEFT JOIN main.regions p ON p.code = r.parent
  JOIN (SELECT region_code, max(distance) AS depth FROM ${WH}.region_tree GROUP BY region_code) d
    ON d.region_code = r.code`;

/** Regions with their hierarchy, department functions and the indicator catalog, copied whole. */
async function registryDimensions(connection: DuckDBConnection): Promise<void> {
  await exec(connection, REGION_TREE);
  await exec(connection, REGIONS);
  await exec(
    connection,
    `INSERT INTO ${WH}.dim_department_function (function_code, name_zh, name_en)
     SELECT code, name_zh, name_en FROM main.department_functions`,
  );
  await exec(
    connection,
    `INSERT INTO ${WH}.dim_indicator (indicator_code, name_zh, name_en, unit, kind, family)
     SELECT code, name_zh, name_en, unit, kind, family FROM main.indicators`,
  );
}

const DAY_MS = 86_400_000;

/** Every year of every plan, as a period: a past year's verdict is judged as of its end. */
const PLAN_YEARS_SQL = `SELECT DISTINCT CAST(y AS VARCHAR) FROM ${WH}.dim_plan, range(start_year, end_year + 1) r(y)`;

/**
 * One row per period any assignment asks for or any plan spans, with its calendar parts (rebuilt
 * whole: it is tiny).
 */
export async function buildPeriodDimension(connection: DuckDBConnection): Promise<void> {
  await exec(connection, `DELETE FROM ${WH}.dim_period`);
  const periods = (await rows(connection, `SELECT period FROM main.assignments UNION ${PLAN_YEARS_SQL}`)).map((r) =>
    String(r['period']),
  );
  const out: Cell[][] = [];
  for (const period of periods) {
    const p = parsePeriod(period);
    if (!p) continue;
    const kind = periodKindOf(period);
    const { start, end } = periodDates(period);
    const last = new Date(end.getTime() - DAY_MS);
    const month = kind === 'month' ? p.index : null;
    const quarter = kind === 'quarter' ? p.index : month === null ? null : Math.ceil(month / 3);
    const half = kind === 'half' ? p.index : quarter === null ? null : Math.ceil(quarter / 2);
    out.push([period, kind, p.year, half, quarter, month, start, last]);
  }
  await appendRows(connection, 'dim_period', out, WH);
}

// The parts of a plan the warehouse keeps, read in one pass over its JSON (a national set's plans
// are tens of megabytes; they were validated when saved).
const PLAN_SHAPE = JSON.stringify({
  title: 'VARCHAR',
  region: { code: 'VARCHAR' },
  period: { start: 'INTEGER', end: 'INTEGER' },
  literacyTarget: { value: 'DOUBLE', stretch: 'DOUBLE', deadline: 'INTEGER' },
  targets: [
    {
      task: 'VARCHAR',
      metric: 'VARCHAR',
      indicator: 'VARCHAR',
      scope: 'VARCHAR',
      comparator: 'VARCHAR',
      value: 'DOUBLE',
      valueMax: 'DOUBLE',
      unit: 'VARCHAR',
      perUnit: 'VARCHAR',
      deadline: 'INTEGER',
      leadUnits: ['VARCHAR'],
      text: 'VARCHAR',
    },
  ],
});

/** Every plan's latest revision, unpacked, as the temporary table plan_parts of this connection. */
export async function loadPlanParts(connection: DuckDBConnection): Promise<void> {
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE plan_parts AS
     SELECT id AS plan_id, coalesce(region_code, plan.region.code) AS region_code, plan.title AS title,
       plan.period AS period, plan.literacyTarget AS literacy, plan.targets AS targets
     FROM (SELECT id, region_code, json_transform(plan, $1) AS plan FROM main.plans)`,
    [PLAN_SHAPE],
  );
}

const PLANS = `
  INSERT INTO ${WH}.dim_plan (
    plan_id, title, region_code, start_year, end_year, literacy_target, literacy_stretch, literacy_deadline)
  SELECT plan_id, title, region_code, period.start, period.end, literacy.value, literacy.stretch, literacy.deadline
  FROM temp.plan_parts`;

// Every target of every plan, numbered from 1 in the plan's order (the id forms name it by).
const TARGETS = `
  INSERT INTO ${WH}.dim_target (
    target_id, plan_id, region_code, task, metric, indicator_code, scope, comparator, value, value_max, unit,
    per_unit, deadline, lead_units, text)
  WITH numbered AS (
    SELECT plan_id, region_code, unnest(targets) AS t, generate_subscripts(targets, 1) AS n FROM temp.plan_parts
  )
  SELECT plan_id || '#' || n, plan_id, region_code, t.task, t.metric, t.indicator, t.scope, t.comparator,
    t.value, t.valueMax, t.unit, t.perUnit, t.deadline, array_to_string(t.leadUnits, '、'), t.text
  FROM numbered`;

/** The tables buildDimensions writes (dim_period by buildPeriodDimension, which it ends with). */
export const DIMENSION_TABLES = [
  'region_tree',
  'dim_region',
  'dim_department_function',
  'dim_indicator',
  'dim_plan',
  'dim_target',
  'dim_period',
] as const;

/**
 * Rebuilds every dimension from the operational tables (after loadPlanParts; they are small, so a
 * build redoes them whole).
 */
export async function buildDimensions(connection: DuckDBConnection): Promise<void> {
  for (const table of DIMENSION_TABLES.filter((t) => t !== 'dim_period')) {
    await exec(connection, `DELETE FROM ${WH}.${table}`);
  }
  await registryDimensions(connection);
  await exec(connection, PLANS);
  await exec(connection, TARGETS);
  await buildPeriodDimension(connection);
}
