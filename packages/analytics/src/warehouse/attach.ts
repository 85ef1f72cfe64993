import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, first, quoteLiteral } from '@kesu/store';
import { WH } from './catalog.js';
import { codeType, createCodeTypes, hasCodeTypes } from './code-types.js';
import { WAREHOUSE_TABLES, type TableDoc } from './tables.js';

export { WH } from './catalog.js';

/** Build bookkeeping: not a documented table, so the SQL sandbox never shows it. */
const BUILDS_SQL = `CREATE TABLE IF NOT EXISTS ${WH}.warehouse_builds (
  built_at TIMESTAMP NOT NULL, kind VARCHAR NOT NULL, revisions_until TIMESTAMP, assignments_until TIMESTAMP,
  ms DOUBLE NOT NULL, value_rows BIGINT NOT NULL)`;
/** What the last full build counted by (the approval level data counts from), to know when a setting changed. */
const SETTINGS_SQL = `CREATE TABLE IF NOT EXISTS ${WH}.warehouse_settings (name VARCHAR PRIMARY KEY, value VARCHAR)`;

/**
 * Attaches the warehouse file to the operational database's instance, so builds read the
 * store and write the warehouse inside one engine, with no rows passing through JavaScript.
 */
export async function attachWarehouse(connection: DuckDBConnection, file: string): Promise<void> {
  // ATTACH takes no bound parameters; the path is quoted as a string literal.
  await exec(connection, `ATTACH IF NOT EXISTS ${quoteLiteral(file)} AS ${WH}`);
  // Builds insert millions of rows, twice as fast when DuckDB may write them in any order. The
  // setting is the whole instance's: every store query whose order matters says ORDER BY.
  await exec(connection, 'SET preserve_insertion_order = false');
  await exec(connection, BUILDS_SQL);
  await exec(connection, SETTINGS_SQL);
}

/** A documented table as the warehouse file stores it: code columns with their enum types. */
function warehouseTableSql(table: TableDoc): string {
  const columns = table.columns.map((c) => `${c.name} ${c.code === undefined ? c.type : codeType(c.code)}`);
  return `CREATE TABLE ${WH}.${table.name} (${columns.join(', ')})`;
}

/**
 * Drops and recreates every documented table and the code types they use (a full build starts
 * from nothing; the types are made from the sources, so loadFieldBindings comes first).
 */
export async function recreateTables(connection: DuckDBConnection): Promise<void> {
  for (const table of WAREHOUSE_TABLES) await exec(connection, `DROP TABLE IF EXISTS ${WH}.${table.name}`);
  await createCodeTypes(connection);
  for (const table of WAREHOUSE_TABLES) await exec(connection, warehouseTableSql(table));
}

/** Every documented column as `table.column`, in one string, to compare a file's layout with. */
const LAYOUT = WAREHOUSE_TABLES.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
  .sort()
  .join(',');

/** Whether the attached file's tables have exactly the documented columns (a file from an older layout does not). */
async function layoutMatches(connection: DuckDBConnection): Promise<boolean> {
  const tables = WAREHOUSE_TABLES.map((t) => quoteLiteral(t.name)).join(', ');
  const found = await first(
    connection,
    `SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name || '.' || column_name) AS layout
     FROM duckdb_columns() WHERE database_name = '${WH}' AND table_name IN (${tables})`,
  );
  return found?.['layout'] === LAYOUT;
}

/** Whether a full build of this layout (with its code types) has completed into the attached warehouse. */
export async function hasBuild(connection: DuckDBConnection): Promise<boolean> {
  const built =
    Number((await first(connection, `SELECT count(*) AS n FROM ${WH}.warehouse_builds WHERE kind = 'full'`))?.['n']) >
    0;
  return built && (await hasCodeTypes(connection)) && (await layoutMatches(connection));
}
