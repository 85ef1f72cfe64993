import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, first } from '@kesu/store';
import { createTableSql, WAREHOUSE_TABLES } from './tables.js';

/** The name the warehouse file is attached under, beside the operational database. */
export const WH = 'wh';

/** Build bookkeeping: not a documented table, so the SQL sandbox never shows it. */
const BUILDS_SQL = `CREATE TABLE IF NOT EXISTS ${WH}.warehouse_builds (
  built_at TIMESTAMP NOT NULL, kind VARCHAR NOT NULL, revisions_until TIMESTAMP, assignments_until TIMESTAMP, ms DOUBLE NOT NULL, value_rows BIGINT NOT NULL)`;

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Attaches the warehouse file to the operational database's instance, so builds read the
 * store and write the warehouse inside one engine, with no rows passing through JavaScript.
 */
export async function attachWarehouse(connection: DuckDBConnection, file: string): Promise<void> {
  // ATTACH takes no bound parameters; the path is quoted as a string literal.
  await exec(connection, `ATTACH IF NOT EXISTS ${literal(file)} AS ${WH}`);
  // Builds insert millions of rows, twice as fast when DuckDB may write them in any order. The
  // setting is the whole instance's: every store query whose order matters says ORDER BY.
  await exec(connection, 'SET preserve_insertion_order = false');
  await exec(connection, BUILDS_SQL);
}

/** Drops and recreates every documented table (a full build starts from nothing). */
export async function recreateTables(connection: DuckDBConnection): Promise<void> {
  for (const table of WAREHOUSE_TABLES) {
    await exec(connection, `DROP TABLE IF EXISTS ${WH}.${table.name}`);
    await exec(connection, createTableSql(table).replace(`CREATE TABLE ${table.name}`, `CREATE TABLE ${WH}.${table.name}`));
  }
}

/** Whether a full build has ever completed into the attached warehouse. */
export async function hasBuild(connection: DuckDBConnection): Promise<boolean> {
  return Number((await first(connection, `SELECT count(*) AS n FROM ${WH}.warehouse_builds WHERE kind = 'full'`))?.['n']) > 0;
}
