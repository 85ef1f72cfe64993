import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import { exec, quoteLiteral, rows } from '@kesu/store';
import { WH } from '../warehouse/attach.js';
import type { StepListener } from '../warehouse/steps.js';
import { WAREHOUSE_TABLES, type TableDoc } from '../warehouse/tables.js';
import { lakeLayout, PARTITION_KEYS, type LakeLayout, type Partition } from './layout.js';
import type { LakeManifest, ManifestDataset, ManifestFile } from './manifest.js';

export interface LakeExport {
  manifest: LakeManifest;
  generation: string;
  rows: number;
  ms: number;
}

const PARQUET = 'FORMAT parquet, COMPRESSION zstd';

// Partition values reach COPY as literals (COPY takes no parameters), so they are checked first.
function checkPartition(p: Partition): Partition {
  if (!Number.isInteger(p.year) || !/^[0-9A-Za-z]{1,12}$/.test(p.province))
    throw new Error(`bad lake partition ${JSON.stringify(p)}`);
  return p;
}

const partitionDir = (p: Partition) => `year=${p.year}/province=${p.province}`;

/** The rows of a partitioned dataset, with the hive keys as the last columns. */
const partitionedSelect = (table: TableDoc) =>
  `SELECT * EXCLUDE (year), coalesce(year, 0) AS year, coalesce(province_code, 'unknown') AS province
   FROM ${WH}.${table.name}`;

async function writeDataset(
  connection: DuckDBConnection,
  table: TableDoc,
  dir: string,
  touched: Partition[] | null,
): Promise<void> {
  if (!table.partitioned) {
    mkdirSync(dir, { recursive: true });
    await exec(
      connection,
      `COPY ${WH}.${table.name} TO ${quoteLiteral(path.join(dir, 'part-0.parquet'))} (${PARQUET})`,
    );
    return;
  }
  if (touched === null) {
    await exec(
      connection,
      `COPY (${partitionedSelect(table)}) TO ${quoteLiteral(dir)}
       (${PARQUET}, PARTITION_BY (${PARTITION_KEYS.join(', ')}), FILENAME_PATTERN 'part-{i}')`,
    );
    if (parquetFiles(dir).length === 0) await writeEmpty(connection, table, dir);
    return;
  }
  for (const p of touched.map(checkPartition)) {
    const target = path.join(dir, partitionDir(p));
    rmSync(target, { recursive: true, force: true });
    const where = `WHERE year = ${p.year} AND province = ${quoteLiteral(p.province)}`;
    const count = Number(
      (await rows(connection, `SELECT count(*) AS n FROM (${partitionedSelect(table)}) ${where}`))[0]?.['n'] ?? 0,
    );
    if (count === 0) continue;
    mkdirSync(target, { recursive: true });
    await exec(
      connection,
      `COPY (SELECT * EXCLUDE (year, province) FROM (${partitionedSelect(table)}) ${where})
       TO ${quoteLiteral(path.join(target, 'part-0.parquet'))} (${PARQUET})`,
    );
  }
}

/** An empty dataset still gets one (empty) file, so readers find its columns. */
async function writeEmpty(connection: DuckDBConnection, table: TableDoc, dir: string): Promise<void> {
  const target = path.join(dir, partitionDir({ year: 0, province: 'none' }));
  mkdirSync(target, { recursive: true });
  await exec(
    connection,
    `COPY (SELECT * EXCLUDE (year, province) FROM (${partitionedSelect(table)}) LIMIT 0)
     TO ${quoteLiteral(path.join(target, 'part-0.parquet'))} (${PARQUET})`,
  );
}

function parquetFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Carries every file of the untouched partitions over from the current generation, as hard links. */
function linkUntouched(from: string, to: string, touched: Partition[]): void {
  const skip = new Set(touched.map(partitionDir));
  for (const file of parquetFiles(from)) {
    if (skip.has(path.posix.dirname(file))) continue;
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    linkSync(path.join(from, file), path.join(to, file));
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

async function describeDataset(
  connection: DuckDBConnection,
  table: TableDoc,
  dir: string,
  previous: Map<string, ManifestFile>,
): Promise<ManifestDataset> {
  const files = parquetFiles(dir);
  const counts = new Map<string, number>();
  if (files.length > 0) {
    const glob = quoteLiteral(path.join(dir, '**', '*.parquet'));
    for (const r of await rows(
      connection,
      `SELECT filename, count(*) AS n FROM read_parquet(${glob}, filename = true, hive_partitioning = false)
       GROUP BY filename`,
    )) {
      counts.set(path.relative(dir, String(r['filename'])).split(path.sep).join('/'), Number(r['n']));
    }
  }
  const described = await Promise.all(
    files.map(async (file): Promise<ManifestFile> => {
      const full = path.join(dir, file);
      const bytes = statSync(full).size;
      const old = previous.get(`${table.name}/${file}`);
      // A hard-linked file is the same bytes as before: keep its checksum.
      const sha = old && old.bytes === bytes && statSync(full).nlink > 1 ? old.sha256 : await sha256(full);
      return { path: file, rows: counts.get(file) ?? 0, bytes, sha256: sha };
    }),
  );
  return {
    name: table.name,
    partitionedBy: table.partitioned ? [...PARTITION_KEYS] : [],
    columns: table.columns,
    rows: described.reduce((s, f) => s + f.rows, 0),
    files: described,
  };
}

/** The manifest of the generation readers see now, if any. */
export function readManifest(layout: LakeLayout): LakeManifest | null {
  const file = path.join(layout.root, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LakeManifest) : null;
}

/** Points `lake` at the new generation in one rename, then removes all but it and the one before. */
function swapIn(layout: LakeLayout, generation: string): void {
  const link = `${layout.root}.next-${randomBytes(4).toString('hex')}`;
  symlinkSync(path.relative(path.dirname(layout.root), generation), link);
  const previous = existsSync(layout.root) ? path.resolve(path.dirname(layout.root), readlinkSync(layout.root)) : null;
  renameSync(link, layout.root);
  // Readers that resolved the previous generation a moment ago may still be reading it.
  const keep = new Set([path.basename(generation), previous ? path.basename(previous) : '']);
  for (const old of readdirSync(layout.generations))
    if (!keep.has(old)) rmSync(path.join(layout.generations, old), { recursive: true, force: true });
}

// One export per lake at a time: a second would clear the first's generation while it is written.
const running = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (running.get(key) ?? Promise.resolve()).then(work, work);
  running.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Writes the warehouse out as Parquet under `<data>/lake`: every documented table, the fact
 * tables hive-partitioned by year and province, zstd-compressed, with a manifest of schemas,
 * row counts and checksums. Given `touched` partitions, only those are rewritten and every other
 * file is carried over; either way the new lake appears at once, never half-written.
 */
export function exportLake(
  connection: DuckDBConnection,
  dataDir: string,
  touched: Partition[] | null = null,
  onStep: StepListener = () => undefined,
): Promise<LakeExport> {
  return oneAtATime(path.resolve(dataDir), () => writeGeneration(connection, dataDir, touched, onStep));
}

async function writeGeneration(
  connection: DuckDBConnection,
  dataDir: string,
  touched: Partition[] | null,
  onStep: StepListener,
): Promise<LakeExport> {
  const started = performance.now();
  const layout = lakeLayout(dataDir);
  const current = existsSync(layout.root) ? layout.root : null;
  const incremental = touched !== null && current !== null;
  const generation = path.join(
    layout.generations,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`,
  );
  mkdirSync(generation, { recursive: true });
  const previous = new Map(
    (readManifest(layout)?.datasets ?? []).flatMap((d) => d.files.map((f) => [`${d.name}/${f.path}`, f] as const)),
  );
  const datasets: ManifestDataset[] = [];
  for (const [i, table] of WAREHOUSE_TABLES.entries()) {
    onStep(table.name, i, WAREHOUSE_TABLES.length);
    const dir = path.join(generation, table.name);
    if (incremental && table.partitioned) linkUntouched(path.join(current, table.name), dir, touched);
    await writeDataset(connection, table, dir, incremental ? touched : null);
    datasets.push(await describeDataset(connection, table, dir, previous));
  }
  const manifest: LakeManifest = {
    format: 'kesu-lake/1',
    builtAt: new Date().toISOString(),
    compression: 'zstd',
    datasets,
  };
  writeFileSync(path.join(generation, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  swapIn(layout, generation);
  onStep('done', WAREHOUSE_TABLES.length, WAREHOUSE_TABLES.length);
  return { manifest, generation, rows: datasets.reduce((s, d) => s + d.rows, 0), ms: performance.now() - started };
}
