import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, JsonDuckDBValueConverter, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import { quoteLiteral } from '@kesu/store';
import { lakeLayout } from '../lake/layout.js';
import { WAREHOUSE_TABLES, type TableDoc } from '../warehouse/tables.js';
import type { QueryProblem } from './check-query.js';
import { originalMessage, readDuckDbError, translateDuckDbError } from './duckdb-errors.js';
import { byteToCharOffset, codePointToCharOffset } from './positions.js';
import { QueryChecker, type Scope } from './query-checker.js';
import { cancelledError, SandboxError, timeoutError } from './sandbox-error.js';

export interface SandboxOptions {
  dataDir: string;
  /** A query running longer is interrupted. */
  timeoutMs?: number;
  /** At most this many rows come back; `truncated` says when there were more. */
  maxRows?: number;
  /** At most about this many bytes of rows (as JSON) come back; `truncated` says when there were more. */
  maxBytes?: number;
  /** DuckDB's own memory limit for the sandbox's database, e.g. '1GB'. */
  memoryLimit?: string;
  /** How many threads a query may use (DuckDB's default: one per core). */
  threads?: number;
}

export interface SandboxResult {
  columns: Array<{ name: string; type: string }>;
  rows: unknown[][];
  truncated: boolean;
  ms: number;
  /** The region whose tree the rows were filtered to, when the query read a region-scoped table under a scope. */
  scopedTo: string | null;
}

/** A query's rows written to a Parquet file in a folder of its own; `remove` deletes both. */
export interface ParquetExport {
  file: string;
  rows: number;
  truncated: boolean;
  remove: () => void;
}

/** What runs statisticians' SQL: in this process (`Sandbox`) or in processes of its own (`SandboxProcesses`). */
export interface SqlRunner {
  check(sql: string): Promise<QueryProblem[]>;
  query(sql: string, scope: Scope, signal?: AbortSignal): Promise<SandboxResult>;
  exportParquet(sql: string, scope: Scope, signal?: AbortSignal): Promise<ParquetExport>;
  close(): void;
}

function source(table: TableDoc, lake: string): string {
  if (!table.partitioned) return `read_parquet(${quoteLiteral(path.join(lake, table.name, '*.parquet'))})`;
  const files = quoteLiteral(path.join(lake, table.name, '*', '*', '*.parquet'));
  return `read_parquet(${files}, hive_partitioning = true, hive_types = {'year': INTEGER, 'province': VARCHAR})`;
}

/**
 * A documented table as this scope may see it: its columns in order, and for a scoped user only
 * the rows of regions in the scope's tree (a province scope also prunes to its partitions).
 */
function viewSql(table: TableDoc, lake: string, scope: Scope): string {
  const columns = table.columns.map((c) => c.name).join(', ');
  const filters: string[] = [];
  if (scope !== null && table.regionColumn !== null) {
    const treeFiles = quoteLiteral(path.join(lake, 'region_tree', '*.parquet'));
    const tree = `SELECT region_code FROM read_parquet(${treeFiles}) WHERE ancestor_code = ${quoteLiteral(scope)}`;
    filters.push(`${table.regionColumn} IN (${tree})`);
    if (table.partitioned) filters.push(`province = ${quoteLiteral(`${scope.slice(0, 2)}0000`)}`);
  }
  const where = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
  return `CREATE OR REPLACE TEMP VIEW ${table.name} AS SELECT ${columns} FROM ${source(table, lake)}${where}`;
}

interface Slot {
  connection: DuckDBConnection;
  busy: boolean;
}

const IDLE_PER_SCOPE = 2;

/**
 * Runs statisticians' SQL: parsed by DuckDB and checked before it runs (one SELECT over the
 * documented tables only, no table functions that read files, no settings), then run on a
 * database that can reach nothing but the Parquet lake, through views that keep a scoped user
 * inside their region tree, with a time and a row limit.
 */
