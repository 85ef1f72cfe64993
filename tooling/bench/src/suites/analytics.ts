import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { attachWarehouse, buildWarehouse, exportLake, lakeLayout, Sandbox } from '@kesu/analytics';
import { REPORT_IDS, reports } from '@kesu/analytics/charts';
import { exec, first, openStore, rows, submissionBatch } from '@kesu/store';
import { generateNational } from '@kesu/synth';
import type { BenchRow } from '../report.js';
import { buildFromPostgres, nationalPostgres, runningOnPostgres, type NationalPostgres } from './national-postgres.js';

const SEED = 1;
/** Generated once per machine and reused: the national data set takes minutes to write. */
const CACHE = path.join(tmpdir(), `kesu-bench-national-${SEED}`, 'kesu.duckdb');
const RUNS = 20;

/**
 * A private copy of the national data set in `dir`, on disk before anything is timed: the
 * kernel writing a gigabyte of the copy back while a build runs would be measured as the build.
 */
export function copyNational(source: string, dir: string): void {
  const target = path.join(dir, 'kesu.duckdb');
  copyFileSync(source, target);
  const fd = openSync(target, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

/** The national data set (generated once per machine), for the suites that run on it. */
export async function nationalStore(): Promise<string> {
  if (!existsSync(CACHE)) {
    mkdirSync(path.dirname(CACHE), { recursive: true });
    process.stderr.write('  generating the national data set (once per machine)…\n');
    await generateNational({ file: CACHE, scale: 'national', seed: SEED });
  }
  return CACHE;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function repeat(work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(work))[1]);
  return times;
}

/**
 * The warehouse at national scale: full build against a bare load of the same rows, the lake
 * export, an incremental refresh after one approval, dashboard queries and the SQL sandbox.
 */
export async function analyticsSuite(): Promise<BenchRow[]> {
  const source = await nationalStore();
  const dir = mkdtempSync(path.join(tmpdir(), 'kesu-bench-analytics-'));
  copyNational(source, dir);
  const store = await openStore(path.join(dir, 'kesu.duckdb'));
  let postgres: NationalPostgres | undefined;
  try {
    // The same rows in PostgreSQL, loaded before anything is timed (and before the approval below changes them).
    postgres = await nationalPostgres(await store.connect());
    const builder = await store.connect();
    await attachWarehouse(builder, path.join(dir, 'warehouse.duckdb'));
    // One day for both builds: progress is judged against it.
    const today = new Date();
    const [full, fullMs] = await timed(() => buildWarehouse(builder, { full: true, today }));
    // The same rows loaded by DuckDB with nothing else to do: the floor a build is compared with.
    const [, bareMs] = await timed(() => exec(builder, 'CREATE TABLE wh.bare_load AS SELECT * FROM wh.fact_value'));
    await exec(builder, 'DROP TABLE wh.bare_load');
    const fromPostgres = await buildFromPostgres(postgres, path.join(dir, 'warehouse-postgres.duckdb'), full, today);
    const running = await runningOnPostgres(postgres, path.join(dir, 'warehouse-postgres.duckdb'), today);
    const loaded = { ms: postgres.loadMs, rows: postgres.rows };
    await postgres.stop();
    postgres = undefined;
    const [lake, lakeMs] = await timed(() => exportLake(builder, dir));

    const waiting = await first(
      builder,
      "SELECT assignment_id FROM main.submissions WHERE status = 'submitted' LIMIT 1",
    );
    await store.writes.batch(submissionBatch, {
      assignmentId: String(waiting?.['assignment_id']),
      action: 'approve',
      actor: 'bench',
      formVersion: 1,
    });
    const [refresh, refreshMs] = await timed(() => buildWarehouse(builder));
    const [, lakeRefreshMs] = await timed(() => exportLake(builder, dir, refresh.touched));

    const reader = await store.connect();
    await exec(reader, 'USE wh');
    const dashboard: BenchRow[] = [];
    for (const id of REPORT_IDS) {
      for (const [level, parent] of [
        ['province', '510000'],
        ['prefecture', '510100'],
      ] as const) {
        const { sql, params } = reports[id].query({ parentCode: parent, year: 2025 });
        const times = await repeat(() => rows(reader, sql, params as never));
        dashboard.push({
          suite: 'analytics',
          name: `dashboard ${id} (${level}'s children): p50 / p95`,
          value: percentile(times, 50),
          unit: `ms / ${percentile(times, 95).toFixed(0)} ms`,
          goal: 'p95 ≤ 200 ms',
        });
      }
    }

    const sandbox = await Sandbox.open({ dataDir: dir });
    const sql = 'SELECT indicator_code, sum(value) FROM fact_value WHERE year = 2025 GROUP BY 1';
    const direct = await DuckDBInstance.create(':memory:');
    const plain = await direct.connect();
    const lakeRoot = lakeLayout(dir).root;
    const factFiles = path.join(lakeRoot, 'fact_value', '*', '*', '*.parquet');
    await plain.run(`CREATE VIEW fact_value AS SELECT * FROM read_parquet('${factFiles}', hive_partitioning = true)`);
    const plainTimes = await repeat(() => plain.runAndReadAll(sql));
    const sandboxTimes = await repeat(() => sandbox.query(sql, null));
    const checkTimes = await repeat(() => sandbox.check(sql));
    sandbox.close();
    direct.closeSync();

    const values = Number(full.valueRows);
    const lakeFiles = lake.manifest.datasets.reduce((n, d) => n + d.files.length, 0);
    const pgFullMs = fromPostgres.copyMs + fromPostgres.buildMs;
    return [
      {
        suite: 'analytics',
        name:
          `full warehouse build (${values.toLocaleString('en-US')} values, ` +
          `${full.assignments.toLocaleString('en-US')} assignments)`,
        value: fullMs,
        unit: 'ms',
        goal: '≤ 20,000 ms',
      },
      { suite: 'analytics', name: 'bare DuckDB load of the same fact rows (baseline)', value: bareMs, unit: 'ms' },
      { suite: 'analytics', name: 'full build / bare load', value: fullMs / bareMs, unit: 'ratio' },
      {
        suite: 'analytics',
        name: 'first full build of a node on PostgreSQL (whole analytics copy + build, same rows)',
        value: pgFullMs,
        unit: 'ms',
      },
      {
        suite: 'analytics',
        name:
          `… of which the whole analytics copy (${fromPostgres.copiedRows.toLocaleString('en-US')} assignments ` +
          'and revisions, COPY out of PostgreSQL in one snapshot)',
        value: fromPostgres.copyMs,
        unit: 'ms',
      },
      { suite: 'analytics', name: '… of which the build on the copy', value: fromPostgres.buildMs, unit: 'ms' },
      {
        suite: 'analytics',
        name: 'first full build on PostgreSQL / full build from DuckDB',
        value: pgFullMs / fullMs,
        unit: 'ratio',
      },
      {
        suite: 'analytics',
        name: 'full rebuild from PostgreSQL on a running node (copy brought up to date + full build)',
        value: running.rebuild.copyMs + running.rebuild.buildMs,
        unit: `ms (copy ${Math.round(running.rebuild.copyMs)} ms)`,
      },
      {
        suite: 'analytics',
        name: 'full rebuild from PostgreSQL / full build from DuckDB',
        value: (running.rebuild.copyMs + running.rebuild.buildMs) / fullMs,
        unit: 'ratio',
        goal: '≤ 1.5',
      },
      {
        suite: 'analytics',
        name: 'refresh from PostgreSQL after one approval (rows written since copied + incremental build)',
        value: running.refresh.copyMs + running.refresh.buildMs,
        unit: `ms (copy ${Math.round(running.refresh.copyMs)} ms, ${running.refresh.values} values)`,
        goal: '≤ 1,000 ms',
      },
      {
        suite: 'analytics',
        name:
          'copy of the warehouse file that publishes a build to nodes sharing a folder ' +
          `(${(running.publish.bytes / 1e6).toFixed(0)} MB)`,
        value: running.publish.ms,
        unit: 'ms',
      },
      {
        suite: 'analytics',
        name:
          `loading the national data set into PostgreSQL (${loaded.rows.toLocaleString('en-US')} rows; ` +
          'setup, not a build)',
        value: loaded.ms,
        unit: 'ms',
      },
      {
        suite: 'analytics',
        name: `Parquet lake export (${lake.rows.toLocaleString('en-US')} rows, ${lakeFiles} files)`,
        value: lake.rows / (lakeMs / 1000),
        unit: `rows/s (${Math.round(lakeMs)} ms)`,
      },
      {
        suite: 'analytics',
        name: 'incremental refresh after one approval (warehouse)',
        value: refreshMs,
        unit: `ms (${refresh.valueRows} values)`,
        goal: '≤ 1,000 ms',
      },
      { suite: 'analytics', name: 'lake partitions rewritten after that approval', value: lakeRefreshMs, unit: 'ms' },
      ...dashboard,
      {
        suite: 'analytics',
        name: 'SQL over the lake, plain DuckDB: p50',
        value: percentile(plainTimes, 50),
        unit: 'ms',
      },
      {
        suite: 'analytics',
        name: 'same SQL through the sandbox: p50',
        value: percentile(sandboxTimes, 50),
        unit: 'ms',
      },
      {
        suite: 'analytics',
        name: 'sandbox overhead per query (p50 difference; the parser check alone)',
        value: percentile(sandboxTimes, 50) - percentile(plainTimes, 50),
        unit: `ms (check ${percentile(checkTimes, 50).toFixed(2)} ms)`,
      },
    ];
  } finally {
    await postgres?.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
