import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, exportLake, Sandbox, SandboxError } from '../src/index.js';
import { CITY, JINJIANG, openFixture, QINGYANG, type Fixture } from './fixture.js';

const DONGCHENG = '110101';
let f: Fixture;
let wh: DuckDBConnection;
let sandbox: Sandbox;

beforeAll(async () => {
  f = await openFixture();
  wh = f.wh;
  await f.report(JINJIANG, '2025Q1', { trainings: 200, bases: 10, literacy: 14 });
  await f.report(QINGYANG, '2025Q1', { trainings: 150 });
  await f.report(CITY, '2025Q2', { trainings: 100 });
  await f.report(DONGCHENG, '2025Q1', { trainings: 777, literacy: 25 });
  await buildWarehouse(wh);
  await exportLake(wh, f.dir);
  sandbox = await Sandbox.open({ dataDir: f.dir, timeoutMs: 500, maxRows: 100 });
});
afterAll(() => {
  sandbox.close();
  f.close();
});

const SICHUAN = '510000';
const LAKE = "'lake/fact_value/*/*/*.parquet'";

/** Attempts to leave the sandbox or the Sichuan scope; every one must be refused with a reason. */
const ESCAPES: string[] = [
  `SELECT * FROM read_parquet(${LAKE})`,
  "SELECT * FROM read_parquet('lake/fact_value/year=2025/province=110000/part-0.parquet')",
  "SELECT * FROM read_csv('/etc/passwd')",
  "SELECT * FROM read_csv_auto('/etc/passwd')",
  "SELECT * FROM read_text('/etc/passwd')",
  "SELECT * FROM read_blob('kesu.duckdb')",
  "SELECT * FROM read_json('kesu.duckdb')",
  "SELECT * FROM 'lake/fact_value/year=2025/province=110000/part-0.parquet'",
  'SELECT * FROM "/etc/passwd"',
  "SELECT * FROM glob('*')",
  'SELECT * FROM duckdb_tables()',
  'SELECT * FROM duckdb_views',
  'SELECT * FROM duckdb_settings()',
  'SELECT * FROM information_schema.tables',
  'SELECT * FROM information_schema.columns',
  'SELECT * FROM "information_schema"."tables"',
  'SELECT * FROM pg_catalog.pg_class',
  'SELECT * FROM sqlite_master',
  'SELECT * FROM main.fact_value',
  'SELECT * FROM temp.fact_value',
  'SELECT * FROM temp.main.fact_value',
  'SELECT * FROM memory.main.fact_value',
  "SELECT current_setting('allowed_directories')",
  "SELECT getenv('HOME')",
  "SELECT main.lower('A')",
  "SELECT system.main.trim('A')",
  "SELECT pg_catalog.substring('A', 1)",
  "SELECT getvariable('x')",
  // Catalogue macros and session functions: not on the allow-list, though DuckDB has them.
  'SELECT pg_get_viewdef(1)',
  "SELECT pg_get_viewdef('fact_value'::regclass)",
  'SELECT current_query()',
  'SELECT version()',
  'SELECT current_database()',
  'SELECT txid_current()',
  'SELECT sleep_ms(100000)',
  'SELECT pg_size_pretty(1) FROM fact_value',
  "SELECT * FROM query('SELECT * FROM read_parquet(''x'')')",
  "SELECT * FROM query_table('fact_value')",
  "ATTACH 'other.duckdb' AS other",
  'INSTALL httpfs',
  'LOAD httpfs',
  "COPY fact_value TO '/tmp/out.csv'",
  "COPY (SELECT 1) TO 'lake/x.parquet'",
  "EXPORT DATABASE '/tmp/kesu-export'",
  'SET enable_external_access = true',
  "SET allowed_directories = ['/']",
  'PRAGMA database_list',
  "CREATE SECRET s (TYPE s3, KEY_ID 'x', SECRET 'y')",
  'CREATE TABLE t AS SELECT 1',
  'DROP VIEW fact_value',
  "CREATE OR REPLACE TEMP VIEW fact_value AS SELECT * FROM read_parquet('x')",
  "SELECT 1; SELECT * FROM read_csv('x')",
  'WITH x AS (SELECT 1) SELECT * FROM duckdb_tables',
  'SELECT * FROM (WITH duckdb_views AS (SELECT 1) SELECT 1) a, duckdb_views',
  `SELECT * FROM fact_value WHERE region_code IN (SELECT region_code FROM read_parquet(${LAKE}))`,
  `SELECT (SELECT count(*) FROM read_parquet(${LAKE}))`,
  `SELECT region_code FROM fact_value UNION ALL SELECT region_code FROM read_parquet(${LAKE})`,
  "SELECT * FROM sniff_csv('/etc/passwd')",
  `SELECT * FROM parquet_metadata(${LAKE})`,
  "SELECT * FROM parquet_schema('x')",
  'SELECT * FROM warehouse_builds',
  "SELECT * FROM pragma_table_info('fact_value')",
  "SELECT * FROM json_execute_serialized_sql('{}')",
  'SUMMARIZE duckdb_settings()',
  'DESCRIBE information_schema.tables',
  'SELECT * FROM fact_value, LATERAL read_csv(region_code)',
  'CALL pragma_version()',
  'VACUUM',
  'CHECKPOINT',
  'USE memory',
  'DETACH memory',
  "SELECT * FROM iceberg_scan('x')",
  "SELECT * FROM delta_scan('x')",
  'SELECT * FROM FACT_VALUE_OTHER',
];

