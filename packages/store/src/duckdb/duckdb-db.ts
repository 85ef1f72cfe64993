import { listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Cell, Db, Params, Row } from '../db.js';
import { duckAppend, duckExec, duckRows } from './duckdb-sql.js';

// A list parameter is bound as a DuckDB LIST; everything else as it is.
const bound = (params: Params | undefined): DuckDBValue[] | undefined =>
  params?.map((p) => (Array.isArray(p) ? listValue([...(p as Array<string | number>)]) : (p as DuckDBValue)));

/** A connection to the embedded DuckDB file: the only process writing it, so it may remember what it wrote. */
export class DuckDb implements Db {
  readonly dialect = 'duckdb';
  readonly shared = false;

  /**
   * `recover` hears of every failure first: the store uses it to attach its file again after
   * DuckDB set it aside, and answers with the error that explains the failure better, if any.
   */
  constructor(
    readonly connection: DuckDBConnection,
    private readonly recover: (error: unknown) => Promise<unknown> = async () => undefined,
  ) {}

  rows(sql: string, params?: Params): Promise<Row[]> {
    return this.watched(duckRows(this.connection, sql, bound(params)));
  }

  exec(sql: string, params?: Params): Promise<number> {
    return this.watched(duckExec(this.connection, sql, bound(params)));
  }

  async script(sql: string): Promise<void> {
    await this.watched(this.connection.run(sql));
  }

  append(table: string, rows: readonly Cell[][]): Promise<void> {
    return this.watched(duckAppend(this.connection, table, rows));
  }

  private async watched<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      throw (await this.recover(error)) ?? error;
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
  }
}
