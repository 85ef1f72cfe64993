import { timestampValue, type DuckDBAppender, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
/** A row as JSON-friendly values: timestamps and JSON columns come back as strings. */
export type Row = Record<string, unknown>;

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
async function runPrepared<T>(connection: DuckDBConnection, sql: string, params: Params, use: (s: DuckDBPreparedStatement) => Promise<T>): Promise<T> {
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

/** Runs a query with bound parameters and returns its rows. */
export async function rows(connection: DuckDBConnection, sql: string, params?: Params): Promise<Row[]> {
  const reader = params === undefined ? await connection.runAndReadAll(sql) : await runPrepared(connection, sql, params, (s) => s.runAndReadAll());
  return reader.getRowObjectsJson() as Row[];
}

/** The first row of a query, or undefined. */
export async function first(connection: DuckDBConnection, sql: string, params?: Params): Promise<Row | undefined> {
  return (await rows(connection, sql, params))[0];
}

/** Runs a statement with bound parameters. */
export async function exec(connection: DuckDBConnection, sql: string, params?: Params): Promise<void> {
  if (params === undefined) await connection.run(sql);
  else await runPrepared(connection, sql, params, (s) => s.run());
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

/**
 * A stored time as text in the one form `sqlTimestamp` writes, to the millisecond. DuckDB prints
 * a time without its fraction's trailing zeros (…:17.63 for …:17.630): read back, the same moment
 * would otherwise come out as other text than the answer that first stored it.
 */
export function timestampText(value: unknown): string {
  const text = String(value);
  const parts = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text);
  return parts ? `${parts[1]}.${(parts[2] ?? '').padEnd(3, '0').slice(0, 3)}` : text;
}

/** A value the Appender writes: text, a number, a flag, a time, or NULL. */
export type Cell = string | number | boolean | Date | null;

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
export async function appendRows(connection: DuckDBConnection, table: string, rowsToAdd: Cell[][], catalog: string | null = null): Promise<void> {
  if (rowsToAdd.length === 0) return;
  const appender = await connection.createAppender(table, null, catalog);
  try {
    for (const row of rowsToAdd) {
      for (const cell of row) {
        if (cell === null) appender.appendNull();
        else if (typeof cell === 'string') appender.appendVarchar(cell);
        else if (typeof cell === 'number') appendNumber(appender, cell);
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
