import {
  LIST,
  listValue,
  timestampValue,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Cell, Row } from '../db.js';

/** Parameters as DuckDB binds them: by position or by `$name`. */
export type DuckDBParams = DuckDBValue[] | Record<string, DuckDBValue>;

interface CachedStatement {
  statement: DuckDBPreparedStatement;
  busy: boolean;
}

const STATEMENTS_PER_CONNECTION = 256;
const prepared = new WeakMap<DuckDBConnection, Map<string, CachedStatement>>();

/**
 * Runs `sql` through a statement prepared once per connection: parsing and planning cost more
 * than a point lookup itself. A statement is bound and run by one caller at a time (binding while
 * a run is in flight would change its values), so an overlapping call prepares its own.
 */
async function runPrepared<T>(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBParams,
  use: (s: DuckDBPreparedStatement) => Promise<T>,
): Promise<T> {
  let cache = prepared.get(connection);
  if (!cache) prepared.set(connection, (cache = new Map()));
  let entry = cache.get(sql);
  if (entry?.busy) {
    const own = await connection.prepare(sql);
    own.bind(params);
    try {
      return await use(own);
    } finally {
      own.destroySync();
    }
  }
  if (!entry) {
    entry = { statement: await connection.prepare(sql), busy: false };
    if (cache.size >= STATEMENTS_PER_CONNECTION) forgetOldest(cache);
    cache.set(sql, entry);
  }
  entry.busy = true;
  try {
    entry.statement.bind(params);
    return await use(entry.statement);
  } finally {
    entry.busy = false;
  }
}

function forgetOldest(cache: Map<string, CachedStatement>): void {
  for (const [sql, entry] of cache) {
    if (entry.busy) continue;
    cache.delete(sql);
    entry.statement.destroySync();
    return;
  }
}

export async function duckRows(connection: DuckDBConnection, sql: string, params?: DuckDBParams): Promise<Row[]> {
  const reader =
    params === undefined
      ? await connection.runAndReadAll(sql)
      : await runPrepared(connection, sql, params, (s) => s.runAndReadAll());
  return reader.getRowObjectsJson() as Row[];
}

export async function duckExec(connection: DuckDBConnection, sql: string, params?: DuckDBParams): Promise<number> {
  const result =
    params === undefined ? await connection.run(sql) : await runPrepared(connection, sql, params, (s) => s.run());
  return result.rowsChanged;
}

const INT32 = 2 ** 31;

// The Appender casts to the column's type; an integer goes in as one so nothing is rounded twice.
function appendNumber(appender: DuckDBAppender, value: number): void {
  if (Number.isInteger(value) && Math.abs(value) < INT32) appender.appendInteger(value);
  else appender.appendDouble(value);
}

/**
 * Appends rows through DuckDB's Appender, in the caller's transaction: many times faster
 * than INSERT for batches, and rolled back with the transaction like any insert.
 */
export async function duckAppend(
  connection: DuckDBConnection,
  table: string,
  rowsToAdd: readonly Cell[][],
  catalog: string | null = null,
): Promise<void> {
  if (rowsToAdd.length === 0) return;
  const appender = await connection.createAppender(table, null, catalog);
  try {
    for (const row of rowsToAdd) {
      for (const cell of row) {
        if (cell === null) appender.appendNull();
        else if (typeof cell === 'string') appender.appendVarchar(cell);
        else if (typeof cell === 'number') appendNumber(appender, cell);
        else if (typeof cell === 'boolean') appender.appendBoolean(cell);
        else if (Array.isArray(cell)) appender.appendList(listValue([...cell]), LIST(VARCHAR));
        else appender.appendTimestamp(timestampValue(BigInt((cell as Date).getTime()) * 1000n));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