describe('sandboxed SQL: escapes', () => {
  it('lists at least 50 attempts', () => expect(ESCAPES.length).toBeGreaterThanOrEqual(50));

  it.each(ESCAPES)('refuses %s', async (sql) => {
    const error = await sandbox.query(sql, SICHUAN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxError);
    const refused = error as SandboxError;
    expect(refused.zh.length).toBeGreaterThan(3);
    expect(refused.en.length).toBeGreaterThan(3);
    expect(refused.zh).not.toContain(f.dir);
  });
});

/** Queries that run, and must still show a Sichuan user nothing of Beijing. */
const CONTAINED = [
  'SELECT region_code, province_code FROM fact_value',
  "SELECT region_code, province_code FROM fact_value WHERE province_code = '110000' OR 1 = 1",
  "SELECT region_code, province_code FROM dim_region WHERE province_code = '110000' OR true",
  "SELECT region_code, '510000' AS province_code FROM region_tree " +
    "WHERE ancestor_code = '110000' OR ancestor_code <> ''",
  'SELECT f.region_code, r.province_code FROM fact_value f JOIN dim_region r USING (region_code)',
  'WITH x AS (SELECT * FROM fact_submission) SELECT region_code, province_code FROM x',
  "SELECT region_code, province_code FROM 'fact_value'",
  'SELECT region_code, province_code FROM fact_value WHERE region_code IN (SELECT region_code FROM dim_region)',
  'SELECT p.region_code, r.province_code FROM fact_progress p JOIN dim_region r USING (region_code)',
  'SELECT t.region_code, r.province_code FROM dim_target t JOIN dim_region r USING (region_code)',
];

describe('sandboxed SQL: row scoping', () => {
  it.each(CONTAINED)('keeps %s inside Sichuan', async (sql) => {
    const result = await sandbox.query(sql, SICHUAN);
    for (const row of result.rows) expect(row[1]).toBe(SICHUAN);
  });

  it('shows a national user every province, and a city user only the city', async () => {
    const national = await sandbox.query('SELECT DISTINCT province_code FROM fact_value ORDER BY 1', null);
    expect(national.rows).toEqual([['110000'], [SICHUAN]]);
    const city = await sandbox.query('SELECT DISTINCT region_code FROM fact_value ORDER BY 1', CITY);
    expect(city.rows).toEqual([[CITY], [JINJIANG], [QINGYANG]]);
    const district = await sandbox.query('SELECT sum(value) FROM fact_value', DONGCHENG);
    expect(district.rows).toEqual([[802]]);
  });

  it('says when a scope filtered the rows: a region-scoped table read under a scope', async () => {
    const scopedTo = async (sql: string, scope: string | null) => (await sandbox.query(sql, scope)).scopedTo;
    expect(await scopedTo("SELECT * FROM fact_value WHERE region_code = '110101'", CITY)).toBe(CITY);
    expect(await scopedTo('WITH r AS (SELECT * FROM dim_region) SELECT count(*) FROM r', SICHUAN)).toBe(SICHUAN);
    expect(await scopedTo('SELECT * FROM fact_value', null)).toBeNull();
    expect(await scopedTo('SELECT * FROM dim_indicator', CITY)).toBeNull();
    expect(await scopedTo('WITH fact_value AS (SELECT 1 AS x) SELECT * FROM fact_value', CITY)).toBeNull();
    expect(await scopedTo('SELECT 42 AS answer', CITY)).toBeNull();
  });
});

describe('sandboxed SQL: syntax the parser rewrites into functions', () => {
  it('runs TRIM, SUBSTRING, EXTRACT, POSITION, LIKE … ESCAPE, AT TIME ZONE and list and struct literals', async () => {
    const sql = `SELECT trim(' 锦江 ') AS a, substring(period FROM 1 FOR 4) AS b,
      extract(year FROM DATE '2025-03-01') AS c, position('Q' IN period) AS d, period LIKE '2025!Q%' ESCAPE '!' AS e,
      TIMESTAMPTZ '2025-01-01 00:00:00+00' AT TIME ZONE 'UTC' IS NOT NULL AS f, [1, 2][2] AS g, {'k': 1}.k AS h
      FROM fact_value WHERE period = '2025Q1' LIMIT 1`;
    const result = await sandbox.query(sql, SICHUAN);
    expect(result.rows).toEqual([['锦江', '2025', '2025', '5', true, true, 2, 1]]);
  });
});

