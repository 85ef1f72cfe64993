import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows, submissionBatch } from '@kesu/store';
import { buildWarehouse, exportLake, readManifest, lakeLayout, type LakeManifest } from '../src/index.js';
import { CITY, JINJIANG, openFixture, QINGYANG, type Fixture } from './fixture.js';

let f: Fixture;
let wh: DuckDBConnection;

beforeEach(async () => {
  f = await openFixture();
  wh = f.wh;
  await f.report(JINJIANG, '2024Q4', { trainings: 300 });
  await f.report(JINJIANG, '2025Q1', { trainings: 200, trainings_youth: 50, bases: 10, literacy: 14 });
  await f.report(QINGYANG, '2025Q1', { trainings: 150, bases: 12 });
  await f.report(CITY, '2025Q2', { trainings: 100, literacy: 15.5 });
  await buildWarehouse(wh);
});
afterEach(() => {
  f.close();
});

/** Reads a file with hyparquet, a reader that shares no code with DuckDB. */
async function readBack(file: string): Promise<Array<Record<string, unknown>>> {
  const bytes = readFileSync(file);
  return parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    compressors,
  });
}

async function checkEveryFile(root: string, manifest: LakeManifest) {
  for (const dataset of manifest.datasets) {
    const stored = Number((await rows(wh, `SELECT count(*) AS n FROM wh.${dataset.name}`))[0]?.['n']);
    expect(dataset.rows, dataset.name).toBe(stored);
    for (const file of dataset.files) {
      const full = path.join(root, dataset.name, file.path);
      expect(createHash('sha256').update(readFileSync(full)).digest('hex')).toBe(file.sha256);
      expect((await readBack(full)).length, file.path).toBe(file.rows);
    }
  }
}

describe('Parquet lake', () => {
  it('writes every table, facts by year and province, with a manifest an independent reader agrees with', async () => {
    const { manifest, rows: total } = await exportLake(wh, f.dir);
    const root = lakeLayout(f.dir).root;
    expect(readManifest(lakeLayout(f.dir))).toEqual(manifest);
    const facts = manifest.datasets.find((d) => d.name === 'fact_value');
    expect(facts?.files.map((x) => x.path)).toEqual([
      'year=2024/province=510000/part-0.parquet',
      'year=2025/province=510000/part-0.parquet',
    ]);
    expect(total).toBeGreaterThan(3000);
    await checkEveryFile(root, manifest);
    const values = await readBack(path.join(root, 'fact_value', 'year=2025', 'province=510000', 'part-0.parquet'));
    const youth = values.find((v) => v['disaggregation'] === 'targetGroup=youth');
    expect(youth).toMatchObject({
      region_code: JINJIANG,
      period: '2025Q1',
      indicator_code: 'training_person_times',
      value: 50,
    });
    expect(Object.keys(youth ?? {})).not.toContain('year');
  });

  it('rewrites only the partitions an approval touched and links the rest', async () => {
    await exportLake(wh, f.dir);
    const id = await f.report(QINGYANG, '2025Q2', { trainings: 999 }, false);
    await f.store.writes.batch(submissionBatch, {
      assignmentId: id,
      action: 'approve',
      actor: 'reviewer',
      formVersion: 1,
    });
    const build = await buildWarehouse(wh);
    expect(build.touched).toEqual([{ year: 2025, province: '510000' }]);
    const { manifest } = await exportLake(wh, f.dir, build.touched);
    const root = lakeLayout(f.dir).root;
    expect(statSync(path.join(root, 'fact_value', 'year=2024', 'province=510000', 'part-0.parquet')).nlink).toBe(2);
    expect(statSync(path.join(root, 'fact_value', 'year=2025', 'province=510000', 'part-0.parquet')).nlink).toBe(1);
    await checkEveryFile(root, manifest);
  });

  it('never shows a reader a half-written lake', async () => {
    await exportLake(wh, f.dir);
    const root = lakeLayout(f.dir).root;
    let done = false;
    let looks = 0;
    const exports = Promise.all([exportLake(wh, f.dir), exportLake(wh, f.dir)]).finally(() => (done = true));
    while (!done) {
      const manifest = readManifest(lakeLayout(f.dir)) as LakeManifest;
      for (const d of manifest.datasets)
        for (const file of d.files) expect(existsSync(path.join(root, d.name, file.path))).toBe(true);
      looks++;
      await new Promise((r) => setImmediate(r));
    }
    await exports;
    expect(looks).toBeGreaterThan(1);
  });
});