export class Sandbox implements SqlRunner {
  private readonly slots = new Map<string, Slot[]>();
  private readonly lake: string;
  private readonly timeoutMs: number;
  private readonly maxRows: number;
  private readonly maxBytes: number;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly checker: QueryChecker,
    options: SandboxOptions,
  ) {
    this.lake = lakeLayout(options.dataDir).root;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRows = options.maxRows ?? 100_000;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  }

  static async open(options: SandboxOptions): Promise<Sandbox> {
    const layout = lakeLayout(path.resolve(options.dataDir));
    const instance = await DuckDBInstance.create(':memory:');
    const setup = await instance.connect();
    // The lake's link and its generations are the only files this database may open, and the
    // configuration is then locked so no query can widen it.
    const allowed = [layout.root, layout.generations].map((d) => quoteLiteral(`${d}${path.sep}`)).join(', ');
    await setup.run(`SET allowed_directories = [${allowed}]`);
    await setup.run('SET enable_external_access = false');
    await setup.run(`SET memory_limit = ${quoteLiteral(options.memoryLimit ?? '2GB')}`);
    if (options.threads !== undefined) await setup.run(`SET threads = ${options.threads}`);
    // Errors as JSON: their class, position and DuckDB's suggestions, to be worded for people.
    await setup.run('SET GLOBAL errors_as_json = true');
    await setup.run('SET lock_configuration = true');
    setup.closeSync();
    return new Sandbox(instance, await QueryChecker.open(), { ...options, dataDir: path.resolve(options.dataDir) });
  }

  /** The problems the rules find in a query, without running it. */
  check(sql: string): Promise<QueryProblem[]> {
    return this.checker.check(sql);
  }

  /** Runs a checked query for a scope; `signal` cancels it. */
  async query(sql: string, scope: Scope, signal?: AbortSignal): Promise<SandboxResult> {
    const tables = await this.checker.refuseUnsafe(sql, scope);
    const slot = await this.take(scope);
    try {
      const scoped = scope !== null && WAREHOUSE_TABLES.some((t) => t.regionColumn !== null && tables.includes(t.name));
      return { ...(await this.run(slot.connection, sql, signal)), scopedTo: scoped ? scope : null };
    } finally {
      this.give(scope, slot);
    }
  }

  /**
   * Runs a checked query for a scope, under the same limits, and writes its rows to a Parquet
   * file. The query's text is never wrapped in a COPY: its rows are streamed into a separate
   * in-memory database that may write only to a fresh temporary folder of its own, and that
   * database writes the file. The caller streams the file and then calls `remove`.
   */
  async exportParquet(sql: string, scope: Scope, signal?: AbortSignal): Promise<ParquetExport> {
    await this.checker.refuseUnsafe(sql, scope);
    const slot = await this.take(scope);
    const dir = mkdtempSync(path.join(tmpdir(), 'kesu-export-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      const file = path.join(dir, 'result.parquet');
      const written = await this.guarded(slot.connection, sql, signal, async () =>
        writeParquet(await slot.connection.stream(sql), dir, file, this.maxRows),
      );
      return { file, ...written, remove };
    } catch (error) {
      remove();
      throw error;
    } finally {
      this.give(scope, slot);
    }
  }

  private async take(scope: Scope): Promise<Slot> {
    const key = scope ?? '';
    const idle = this.slots.get(key)?.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    const connection = await this.instance.connect();
    try {
      for (const table of WAREHOUSE_TABLES) await connection.run(viewSql(table, this.lake, scope));
    } catch (error) {
      connection.closeSync();
      const raw = error instanceof Error ? error.message : String(error);
      const duckdb = readDuckDbError(raw);
      const zh = '数据湖尚未生成，请先运行 kesu warehouse build';
      const en = 'the lake has not been built yet: run kesu warehouse build';
      throw new SandboxError('no_lake', zh, en, [
        {
          code: 'unknown_table',
          message: zh,
          messageEn: en,
          position: null,
          original: this.clean(duckdb ? originalMessage(duckdb) : raw),
        },
      ]);
    }
    const slot = { connection, busy: true };
    this.slots.set(key, [...(this.slots.get(key) ?? []), slot]);
    return slot;
  }

  private give(scope: Scope, slot: Slot): void {
    const key = scope ?? '';
    const list = this.slots.get(key) ?? [];
    slot.busy = false;
    if (list.filter((s) => !s.busy).length > IDLE_PER_SCOPE) {
      this.slots.set(
        key,
        list.filter((s) => s !== slot),
      );
      slot.connection.closeSync();
    }
  }

  /**
   * Reads a query's rows chunk by chunk until it ends or a cap (rows, bytes) cuts it: `truncated`
   * is true only then, and a query stopped while its rows were read is an error, never a shorter answer.
   */
  private async run(connection: DuckDBConnection, sql: string, signal?: AbortSignal): Promise<SandboxResult> {
    const started = performance.now();
    return this.guarded(connection, sql, signal, async () => {
      const result = await connection.stream(sql);
      const columns = result.columnNames().map((name, i) => ({ name, type: String(result.columnTypes()[i]) }));
      const rows: unknown[][] = [];
      let bytes = 0;
      let truncated = false;
      for (
        let chunk = await result.fetchChunk();
        chunk && chunk.rowCount > 0 && !truncated;
        chunk = await result.fetchChunk()
      ) {
        for (const row of chunk.convertRows(JsonDuckDBValueConverter)) {
          // The row as the answer will carry it, with its comma.
          const size = JSON.stringify(row).length + 1;
          if (rows.length === this.maxRows || bytes + size > this.maxBytes) {
            truncated = true;
            break;
          }
          rows.push(row);
          bytes += size;
        }
      }
      return { columns, rows, truncated, ms: performance.now() - started, scopedTo: null };
    });
  }

  /** Runs work on a connection under the time limit and the caller's signal, and words its failure. */
  private async guarded<T>(
    connection: DuckDBConnection,
    sql: string,
    signal: AbortSignal | undefined,
    work: () => Promise<T>,
  ): Promise<T> {
    // An interrupt reaches only a query that has started: one cancelled before never starts.
    if (signal?.aborted) throw cancelledError();
    let stopped: 'timeout' | 'cancelled' | null = null;
    // The first reason stands: a cancelled query that runs on to the time limit was still cancelled.
    const stop = (why: 'timeout' | 'cancelled') => {
      stopped ??= why;
      connection.interrupt();
    };
    const timer = setTimeout(() => stop('timeout'), this.timeoutMs);
    const onAbort = () => stop('cancelled');
    signal?.addEventListener('abort', onAbort);
    const stoppedError = (): SandboxError | null => {
      if (stopped === 'timeout') return timeoutError(this.timeoutMs);
      if (stopped === 'cancelled') return cancelledError();
      return null;
    };
    try {
      const done = await work();
      // An interrupt can end a stream as if its rows had run out: what was read is not the answer.
      const cut = stoppedError();
      if (cut) throw cut;
      return done;
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      throw stoppedError() ?? this.failure(sql, error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** A failed query's error in people's words, at its place in the text, DuckDB's own words kept. */
  private failure(sql: string, raw: string): SandboxError {
    const duckdb = readDuckDbError(raw);
    if (!duckdb) {
      const message = this.clean(raw);
      return new SandboxError('query_failed', '查询出错（详见原文）', 'the query failed (see the original message)', [
        {
          code: 'query_failed',
          message: '查询出错（详见原文）',
          messageEn: 'the query failed (see the original message)',
          position: null,
          original: message,
        },
      ]);
    }
    const words = translateDuckDbError(duckdb);
    const at = duckdb.position;
    // The parser counts code points; the binder and everything after it count UTF-8 bytes.
    const position =
      at === null ? null : duckdb.type === 'Parser' ? codePointToCharOffset(sql, at) : byteToCharOffset(sql, at);
    const original = this.clean(originalMessage(duckdb));
    return new SandboxError(words.code, words.zh, words.en, [
      { code: words.code, message: words.zh, messageEn: words.en, position, original },
    ]);
  }

  /** Error text without the server's folders in it. */
  private clean(message: string): string {
    return message.replaceAll(path.dirname(this.lake) + path.sep, '');
  }

  close(): void {
    for (const list of this.slots.values()) for (const slot of list) slot.connection.closeSync();
    this.checker.close();
    this.instance.closeSync();
  }
}

/**
 * Streams a result into a fresh in-memory database that may write nothing but `dir`, at most
 * `maxRows` rows, and has that database write them as Parquet.
 */
async function writeParquet(
  result: DuckDBResult,
  dir: string,
  file: string,
  maxRows: number,
): Promise<{ rows: number; truncated: boolean }> {
  const writer = await DuckDBInstance.create(':memory:');
  const connection = await writer.connect();
  try {
    await connection.run(`SET allowed_directories = [${quoteLiteral(`${dir}${path.sep}`)}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
    const types = result.columnTypes();
    const columns = result
      .deduplicatedColumnNames()
      .map((name, i) => `"${name.replaceAll('"', '""')}" ${String(types[i])}`);
    await connection.run(`CREATE TABLE result (${columns.join(', ')})`);
    const appender = await connection.createAppender('result');
    let rows = 0;
    let truncated = false;
    try {
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        if (rows + chunk.rowCount > maxRows) {
          truncated = true;
          chunk.rowCount = maxRows - rows;
        }
        appender.appendDataChunk(chunk);
        rows += chunk.rowCount;
        if (truncated) break;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(`COPY result TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
    return { rows, truncated };
  } finally {
    connection.closeSync();
    writer.closeSync();
  }
}
