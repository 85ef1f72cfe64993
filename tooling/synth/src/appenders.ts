import { dateValue, timestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';

/**
 * A DuckDB Appender with one short method per column type, called column by column in table
 * order: no per-cell type dispatch, because the hot tables take millions of rows.
 */
export class Rows {
  private constructor(private readonly appender: DuckDBAppender) {}

  static async open(connection: DuckDBConnection, table: string): Promise<Rows> {
    return new Rows(await connection.createAppender(table));
  }

  text(value: string): this {
    this.appender.appendVarchar(value);
    return this;
  }

  /** Text, or NULL. */
  maybe(value: string | null): this {
    if (value === null) this.appender.appendNull();
    else this.appender.appendVarchar(value);
    return this;
  }

  int(value: number): this {
    this.appender.appendInteger(value);
    return this;
  }

  flag(value: boolean): this {
    this.appender.appendBoolean(value);
    return this;
  }

  /** A TIMESTAMP from milliseconds since 1970 (UTC, as the API writes them). */
  time(ms: number): this {
    this.appender.appendTimestamp(timestampValue(BigInt(ms) * 1000n));
    return this;
  }

  /** A DATE from days since 1970-01-01. */
  day(days: number): this {
    this.appender.appendDate(dateValue(days));
    return this;
  }

  end(): void {
    this.appender.endRow();
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

/** The tables one province's regions are written to, each through its own appender. */
export interface RegionTables {
  planDocuments: Rows;
  plans: Rows;
  planRevisions: Rows;
  assignments: Rows;
  revisions: Rows;
}

export async function openRegionTables(connection: DuckDBConnection): Promise<RegionTables> {
  return {
    planDocuments: await Rows.open(connection, 'plan_documents'),
    plans: await Rows.open(connection, 'plans'),
    planRevisions: await Rows.open(connection, 'plan_revisions'),
    assignments: await Rows.open(connection, 'assignments'),
    revisions: await Rows.open(connection, 'submission_revisions'),
  };
}

export function closeRegionTables(tables: RegionTables): void {
  for (const rows of Object.values(tables)) rows.close();
}
