import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { quoteIdent, quoteLiteral } from '../db.js';
import { DuckDb } from '../duckdb/duckdb-db.js';
import { duckExec, duckRows } from '../duckdb/duckdb-sql.js';
import { migrate } from '../migrations/index.js';

// The tables the warehouse builds from; the rest (users, sessions, the audit trail, documents, the inbox…) stay in PostgreSQL.
const COPIED = new Set(['regions', 'department_functions', 'indicators', 'plans', 'forms', 'form_versions', 'assignments', 'submission_revisions']);

/**
 * The store's tables in an in-memory DuckDB, for the warehouse to build from with the same SQL as
 * on the embedded file. Each refresh streams every table out of PostgreSQL with `COPY … TO STDOUT`
 * (one snapshot: a REPEATABLE READ transaction) into CSV files DuckDB loads in bulk.
 */
export class AnalyticsCopy {
  private readonly readers: DuckDBConnection[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly loader: DuckDBConnection,
  ) {}

  static async open(): Promise<AnalyticsCopy> {
    const instance = await DuckDBInstance.create(':memory:');
    const loader = await instance.connect();
    // The copy has the embedded store's own tables, made by its own migrations.
    await migrate(new DuckDb(loader));
    return new AnalyticsCopy(instance, loader);
  }

  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.readers.push(connection);
    return connection;
  }

  async refresh(client: pg.Client): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-copy-'));
    try {
      const tables = await this.tables();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        for (const t of tables) await pipeline(client.query(copyTo(`COPY (SELECT ${t.select} FROM ${quoteIdent(t.name)}) TO STDOUT WITH (FORMAT csv)`)), createWriteStream(path.join(dir, `${t.name}.csv`)));
      } finally {
        await client.query('COMMIT');
      }
      await duckExec(this.loader, 'BEGIN TRANSACTION');
      try {
        for (const t of tables) await this.load(t, path.join(dir, `${t.name}.csv`));
        await duckExec(this.loader, 'COMMIT');
      } catch (error) {
        await duckExec(this.loader, 'ROLLBACK');
        throw error;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  close(): void {
    for (const c of this.readers) c.closeSync();
    this.loader.closeSync();
    this.instance.closeSync();
  }

  /** Every base table of the copy with the select list that writes it as DuckDB reads it back. */
  private async tables(): Promise<Array<{ name: string; select: string; columns: Array<{ name: string; list: boolean }> }>> {
    const found = await duckRows(
      this.loader,
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
       WHERE t.table_type = 'BASE TABLE' AND t.table_schema = 'main' AND t.table_catalog = current_database() ORDER BY c.table_name, c.ordinal_position`,
    );
    const byTable = new Map<string, Array<{ name: string; list: boolean }>>();
    for (const r of found) {
      const name = String(r['table_name']);
      if (!COPIED.has(name)) continue;
      byTable.set(name, [...(byTable.get(name) ?? []), { name: String(r['column_name']), list: String(r['data_type']).endsWith('[]') }]);
    }
    // A list column leaves PostgreSQL as JSON (`["a","b"]`), which DuckDB reads back into a list.
    return [...byTable].map(([name, columns]) => ({ name, columns, select: columns.map((c) => (c.list ? `array_to_json(${quoteIdent(c.name)})::text` : quoteIdent(c.name))).join(', ') }));
  }

  private async load(table: { name: string; columns: Array<{ name: string; list: boolean }> }, file: string): Promise<void> {
    const types = table.columns.map((c) => `${quoteLiteral(c.name)}: ${c.list ? "'JSON'" : "'VARCHAR'"}`).join(', ');
    const select = table.columns.map((c) => (c.list ? `CAST(${quoteIdent(c.name)} AS VARCHAR[])` : quoteIdent(c.name))).join(', ');
    await duckExec(this.loader, `DELETE FROM ${quoteIdent(table.name)}`);
    // Every column read as text and cast by the INSERT; "" is an empty text, an empty field NULL.
    await duckExec(
      this.loader,
      `INSERT INTO ${quoteIdent(table.name)} SELECT ${select} FROM read_csv(${quoteLiteral(file)}, auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', columns = {${types}}, allow_quoted_nulls = false)`,
    );
  }
}
