import type { DuckDBConnection } from '@duckdb/node-api';
import { FormDefinition, type ApprovalLevel } from '@kesu/schema';
import { appendRows, exec, first, quoteLiteral, rows, type Cell } from '@kesu/store';
import { WH } from './catalog.js';
import { codeType } from './code-types.js';

/** `targetGroup=youth&level=county` for a binding's breakdown, '' for the total. */
export function disaggregationKey(values: Record<string, string>): string {
  return Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Which field of which form version reports which indicator, as a temporary table of this connection. */
export async function loadFieldBindings(connection: DuckDBConnection): Promise<void> {
  await exec(
    connection,
    'CREATE OR REPLACE TEMP TABLE field_binding (form_id VARCHAR, version INTEGER, field_id VARCHAR, ' +
      'indicator_code VARCHAR, disaggregation VARCHAR, target_id VARCHAR)',
  );
  const out: Cell[][] = [];
  for (const r of await rows(
    connection,
    'SELECT v.form_id, v.version, v.definition, f.plan_id ' +
      'FROM main.form_versions v JOIN main.forms f ON f.id = v.form_id',
  )) {
    const parsed = FormDefinition.safeParse(JSON.parse(String(r['definition'])));
    if (!parsed.success) continue;
    const plan = r['plan_id'] as string | null;
    for (const field of parsed.data.sections.flatMap((s) => s.fields)) {
      const binding = 'binding' in field ? field.binding : undefined;
      const target =
        'target' in field && field.target !== undefined && plan !== null ? `${plan}#${field.target}` : null;
      if (!binding && target === null) continue;
      out.push([
        String(r['form_id']),
        Number(r['version']),
        field.id,
        binding?.indicator ?? null,
        binding ? disaggregationKey(binding.disaggregation) : null,
        target,
      ]);
    }
  }
  await appendRows(connection, 'field_binding', out, 'temp');
  // A form with two fields on the same indicator and breakdown needs its values merged; knowing
  // which bindings are shared lets every other value skip that (costly) grouping.
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE field_binding AS SELECT *,
       indicator_code IS NOT NULL
         AND count(*) OVER (PARTITION BY form_id, version, indicator_code, disaggregation) > 1 AS shared
     FROM temp.field_binding`,
  );
}

/** The assignments and revisions a build reads: all of them, or (incremental) copies of the changed ones'. */
interface Sources {
  assignments: string;
  revisions: string;
}

const ALL: Sources = { assignments: 'main.assignments', revisions: 'main.submission_revisions' };
const CHANGED: Sources = { assignments: 'temp.changed_assignments', revisions: 'temp.changed_revisions' };

/**
 * Copies the changed assignments (temp.changed) and their revisions aside: every fact query of
 * a refresh reads them, and each would otherwise look for a few rows among millions.
 */
export async function collectChangedSources(connection: DuckDBConnection): Promise<void> {
  await exec(
    connection,
    'CREATE OR REPLACE TEMP TABLE changed_assignments AS ' +
      'SELECT * FROM main.assignments WHERE id IN (SELECT assignment_id FROM temp.changed)',
  );
  await exec(
    connection,
    'CREATE OR REPLACE TEMP TABLE changed_revisions AS ' +
      'SELECT * FROM main.submission_revisions WHERE assignment_id IN (SELECT assignment_id FROM temp.changed)',
  );
}

/** An approval level (or a region level, for data approved before levels were recorded) as a number, lowest 1. */
const levelRank = (column: string) => `CASE ${column} WHEN 'province' THEN 3 WHEN 'prefecture' THEN 2 ELSE 1 END`;

/**
 * The newest revision of each assignment, when approved: found without carrying the values along.
 * With a level to count from, only data approved at that level or above: an approval recorded
 * without a level was made by the office of the report's own region.
 */
const approved = (from: Sources, countFrom: ApprovalLevel | null) => {
  const ownRegion =
    countFrom === null
      ? ''
      : `JOIN ${from.assignments} own ON own.id = r.assignment_id
    LEFT JOIN main.regions g ON g.code = own.region_code`;
  const atLevel =
    countFrom === null
      ? ''
      : `AND ${levelRank('coalesce(r.approved_level, g.level)')} >= ${levelRank(quoteLiteral(countFrom))}`;
  return `
  approved AS (
    SELECT r.assignment_id, r.form_version, r.submission_values, r.created_at
    FROM ${from.revisions} r
    JOIN (SELECT assignment_id, max(revision) AS revision FROM ${from.revisions} GROUP BY assignment_id) last
      ON last.assignment_id = r.assignment_id AND last.revision = r.revision
    ${ownRegion}
    WHERE r.status = 'approved'
    ${atLevel}
  )`;
};

/**
 * Each approved value with what its assignment tells about it, optionally only for some forms
 * (`forms`: a query of form_id, version). The assignment's attributes are converted to the
 * warehouse's types before the values are unpacked: copied to every value as small integers,
 * they cost far less than text would.
 */
const entries = (from: Sources, forms?: string) => {
  const onlyForms =
    forms === undefined
      ? ''
      : `JOIN (${forms}) only_forms ON only_forms.form_id = a.form_id AND only_forms.version = ap.form_version`;
  return `
  attributes AS (
    SELECT CAST(ap.assignment_id AS UUID) AS assignment_id, a.form_id, ap.form_version, ap.submission_values,
      a.region_code::${codeType('region')} AS region_code, r.province_code, p.year,
      a.period::${codeType('period')} AS period, p.period_type, a.department::${codeType('department')} AS department,
      f.department_function::${codeType('function')} AS function_code, ap.created_at AS approved_at
    FROM approved ap JOIN ${from.assignments} a ON a.id = ap.assignment_id JOIN main.forms f ON f.id = a.form_id
    ${onlyForms}
    LEFT JOIN ${WH}.dim_region r ON r.region_code = a.region_code
    LEFT JOIN ${WH}.dim_period p ON p.period = a.period
  ),
  entries AS (
    SELECT * EXCLUDE (submission_values), unnest(map_entries(submission_values::JSON::MAP(VARCHAR, JSON))) AS entry
    FROM attributes
  )`;
};

// Read from the JSON text, so a string (a note) can only ever come out as NULL, never fail.
const NUMBER = `TRY_CAST(CASE CAST(e.entry.value AS VARCHAR) WHEN 'true' THEN '1' WHEN 'false' THEN '0'
  ELSE CAST(e.entry.value AS VARCHAR) END AS DOUBLE)`;

const BINDING_MATCH = 'b.form_id = e.form_id AND b.version = e.form_version AND b.field_id = e.entry.key';
const ATTRIBUTES =
  'e.assignment_id, e.region_code, e.province_code, e.year, e.period, e.period_type, e.department, e.function_code';

/** Approved values of indicator-bound fields, each field's value as it is. */
const valuesSql = (from: Sources, countFrom: ApprovalLevel | null) => `
  INSERT INTO ${WH}.fact_value (
    assignment_id, region_code, province_code, year, period, period_type, department, function_code, indicator_code,
    disaggregation, value, approved_at)
  WITH ${approved(from, countFrom)}, ${entries(from)}
  SELECT * FROM (
    SELECT ${ATTRIBUTES}, b.indicator_code, b.disaggregation, ${NUMBER} AS value, e.approved_at
    FROM entries e JOIN temp.value_binding b ON ${BINDING_MATCH}
    WHERE NOT b.shared
  ) WHERE value IS NOT NULL`;

/**
 * Two fields of one form bound to the same indicator and breakdown report the same quantity
 * twice (a form with two targets on one indicator), so the row keeps the larger, never the sum.
 * Only such forms' values are unpacked for it.
 */
const sharedValuesSql = (from: Sources, countFrom: ApprovalLevel | null) => `
  INSERT INTO ${WH}.fact_value (
    assignment_id, region_code, province_code, year, period, period_type, department, function_code, indicator_code,
    disaggregation, value, approved_at)
  WITH ${approved(from, countFrom)},
  ${entries(from, 'SELECT DISTINCT form_id, version FROM temp.value_binding WHERE shared')}
  SELECT * FROM (
    SELECT ${ATTRIBUTES}, b.indicator_code, b.disaggregation, max(${NUMBER}) AS value, any_value(e.approved_at)
    FROM entries e JOIN temp.value_binding b ON ${BINDING_MATCH}
    WHERE b.shared
    GROUP BY ${ATTRIBUTES}, b.indicator_code, b.disaggregation
  ) WHERE value IS NOT NULL`;

// Values of the fields that name the plan target they report (only those forms are unpacked).
const targetValuesSql = (from: Sources, countFrom: ApprovalLevel | null) => `
  INSERT INTO ${WH}.fact_target_value (
    assignment_id, target_id, region_code, province_code, year, period, department, value, approved_at)
  WITH ${approved(from, countFrom)},
  ${entries(from, 'SELECT DISTINCT form_id, version FROM temp.field_binding WHERE target_id IS NOT NULL')}
  SELECT * FROM (
    SELECT e.assignment_id, b.target_id, e.region_code, e.province_code, e.year, e.period, e.department,
      max(${NUMBER}) AS value, any_value(e.approved_at)
    FROM entries e JOIN temp.field_binding b ON ${BINDING_MATCH}
    WHERE b.target_id IS NOT NULL
    GROUP BY e.assignment_id, b.target_id, e.region_code, e.province_code, e.year, e.period, e.department
  ) WHERE value IS NOT NULL`;

// Every assignment with what became of it; missing ones count as late once their due date passed.
const submissionsSql = (from: Sources) => `
  INSERT INTO ${WH}.fact_submission (
    assignment_id, form_id, form_version, region_code, province_code, year, period, department, function_code,
    due_date, status, submitted_at, approved_at, late)
  WITH history AS (
    SELECT assignment_id, arg_max(status, revision) AS status, arg_max(form_version, revision) AS form_version,
      min(created_at) FILTER (WHERE status = 'submitted') AS submitted_at,
      max(created_at) FILTER (WHERE status = 'approved') AS approved_at
    FROM ${from.revisions}
    GROUP BY assignment_id
  )
  SELECT CAST(a.id AS UUID), a.form_id, coalesce(h.form_version, a.version), a.region_code, r.province_code, p.year,
    a.period, a.department, f.department_function,
    a.due_date, coalesce(h.status, 'missing'), h.submitted_at, h.approved_at,
    CASE WHEN a.due_date IS NULL THEN false
         WHEN h.submitted_at IS NULL THEN current_date > a.due_date
         ELSE CAST(h.submitted_at AS DATE) > a.due_date END
  FROM ${from.assignments} a
  JOIN main.forms f ON f.id = a.form_id
  LEFT JOIN history h ON h.assignment_id = a.id
  LEFT JOIN ${WH}.dim_region r ON r.region_code = a.region_code
  LEFT JOIN ${WH}.dim_period p ON p.period = a.period`;

/** The facts' tables, which an incremental build deletes the changed assignments' rows from. */
export const FACT_TABLES = ['fact_value', 'fact_target_value', 'fact_submission'] as const;

/**
 * Deletes the fact rows of the assignments in temp.changed. Only an assignment approved at the
 * last build has values: the usual refresh (a submitted report approved) has none to delete and
 * skips looking for them among millions of rows.
 */
export async function deleteChangedFacts(connection: DuckDBConnection): Promise<void> {
  const stale = `SELECT assignment_id FROM ${WH}.fact_submission
    WHERE status = 'approved' AND assignment_id IN (SELECT CAST(assignment_id AS UUID) FROM temp.changed)`;
  const approvedBefore = await rows(connection, `${stale} LIMIT 1`);
  if (approvedBefore.length > 0) {
    await exec(connection, `DELETE FROM ${WH}.fact_value WHERE assignment_id IN (${stale})`);
    await exec(connection, `DELETE FROM ${WH}.fact_target_value WHERE assignment_id IN (${stale})`);
  }
  await exec(
    connection,
    `DELETE FROM ${WH}.fact_submission WHERE assignment_id IN (SELECT CAST(assignment_id AS UUID) FROM temp.changed)`,
  );
}

/**
 * The indicator bindings of temp.field_binding with their codes in the warehouse's type,
 * converted once here, as temp.value_binding.
 */
export async function loadValueBindings(connection: DuckDBConnection): Promise<void> {
  await exec(
    connection,
    `CREATE OR REPLACE TEMP TABLE value_binding AS
     SELECT form_id, version, field_id, indicator_code::${codeType('indicator')} AS indicator_code,
       disaggregation::${codeType('disaggregation')} AS disaggregation, shared
     FROM temp.field_binding WHERE indicator_code IS NOT NULL`,
  );
}

/**
 * Writes the fact rows from temp.field_binding and temp.value_binding: of every assignment, or
 * (incremental) of those in temp.changed_assignments with temp.changed_revisions, whose earlier
 * rows deleteChangedFacts removed. Returns how many values it wrote.
 */
export async function buildFacts(
  connection: DuckDBConnection,
  incremental: boolean,
  countFrom: ApprovalLevel | null,
): Promise<number> {
  const from = incremental ? CHANGED : ALL;
  const inserted = async (sql: string) => Number((await first(connection, sql))?.['Count'] ?? 0);
  let values = await inserted(valuesSql(from, countFrom));
  const has = async (where: string) =>
    (await rows(connection, `SELECT 1 FROM temp.field_binding WHERE ${where} LIMIT 1`)).length > 0;
  if (await has('shared')) values += await inserted(sharedValuesSql(from, countFrom));
  if (await has('target_id IS NOT NULL')) await exec(connection, targetValuesSql(from, countFrom));
  await exec(connection, submissionsSql(from));
  return values;
}
