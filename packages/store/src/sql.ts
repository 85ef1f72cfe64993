import { timestampValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
/** A row as JSON-friendly values: timestamps and JSON columns come back as strings. */
export type Row = Record<string, unknown>;

/** Runs a query with bound parameters and returns its rows. */
export async function rows(connection: DuckDBConnection, sql: string, params?: Params): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as Row[];
}

/** The first row of a query, or undefined. */
export async function first(connection: DuckDBConnection, sql: string, params?: Params): Promise<Row | undefined> {
  return (await rows(connection, sql, params))[0];
}

/** Runs a statement with bound parameters. */
export async function exec(connection: DuckDBConnection, sql: string, params?: Params): Promise<void> {
  await connection.run(sql, params);
}

/** `($1, $2, $3), ($4, $5, $6)` for a multi-row INSERT of `count` rows of `width` values. */
export function placeholders(count: number, width: number): string {
  return Array.from({ length: count }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
}

/** Parses a JSON column (DuckDB returns it as text). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A UTC timestamp as DuckDB reads it: `2024-03-01 08:30:00.000`. */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/** A value the Appender writes: text, an INTEGER column's number, a flag, a time, or NULL. */
export type Cell = string | number | boolean | Date | null;

/**
 * Appends rows through DuckDB's Appender, in the caller's transaction: many times faster
 * than INSERT for batches, and rolled back with the transaction like any insert.
 */
export async function appendRows(connection: DuckDBConnection, table: string, rowsToAdd: Cell[][]): Promise<void> {
  if (rowsToAdd.length === 0) return;
  const appender = await connection.createAppender(table);
  try {
    for (const row of rowsToAdd) {
      for (const cell of row) {
        if (cell === null) appender.appendNull();
        else if (typeof cell === 'string') appender.appendVarchar(cell);
        else if (typeof cell === 'number') appender.appendInteger(cell);
        else if (typeof cell === 'boolean') appender.appendBoolean(cell);
        else appender.appendTimestamp(timestampValue(BigInt(cell.getTime()) * 1000n));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
