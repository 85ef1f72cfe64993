import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDepartmentRegistry, loadIndicatorCatalog, loadRegions } from '@kesu/seeds';
import type { Indicator } from '@kesu/schema';
import { openStore, quoteIdent, quoteLiteral } from './database.js';
import { migrate, MIGRATIONS, schemaVersion, type Migration } from './migrations/index.js';
import { listPlanDocuments, savePlanDocument } from './repositories/plan-documents.js';
import { replaceRegistry } from './repositories/registry.js';
import { summarize } from './repositories/summary.js';
import { BACKENDS, openTestStore, rawDb, testStoreLocation, type TestStore } from './testing/index.js';

const registry = () => ({
  regions: loadRegions(),
  functions: loadDepartmentRegistry().functions,
  indicators: loadIndicatorCatalog().indicators,
});

describe.each(BACKENDS)('on %s', (backend) => {
  describe('migrations', () => {
    // These tests open and close the database themselves: they start from an empty location.
    let location: string;
    let remove: () => Promise<void>;
    beforeEach(async () => {
      ({ location, remove } = await testStoreLocation(backend));
    });
    afterEach(() => remove());

    it('bring an empty database to the newest version, once', async () => {
      const store = await openStore(location);
      expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
      await store.close();
      const again = await openStore(location);
      const rows = await again.connection.rows('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]?.['n'])).toBe(MIGRATIONS.length);
      await again.close();
    });

    it('roll a failed step back and keep the previous version', async () => {
      const store = await openStore(location);
      const broken: Migration[] = [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE ok (x INT); CREATE TABLE bad (' },
      ];
      await expect(migrate(store.connection, broken)).rejects.toThrow(
        `migration ${MIGRATIONS.length + 1} (broken) failed`,
      );
      expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
      const tables = await store.connection.rows(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ok'",
      );
      expect(Number(tables[0]?.['n'])).toBe(0);
      await store.close();
    });

    it('bring a database of the previous version forward and keep its data', async () => {
      const old = await rawDb(location);
      await migrate(old.db, MIGRATIONS.slice(0, -1));
      await savePlanDocument(old.db, 'old.txt', '旧版本中的方案');
      await old.close();
      const store = await openStore(location);
      expect(await schemaVersion(store.connection)).toBe(MIGRATIONS.length);
      expect((await listPlanDocuments(store.connection)).map((d) => d.name)).toEqual(['old.txt']);
      await store.close();
    });

    it('refuse a database newer than the program', async () => {
      const store = await openStore(location);
      await store.connection.exec("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')");
      await store.close();
      await expect(openStore(location)).rejects.toThrow(/newer than this program/);
    });
  });

  describe('with a store', () => {
    let t: TestStore;
    beforeEach(async () => {
      t = await openTestStore(backend);
    });
    afterEach(() => t.dispose());

    describe('registry', () => {
      it('loads the seed registries and replaces them idempotently', async () => {
        await replaceRegistry(t.store.connection, registry());
        await replaceRegistry(t.store.connection, registry());
        const summary = await summarize(t.store.connection);
        expect(summary).toMatchObject({
          regions: registry().regions.length,
          departmentFunctions: registry().functions.length,
          indicators: registry().indicators.length,
        });
        const rows = await t.store.connection.rows("SELECT name, parent FROM regions WHERE code = '230522'");
        expect(rows[0]).toEqual({ name: '友谊县', parent: '230500' });
      });

      it('leaves what was stored untouched when a replacement fails', async () => {
        await replaceRegistry(t.store.connection, registry());
        const bad = {
          ...registry(),
          indicators: [{ ...registry().indicators[0], kind: 'ratio' } as unknown as Indicator],
        };
        await expect(replaceRegistry(t.store.connection, bad)).rejects.toThrow();
        expect((await summarize(t.store.connection)).indicators).toBe(registry().indicators.length);
      });
    });

    describe('plan documents', () => {
      it('are stored once by content', async () => {
        const conn = t.store.connection;
        const a = await savePlanDocument(conn, 'a.txt', '实施方案');
        await savePlanDocument(conn, 'a-again.txt', '实施方案');
        await savePlanDocument(conn, "b'; DROP TABLE regions; --.txt", '另一个方案');
        expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect((await listPlanDocuments(conn)).map((d) => d.name)).toEqual(['a.txt', "b'; DROP TABLE regions; --.txt"]);
        expect((await summarize(conn)).regions).toBe(0);
      });
    });
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
