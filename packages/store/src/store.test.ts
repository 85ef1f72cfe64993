import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import type { Indicator } from '@kesu/schema';
import { openStore, quoteIdent, quoteLiteral } from './database.js';
import { migrate, MIGRATIONS, schemaVersion, type Migration } from './migrations/index.js';
import { listPlanDocuments, savePlanDocument } from './repositories/plan-documents.js';
import { replaceRegistry } from './repositories/registry.js';
import { summarize } from './repositories/summary.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kesu-store-'));
  file = path.join(dir, 'data', 'kesu.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const registry = () => ({
  regions: loadRegions(),
  functions: loadDepartmentRegistry().functions,
  indicators: loadIndicatorCatalog().indicators,
});

describe('migrations', () => {
  it('bring an empty file to the newest version, once', async () => {
    const store = await openStore(file);
    expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
    store.close();
    const again = await openStore(file);
    const rows = await again.connection.runAndReadAll('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(rows.getRowObjects()[0]?.['n'])).toBe(MIGRATIONS.length);
    again.close();
  });

  it('roll a failed step back and keep the previous version', async () => {
    const store = await openStore(file);
    const broken: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE ok (x INT); CREATE TABLE bad (' }];
    await expect(migrate(store.connection, broken)).rejects.toThrow(`migration ${MIGRATIONS.length + 1} (broken) failed`);
    expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
    const tables = await store.connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ok'");
    expect(Number(tables.getRowObjects()[0]?.['n'])).toBe(0);
    store.close();
  });

  it('bring a database of the previous version forward and keep its data', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(file);
    const old = await instance.connect();
    await migrate(old, MIGRATIONS.slice(0, -1));
    await savePlanDocument(old, 'old.txt', '旧版本中的方案');
    old.closeSync();
    instance.closeSync();
    const store = await openStore(file);
    expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
    expect((await listPlanDocuments(store.connection)).map((d) => d.name)).toEqual(['old.txt']);
    store.close();
  });

  it('refuse a database newer than the program', async () => {
    const store = await openStore(file);
    await store.connection.run("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')");
    store.close();
    await expect(openStore(file)).rejects.toThrow(/newer than this program/);
  });
});

describe('registry', () => {
  it('loads the seed registries and replaces them idempotently', async () => {
    const store = await openStore(file);
    await replaceRegistry(store.connection, registry());
    await replaceRegistry(store.connection, registry());
    const summary = await summarize(store.connection);
    expect(summary).toMatchObject({
      regions: registry().regions.length,
      departmentFunctions: registry().functions.length,
      indicators: registry().indicators.length,
    });
    const row = await store.connection.runAndReadAll("SELECT name, parent FROM regions WHERE code = '230522'");
    expect(row.getRowObjects()[0]).toEqual({ name: '友谊县', parent: '230500' });
    store.close();
  });

  it('leaves what was stored untouched when a replacement fails', async () => {
    const store = await openStore(file);
    await replaceRegistry(store.connection, registry());
    const bad = { ...registry(), indicators: [{ ...registry().indicators[0], kind: 'ratio' } as unknown as Indicator] };
    await expect(replaceRegistry(store.connection, bad)).rejects.toThrow();
    expect((await summarize(store.connection)).indicators).toBe(registry().indicators.length);
    store.close();
  });
});

describe('plan documents', () => {
  it('are stored once by content', async () => {
    const store = await openStore(file);
    const a = await savePlanDocument(store.connection, 'a.txt', '实施方案');
    await savePlanDocument(store.connection, 'a-again.txt', '实施方案');
    await savePlanDocument(store.connection, "b'; DROP TABLE regions; --.txt", '另一个方案');
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await listPlanDocuments(store.connection)).map((d) => d.name)).toEqual(['a.txt', "b'; DROP TABLE regions; --.txt"]);
    expect((await summarize(store.connection)).regions).toBe(0);
    store.close();
  });
});

describe('quoteIdent', () => {
  it('doubles embedded quotes', () => {
    expect(quoteIdent('plain')).toBe('"plain"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});

describe('quoteLiteral', () => {
  it('doubles embedded single quotes', () => {
    expect(quoteLiteral('plain')).toBe("'plain'");
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });
});
