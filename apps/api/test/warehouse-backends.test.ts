import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachWarehouse, buildWarehouse, TABLE_NAMES, WH } from '@kesu/analytics';
import { openStore, rows } from '@kesu/store';
import { createTestDatabase } from '@kesu/store/testing';
import { generateNational } from '@kesu/synth';

/**
 * The warehouse is the same whichever engine holds the store: the same generated country
 * written into a DuckDB file and into PostgreSQL, each built in full, gives every table row for row.
 */
let dir: string;
let postgres: { url: string; drop: () => Promise<void> };
const built: Record<string, Record<string, string[]>> = {};

/** Every row of every warehouse table, as sorted text (the engines need not return rows in one order). */
async function buildFrom(location: string, warehouse: string): Promise<Record<string, string[]>> {
  const store = await openStore(location);
  try {
    await store.refreshAnalyticsCopy();
    const connection = await store.connect();
    await attachWarehouse(connection, warehouse);
    await buildWarehouse(connection, { full: true });
    const tables: Record<string, string[]> = {};
    for (const table of TABLE_NAMES)
      tables[table] = (await rows(connection, `SELECT * FROM ${WH}.${table}`)).map((r) => JSON.stringify(r)).sort();
    return tables;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-warehouse-backends-'));
  postgres = await createTestDatabase();
  const file = path.join(dir, 'kesu.duckdb');
  await generateNational({ location: file, scale: 'tiny', seed: 3 });
  await generateNational({ location: postgres.url, scale: 'tiny', seed: 3 });
  built['duckdb'] = await buildFrom(file, path.join(dir, 'from-duckdb.duckdb'));
  built['postgres'] = await buildFrom(postgres.url, path.join(dir, 'from-postgres.duckdb'));
}, 180_000);
afterAll(async () => {
  await postgres.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the warehouse built from PostgreSQL and from the DuckDB file', () => {
  it.each([...TABLE_NAMES])('has the same rows in %s', (table) => {
    expect(built['postgres']?.[table]).toEqual(built['duckdb']?.[table]);
  });

  // The synthetic country's forms bind no plan target fields, so fact_target_value stays empty there.
  it.each(['dim_region', 'dim_target', 'fact_value', 'fact_submission', 'fact_progress'])(
    'compares %s on rows that exist',
    (table) => {
      expect(built['duckdb']?.[table]?.length).toBeGreaterThan(0);
    },
  );
});
