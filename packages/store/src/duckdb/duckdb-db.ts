import { listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Cell, Db, Params, Row } from '../db.js';
import { duckAppend, duckExec, duckRows } from './duckdb-sql.js';

// A list parameter is bound as a DuckDB LIST; everything else as it is.
const bound = (params: Params | undefined): DuckDBValue[] | undefined => params?.map((p) => (Array.isArray(p) ? listValue([...(p as Array<string | number>)]) : (p as DuckDBValue)));

/** A connection to the embedded DuckDB file: the only process writing it, so it may remember what it wrote. */
export class DuckDb implements Db {
  readonly dialect = 'duckdb';
  readonly shared = false;

  constructor(readonly connection: DuckDBConnection) {}

  rows(sql: string, params?: Params): Promise<Row[]> {
    return duckRows(this.connection, sql, bound(params));
  }

  exec(sql: string, params?: Params): Promise<number> {
    return duckExec(this.connection, sql, bound(params));
  }

  async script(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  append(table: string, rows: readonly Cell[][]): Promise<void> {
    return duckAppend(this.connection, table, rows);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
  }
}
