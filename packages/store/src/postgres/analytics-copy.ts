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

// The tables the warehouse builds from; the rest (users, sessions, the audit trail, documents, the
// inbox…) stay in PostgreSQL.
const COPIED = new Set([
  'regions',
  'department_functions',
  'indicators',
  'plans',
  'forms',
  'form_versions',
  'assignments',
  'submission_revisions',
]);
/**
 * The tables whose rows are never deleted and either grow with every submission or hold most of
 * the bytes (the plans' documents), by their keys: after the first copy only their rows written
 * since come over. The rest are a few hundred kilobytes, copied whole each time.
 */
const MARKED: Record<string, string[]> = {
  assignments: ['id'],
  submission_revisions: ['assignment_id', 'revision'],
  plans: ['id'],
};
/** What `pg_current_snapshot()` prints: xmin:xmax:in-progress,… */
const SNAPSHOT = /^\d+:\d+:[\d,]*$/;

interface CopiedTable {
  name: string;
  /** The select list that writes the table as DuckDB reads it back. */
  select: string;
  columns: Array<{ name: string; list: boolean }>;
  key: string[] | null;
}

/**
 * The store's tables in an in-memory DuckDB, for the warehouse to build from with the same SQL as
 * on the embedded file. Each refresh streams the tables out of PostgreSQL with `COPY … TO STDOUT`
 * (one snapshot: a REPEATABLE READ transaction) into CSV files DuckDB loads in bulk: the small ones
 * whole, the large ones whole the first time and then only the rows written by transactions the
 * previous snapshot did not see (each row names its writer, migration 8), so a refresh after one
 * approval moves a few rows, not millions.
 */
export class AnalyticsCopy {
  private readonly readers: DuckDBConnection[] = [];
  /** The snapshot the copy holds (null: nothing copied yet). */
  private seen: string | null = null;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly loader: DuckDBConnection,
    private readonly tables: CopiedTable[],
  ) {}

  static async open(): Promise<AnalyticsCopy> {
    const instance = await DuckDBInstance.create(':memory:');
    const loader = await instance.connect();
    // The copy has the embedded store's own tables, made by its own migrations.
    await migrate(new DuckDb(loader));
    return new AnalyticsCopy(instance, loader, await copiedTables(loader));
  }

  async connect(): Promise<DuckDBConnection> {
    const connection = await this.instance.connect();
    this.readers.push(connection);
    return connection;
  }

  async refresh(client: pg.Client): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-copy-'));
    try {
      const since = this.seen;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let snapshot: string;
      try {
        // The first statement fixes the transaction's snapshot: this is the one every COPY reads.
        snapshot = String((await client.query('SELECT pg_current_snapshot()::text AS s')).rows[0]?.s);
        if (!SNAPSHOT.test(snapshot)) throw new Error(`unexpected snapshot ${snapshot}`);
        for (const t of this.tables)
          await pipeline(
            client.query(copyTo(`COPY (${copySelect(t, since)}) TO STDOUT WITH (FORMAT csv)`)),
            createWriteStream(path.join(dir, `${t.name}.csv`)),
          );
      } finally {
        await client.query('COMMIT');
      }
      await duckExec(this.loader, 'BEGIN TRANSACTION');
      try {
        for (const t of this.tables)
          await this.load(t, path.join(dir, `${t.name}.csv`), since !== null && t.key !== null);
        await duckExec(this.loader, 'COMMIT');
      } catch (error) {
        await duckExec(this.loader, 'ROLLBACK');
        throw error;
      }
      this.seen = snapshot;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  close(): void {
    for (const c of this.readers) c.closeSync();
    this.loader.closeSync();
    this.instance.closeSync();
  }

  /** Loads a table's CSV: in place of its rows, or (`changed`) over the rows of the same keys. */
  private async load(table: CopiedTable, file: string, changed: boolean): Promise<void> {
    const types = table.columns.map((c) => `${quoteLiteral(c.name)}: ${c.list ? "'JSON'" : "'VARCHAR'"}`).join(', ');
    const select = table.columns
      .map((c) => (c.list ? `CAST(${quoteIdent(c.name)} AS VARCHAR[])` : quoteIdent(c.name)))
      .join(', ');
    // Every column read as text and cast by the INSERT; "" is an empty text, an empty field NULL.
    const source =
      `read_csv(${quoteLiteral(file)}, auto_detect = false, header = false, delim = ',', quote = '"', escape = '"', ` +
      `columns = {${types}}, allow_quoted_nulls = false)`;
    const target = quoteIdent(table.name);
    if (!changed) {
      await duckExec(this.loader, `DELETE FROM ${target}`);
      await duckExec(this.loader, `INSERT INTO ${target} SELECT ${select} FROM ${source}`);
      return;
    }
    await duckExec(this.loader, `CREATE OR REPLACE TEMP TABLE copy_delta AS SELECT ${select} FROM ${source}`);
    const same = (table.key ?? [])
      .map((k) => `CAST(${target}.${quoteIdent(k)} AS VARCHAR) = d.${quoteIdent(k)}`)
      .join(' AND ');
    await duckExec(this.loader, `DELETE FROM ${target} USING temp.copy_delta d WHERE ${same}`);
    await duckExec(this.loader, `INSERT INTO ${target} SELECT * FROM temp.copy_delta`);
    await duckExec(this.loader, 'DROP TABLE temp.copy_delta');
  }
}

/** Every copied table of the copy, with its columns as the DuckDB migrations made them. */
async function copiedTables(loader: DuckDBConnection): Promise<CopiedTable[]> {
  const found = await duckRows(
    loader,
    `SELECT c.table_name, c.column_name, c.data_type
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE t.table_type = 'BASE TABLE' AND t.table_schema = 'main' AND t.table_catalog = current_database()
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, Array<{ name: string; list: boolean }>>();
  for (const r of found) {
    const name = String(r['table_name']);
    if (!COPIED.has(name)) continue;
    byTable.set(name, [
      ...(byTable.get(name) ?? []),
      { name: String(r['column_name']), list: String(r['data_type']).endsWith('[]') },
    ]);
  }
  // A list column leaves PostgreSQL as JSON (`["a","b"]`), which DuckDB reads back into a list.
  return [...byTable].map(([name, columns]) => ({
    name,
    columns,
    key: MARKED[name] ?? null,
    select: columns.map((c) => (c.list ? `array_to_json(${quoteIdent(c.name)})::text` : quoteIdent(c.name))).join(', '),
  }));
}

/** A table's rows to copy: all of them, or those written by transactions the snapshot `since` did not see. */
function copySelect(table: CopiedTable, since: string | null): string {
  const all = `SELECT ${table.select} FROM ${quoteIdent(table.name)}`;
  if (since === null || table.key === null) return all;
  // COPY takes no parameters; the snapshot is PostgreSQL's own text, checked against its pattern.
  const snapshot = `${quoteLiteral(since)}::pg_snapshot`;
  return (
    `${all} WHERE written_by >= pg_snapshot_xmin(${snapshot}) ` +
    `AND NOT pg_visible_in_snapshot(written_by, ${snapshot})`
  );
}
