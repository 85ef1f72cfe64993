import { chmodSync, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import { attachWarehouse, buildWarehouse, WH, type BuildResult } from '@kesu/analytics';
import {
  exec,
  first,
  openStore,
  quoteIdent,
  quoteLiteral,
  rows,
  submissionBatch,
  type Connection,
  type Store,
} from '@kesu/store';
import { startTestPostgres } from '@kesu/store/testing';

/** The national data set in a throw-away PostgreSQL of the bench's own, opened as a store. */
export interface NationalPostgres {
  store: Store;
  /** How long loading the rows took (never part of a measurement). */
  loadMs: number;
  /** Rows loaded, over every table. */
  rows: number;
  /** Closes the store, stops the server and removes its folder. */
  stop: () => Promise<void>;
}

interface Table {
  name: string;
  columns: Array<{ name: string; list: boolean }>;
}

/** The store's tables in the DuckDB file, with their columns; the migrations' bookkeeping is PostgreSQL's own. */
async function sourceTables(source: DuckDBConnection): Promise<Table[]> {
  const found = await rows(
    source,
    `SELECT c.table_name, c.column_name, c.data_type
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
     WHERE t.table_type = 'BASE TABLE' AND t.table_schema = 'main' AND t.table_catalog = current_database()
       AND c.table_name <> 'schema_migrations'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byName = new Map<string, Table>();
  for (const r of found) {
    const name = String(r['table_name']);
    const table = byName.get(name) ?? { name, columns: [] };
    table.columns.push({ name: String(r['column_name']), list: String(r['data_type']).endsWith('[]') });
    byName.set(name, table);
  }
  return [...byName.values()];
}

/** A DuckDB list as PostgreSQL's array literal (`{"a","b\"c"}`): DuckDB's CSV writes lists as `[a, b]`. */
function arrayLiteral(column: string): string {
  const escaped = `replace(replace(e, '\\', '\\\\'), '"', '\\"')`;
  const element = `CASE WHEN e IS NULL THEN 'NULL' ELSE '"' || ${escaped} || '"' END`;
  return `'{' || array_to_string(list_transform(${quoteIdent(column)}, e -> ${element}), ',') || '}'`;
}

async function count(connection: Connection, table: string): Promise<number> {
  return Number((await first(connection, `SELECT count(*) AS n FROM ${quoteIdent(table)}`))?.['n'] ?? -1);
}

/**
 * Copies one table: DuckDB writes it as CSV (NULL an empty field, an empty text `""`, as
 * PostgreSQL's CSV reads them) and the server reads the file itself, with no row passing through
 * this process.
 */
async function loadTable(source: DuckDBConnection, target: Store, table: Table, stage: string): Promise<void> {
  const file = path.join(stage, `${table.name}.csv`);
  const select = table.columns.map((c) => (c.list ? arrayLiteral(c.name) : quoteIdent(c.name))).join(', ');
  await exec(
    source,
    `COPY (SELECT ${select} FROM main.${quoteIdent(table.name)}) TO ${quoteLiteral(file)} (FORMAT csv, HEADER false)`,
  );
  // The server runs as its own system user when the bench runs as root.
  chmodSync(file, 0o644);
  try {
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    await exec(
      target.connection,
      `COPY ${quoteIdent(table.name)} (${columns}) FROM ${quoteLiteral(file)} WITH (FORMAT csv)`,
    );
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Starts a PostgreSQL, opens it as a store (its migrations make the tables) and loads every row of
 * the DuckDB store `source` into it, then checks each table holds as many rows on both engines.
 * Loading takes minutes at national scale: progress goes to stderr.
 */
export async function nationalPostgres(source: DuckDBConnection): Promise<NationalPostgres> {
  const started = performance.now();
  const server = await startTestPostgres();
  const stage = mkdtempSync(path.join(tmpdir(), 'kesu-bench-pg-load-'));
  chmodSync(stage, 0o755);
  let store: Store | undefined;
  try {
    store = await openStore(server.url);
    const target = store;
    const tables = await sourceTables(source);
    let total = 0;
    const differ: string[] = [];
    for (const table of tables) {
      const expected = await count(source, table.name);
      process.stderr.write(`  loading ${table.name} into PostgreSQL (${expected.toLocaleString('en-US')} rows)…\n`);
      await loadTable(source, target, table, stage);
      const loaded = await count(target.connection, table.name);
      if (loaded !== expected) differ.push(`${table.name}: ${expected} in DuckDB, ${loaded} in PostgreSQL`);
      total += loaded;
    }
    if (differ.length > 0)
      throw new Error(`the national data set did not load into PostgreSQL whole: ${differ.join('; ')}`);
    // A settled database, as one in service is: reading freshly loaded rows would otherwise write
    // their hint bits during the first timed copy.
    process.stderr.write('  vacuuming PostgreSQL…\n');
    await target.connection.script('VACUUM (FREEZE, ANALYZE)');
    return {
      store: target,
      loadMs: performance.now() - started,
      rows: total,
      stop: async () => {
        await target.close();
        await server.stop();
      },
    };
  } catch (error) {
    await store?.close();
    await server.stop();
    throw error;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** A full warehouse build from PostgreSQL: the analytics copy taken, then the build on it. */
export interface PostgresBuild {
  result: BuildResult;
  copyMs: number;
  buildMs: number;
  /** Rows the copy holds, over the tables it takes. */
  copiedRows: number;
}

// What a build from either engine must agree on: the same rows make the same warehouse.
const SAME: Array<keyof BuildResult> = ['kind', 'assignments', 'valueRows', 'progressRows'];

/**
 * Builds the warehouse in full from PostgreSQL as the product does (the store's tables copied out
 * in one snapshot into its in-memory DuckDB, then the same build as on the embedded file) and
 * fails loudly when it differs from the build from DuckDB.
 */
export async function buildFromPostgres(
  postgres: NationalPostgres,
  warehouseFile: string,
  fromDuckDb: BuildResult,
  today: Date,
): Promise<PostgresBuild> {
  const copyStarted = performance.now();
  await postgres.store.refreshAnalyticsCopy();
  const copyMs = performance.now() - copyStarted;
  const builder = await postgres.store.connect();
  await attachWarehouse(builder, warehouseFile);
  const buildStarted = performance.now();
  const result = await buildWarehouse(builder, { full: true, today });
  const buildMs = performance.now() - buildStarted;
  const differ = SAME.filter((k) => String(result[k]) !== String(fromDuckDb[k]));
  if (differ.length > 0)
    throw new Error(
      'the build from PostgreSQL differs from the one from DuckDB: ' +
        differ.map((k) => `${k} ${String(result[k])} ≠ ${String(fromDuckDb[k])}`).join(', '),
    );
  const copied = await first(
    builder,
    'SELECT (SELECT count(*) FROM main.assignments) + (SELECT count(*) FROM main.submission_revisions) AS n',
  );
  return { result, copyMs, buildMs, copiedRows: Number(copied?.['n'] ?? 0) };
}

/** What a running node on PostgreSQL pays once its copy is taken: after one approval, and for a full rebuild. */
export interface PostgresRunning {
  /** Rows the approval brought over, the copy's refresh, and the incremental build after it. */
  refresh: { copyMs: number; buildMs: number; values: number };
  /** A full rebuild with the copy already current (the office's 「重建」): the copy's refresh, then the build. */
  rebuild: { copyMs: number; buildMs: number };
  /** Publishing a build to nodes that share a data folder starts with a copy of the warehouse file. */
  publish: { ms: number; bytes: number };
}

/** Approves one submitted report, as a reviewer would through any node. */
async function approveOne(store: Store): Promise<void> {
  const waiting = await first(
    store.connection,
    "SELECT assignment_id FROM submissions WHERE status = 'submitted' LIMIT 1",
  );
  await store.writes.batch(submissionBatch, {
    assignmentId: String(waiting?.['assignment_id']),
    action: 'approve',
    actor: 'bench',
    formVersion: 1,
  });
}

async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Runs after `buildFromPostgres`, on the same store and warehouse file. */
export async function runningOnPostgres(
  postgres: NationalPostgres,
  warehouseFile: string,
  today: Date,
): Promise<PostgresRunning> {
  const builder = await postgres.store.connect();
  await approveOne(postgres.store);
  const refreshCopyMs = await timedMs(() => postgres.store.refreshAnalyticsCopy());
  let values = 0;
  const refreshBuildMs = await timedMs(async () => (values = (await buildWarehouse(builder, { today })).valueRows));
  const rebuildCopyMs = await timedMs(() => postgres.store.refreshAnalyticsCopy());
  const rebuildMs = await timedMs(() => buildWarehouse(builder, { full: true, today }));
  await exec(builder, `CHECKPOINT ${WH}`);
  const published = `${warehouseFile}.published`;
  const publishMs = await timedMs(async () => copyFileSync(warehouseFile, published));
  const bytes = statSync(published).size;
  rmSync(published, { force: true });
  return {
    refresh: { copyMs: refreshCopyMs, buildMs: refreshBuildMs, values },
    rebuild: { copyMs: rebuildCopyMs, buildMs: rebuildMs },
    publish: { ms: publishMs, bytes },
  };
}
