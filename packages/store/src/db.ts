/** The engines the store runs on: an embedded DuckDB file, or a PostgreSQL server shared by several API nodes. */
export type Dialect = 'duckdb' | 'postgres';

/** A bound parameter: text, a number, a flag, NULL, or a list of texts or numbers (bound as an array). */
export type Param = string | number | boolean | null | readonly string[] | readonly number[];
export type Params = readonly Param[];

/** A row as JSON-friendly values: timestamps, dates and JSON columns come back as text, on either engine. */
export type Row = Record<string, unknown>;

/** A value a bulk insert writes: text, a number, a flag, a time (UTC), a list of texts, or NULL. */
export type Cell = string | number | boolean | Date | readonly string[] | null;

/**
 * One connection to the operational database, whichever the engine. Repositories speak to it in
 * SQL both engines read alike (`$1` parameters, `x IN (SELECT unnest($1::VARCHAR[]))` for lists);
 * where the engines differ, `dialect` picks the form.
 */
export interface Db {
  readonly dialect: Dialect;
  /**
   * Whether other processes write to the same database. Then nothing read earlier may be trusted
   * to still hold: a writer reads the current state under a row lock instead of remembering it.
   */
  readonly shared: boolean;
  /** Runs a query with bound parameters and returns its rows. */
  rows(sql: string, params?: Params): Promise<Row[]>;
  /** Runs a statement with bound parameters; resolves to the number of rows it changed. */
  exec(sql: string, params?: Params): Promise<number>;
  /** Runs statements separated by semicolons, with no parameters (migrations). */
  script(sql: string): Promise<void>;
  /** Adds rows to a table in the caller's transaction, each a full row in the table's column order. */
  append(table: string, rows: readonly Cell[][]): Promise<void>;
  close(): Promise<void>;
}

/** `($1, $2, $3), ($4, $5, $6)` for a multi-row INSERT of `count` rows of `width` values. */
export function placeholders(count: number, width: number): string {
  return Array.from(
    { length: count },
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  ).join(', ');
}

/** A UTC timestamp as both engines read it: `2024-03-01 08:30:00.000`. */
export function sqlTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/** Quotes an SQL identifier; the only way a name enters generated SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal, for the few statements that take no bound parameters (ATTACH, COPY, CREATE TYPE). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