describe('sandboxed SQL: limits', () => {
  it('stops a query at the time limit and keeps serving', async () => {
    const error = await sandbox.query('SELECT count(*) FROM range(100000000000) a', SICHUAN).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
    expect((await sandbox.query('SELECT 1 AS one', SICHUAN)).rows).toEqual([[1]]);
  });

  it('returns at most the row limit and says so', async () => {
    const result = await sandbox.query('SELECT * FROM range(1000) t(i)', SICHUAN);
    expect(result.rows).toHaveLength(100);
    expect(result.truncated).toBe(true);
    expect(result.columns).toEqual([{ name: 'i', type: 'BIGINT' }]);
  });

  it('cuts a wide answer at the byte limit and says so, and answers exactly when nothing was cut', async () => {
    const wide = await Sandbox.open({ dataDir: f.dir, maxBytes: 1_000_000 });
    try {
      // About 500 MB as JSON: cut near 1 MB, never an answer that looks whole.
      const cut = await wide.query("SELECT repeat('x', 5000) AS filler FROM range(100000)", SICHUAN);
      expect(cut.truncated).toBe(true);
      expect(JSON.stringify(cut.rows).length).toBeLessThanOrEqual(1_000_000);
      expect(JSON.stringify(cut.rows).length).toBeGreaterThan(1_000_000 - 5_010);
      const whole = await wide.query("SELECT repeat('x', 5000) AS filler FROM range(150)", SICHUAN);
      expect(whole).toMatchObject({ truncated: false });
      expect(whole.rows).toHaveLength(150);
    } finally {
      wide.close();
    }
  });

  it('fails a query stopped while its rows are read, rather than answering with the rows read so far', async () => {
    const long = await Sandbox.open({ dataDir: f.dir, timeoutMs: 300, maxRows: 100_000_000, maxBytes: 2_000_000_000 });
    try {
      // Fifty million rows take far longer than 300 ms to read: the limit strikes mid-stream.
      const error = await long.query('SELECT i FROM range(50000000) t(i)', SICHUAN).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'timeout' });
    } finally {
      long.close();
    }
  });

  it('cancels a running query', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await sandbox
      .query('SELECT count(*) FROM range(100000000000) a', SICHUAN, controller.signal)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled' });
  });

  it('points at a refused function by its place in the text, however many 汉字 come before it', async () => {
    const sql = "SELECT '科学素质' AS 标签, * FROM read_csv('/etc/passwd')";
    const error = (await sandbox.query(sql, SICHUAN).catch((e: unknown) => e)) as SandboxError;
    expect(error.problems[0]?.position).toBe(sql.indexOf('read_csv'));
    const syntax = (await sandbox
      .query("SELECT '科学' FORM fact_value", SICHUAN)
      .catch((e: unknown) => e)) as SandboxError;
    expect(syntax.problems[0]?.position).toBe("SELECT '科学' FORM ".length);
  });

  it('points at a syntax error (FORM is read as an alias, so the error is at the next word)', async () => {
    const error = (await sandbox.query('SELECT * FORM fact_value', SICHUAN).catch((e: unknown) => e)) as SandboxError;
    expect(error.code).toBe('syntax');
    expect(error.problems[0]?.position).toBe(14);
  });
});

/** Reads an exported file with hyparquet, a reader that shares no code with DuckDB. */
async function readExport(file: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(file);
  return parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    compressors,
  });
}

describe('sandboxed SQL: Parquet export', () => {
  it.each(ESCAPES.slice(0, 20))('refuses %s', async (sql) => {
    await expect(sandbox.exportParquet(sql, SICHUAN)).rejects.toBeInstanceOf(SandboxError);
  });

  it.each(CONTAINED)('keeps the export of %s inside Sichuan', async (sql) => {
    const exported = await sandbox.exportParquet(sql, SICHUAN);
    try {
      const rows = await readExport(exported.file);
      expect(rows.length).toBe(exported.rows);
      for (const row of rows) expect(Object.values(row)[1]).toBe(SICHUAN);
    } finally {
      exported.remove();
    }
  });

  it('writes the columns and rows of the query, names made unique, at most the row limit', async () => {
    const exported = await sandbox.exportParquet("SELECT i, '第' || i AS 名称, i AS i FROM range(1000) t(i)", SICHUAN);
    const rows = await readExport(exported.file);
    exported.remove();
    expect(exported).toMatchObject({ rows: 100, truncated: true });
    expect(rows).toHaveLength(100);
    expect(rows[1]).toEqual({ i: 1n, 名称: '第1', 'i:1': 1n });
    expect(existsSync(path.dirname(exported.file))).toBe(false);
  });

  it('stops at the time limit and on cancel, and keeps serving', async () => {
    await expect(sandbox.exportParquet('SELECT count(*) FROM range(100000000000) a', SICHUAN)).rejects.toMatchObject({
      code: 'timeout',
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      sandbox.exportParquet('SELECT count(*) FROM range(100000000000) a', SICHUAN, controller.signal),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect((await sandbox.query('SELECT 1 AS one', SICHUAN)).rows).toEqual([[1]]);
  });
});
