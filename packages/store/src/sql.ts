import type { DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Db, Params, Row } from './db.js';
import { duckAppend, duckExec, duckRows, type DuckDBParams } from './duckdb/duckdb-sql.js';

export { placeholders, sqlTimestamp, type Cell, type Params, type Row } from './db.js';
export type { DuckDBParams } from './duckdb/duckdb-sql.js';

/**
 * Where a query runs: the operational store's connection on either engine, or a DuckDB
 * connection of its own (the warehouse and the SQL sandbox, which are DuckDB on every backend).
 */
export type Connection = Db | DuckDBConnection;

const isDb = (c: Connection): c is Db => 'dialect' in c;

/** Runs a query with bound parameters and returns its rows. */
export function rows(connection: Connection, sql: string, params?: Params | DuckDBParams): Promise<Row[]> {
  return isDb(connection)
    ? connection.rows(sql, params as Params | undefined)
    : duckRows(connection, sql, params as DuckDBParams | undefined);
}

/** The first row of a query, or undefined. */
export async function first(
  connection: Connection,
  sql: string,
  params?: Params | DuckDBParams,
): Promise<Row | undefined> {
  return (await rows(connection, sql, params))[0];
}

/** Runs a statement with bound parameters. */
export async function exec(connection: Connection, sql: string, params?: Params | DuckDBParams): Promise<void> {
  if (isDb(connection)) await connection.exec(sql, params as Params | undefined);
  else await duckExec(connection, sql, params as DuckDBParams | undefined);
}

/**
 * Adds rows in the caller's transaction, the fastest way the engine has (DuckDB's Appender;
 * multi-row INSERTs on PostgreSQL). `catalog` names an attached DuckDB database.
 */
export async function appendRows(
  connection: Connection,
  table: string,
  rowsToAdd: readonly Cell[][],
  catalog: string | null = null,
): Promise<void> {
  if (isDb(connection)) await connection.append(table, rowsToAdd);
  else await duckAppend(connection, table, rowsToAdd, catalog);
}

/** Parses a JSON column (stored as text). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * A stored time as text in the one form `sqlTimestamp` writes, to the millisecond. Both engines
 * print a time without its fraction's trailing zeros (…:17.63 for …:17.630): read back, the same
 * moment would otherwise come out as other text than the answer that first stored it.
 */
export function timestampText(value: unknown): string {
  const text = String(value);
  const parts = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text);
  return parts ? `${parts[1]}.${(parts[2] ?? '').padEnd(3, '0').slice(0, 3)}` : text;
}
