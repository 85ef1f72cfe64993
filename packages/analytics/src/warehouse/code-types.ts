import type { DuckDBConnection } from '@duckdb/node-api';
import { PERIOD_KINDS, SUBMISSION_STATUSES } from '@kesu/schema';
import { exec, first, quoteLiteral } from '@kesu/store';
import { WH } from './catalog.js';

/**
 * The code columns the warehouse file stores as DuckDB ENUM types. Millions of fact rows repeat a
 * few thousand region codes, a few dozen periods and indicators, some thousands of unit names:
 * as enums they are written as small integers (a full build writes its facts twice as fast) and
 * joined as integers, yet they read, compare and print as the same text. The Parquet lake and
 * the SQL sandbox see plain text.
 */
export const CODE_KINDS = [
  'region',
  'period',
  'period_type',
  'function',
  'indicator',
  'disaggregation',
  'department',
  'submission_status',
] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

/** The type's name inside the attached warehouse. */
export const codeType = (kind: CodeKind): string => `${WH}.code_${kind}`;

/**
 * What a type's values are read from: only the assignments of an incremental build
 * (temp.changed_assignments), and the plans (temp.plan_parts) or not.
 */
interface Sources {
  changedOnly: boolean;
  plans: boolean;
}

const assignments = ({ changedOnly }: Sources) => (changedOnly ? 'temp.changed_assignments' : 'main.assignments');

/** Every year a plan spans, as a period. */
const PLAN_YEARS = 'SELECT CAST(unnest(range(period.start, period.end + 1)) AS VARCHAR) FROM temp.plan_parts';

/**
 * Every value a type has to hold: the registries, and whatever the operational tables use that a
 * build copies into a code column (an imported plan's region, a form's function, a bound indicator).
 */
function valuesSql(kind: CodeKind, from: Sources): string {
  switch (kind) {
    case 'region':
      return `SELECT code FROM main.regions UNION SELECT region_code FROM ${assignments(from)}
        ${from.plans ? 'UNION SELECT region_code FROM temp.plan_parts' : ''}`;
    case 'period':
      // A plan's years too: each year's verdict is judged as of it.
      return `SELECT DISTINCT period FROM ${assignments(from)}
        ${from.plans ? `UNION ${PLAN_YEARS}` : ''}`;
    case 'period_type':
      return `SELECT unnest([${PERIOD_KINDS.map(quoteLiteral).join(', ')}])`;
    case 'function':
      return 'SELECT code FROM main.department_functions UNION SELECT department_function FROM main.forms';
    case 'disaggregation':
      return "SELECT '' UNION SELECT disaggregation FROM temp.field_binding";
    case 'department':
      return `SELECT DISTINCT department FROM ${assignments(from)}`;
    case 'submission_status':
      return `SELECT unnest([${[...SUBMISSION_STATUSES, 'missing'].map(quoteLiteral).join(', ')}])`;
    case 'indicator':
      return `SELECT code FROM main.indicators UNION SELECT indicator_code FROM temp.field_binding
        ${from.plans ? 'UNION SELECT unnest(targets).indicator FROM temp.plan_parts' : ''}`;
  }
}

/**
 * Drops the code types (after the tables using them) and creates them anew from the sources (after
 * loadFieldBindings and loadPlanParts).
 */
export async function createCodeTypes(connection: DuckDBConnection): Promise<void> {
  for (const kind of CODE_KINDS) {
    await exec(connection, `DROP TYPE IF EXISTS ${codeType(kind)}`);
    // Sorted, so that comparing two codes by their enum order agrees with comparing their text.
    await exec(
      connection,
      `CREATE TYPE ${codeType(kind)} AS ENUM (
         SELECT v FROM (${valuesSql(kind, { changedOnly: false, plans: true })}) s(v) WHERE v IS NOT NULL ORDER BY v)`,
    );
  }
}

/** Whether the warehouse has every code type (a file built before they existed has none). */
export async function hasCodeTypes(connection: DuckDBConnection): Promise<boolean> {
  const row = await first(
    connection,
    `SELECT count(*) AS n FROM duckdb_types()
     WHERE database_name = $1 AND type_name IN (${CODE_KINDS.map((k) => quoteLiteral(`code_${k}`)).join(', ')})`,
    [WH],
  );
  return Number(row?.['n']) === CODE_KINDS.length;
}

/**
 * Whether the code types still hold every value an incremental build would write (the plans'
 * too when they changed): a new period, region, function or indicator needs the types made
 * anew, which only a full build does.
 */
export async function codeTypesCover(connection: DuckDBConnection, plansChanged: boolean): Promise<boolean> {
  const missing = CODE_KINDS.map(
    (kind) =>
      `EXISTS (SELECT 1 FROM (${valuesSql(kind, { changedOnly: true, plans: plansChanged })}) s(v)
         WHERE v IS NOT NULL AND TRY_CAST(v AS ${codeType(kind)}) IS NULL)`,
  );
  return !(await first(connection, `SELECT ${missing.join(' OR ')} AS missing`))?.['missing'];
}
